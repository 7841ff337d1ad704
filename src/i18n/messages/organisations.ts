// Organisations: their public pages, the organisation picker, and its messages.

import type { MessageTable } from './table.ts'

export const organisationsMessages = {
  'organisation.picker.hint': {
    nl: 'Typ een deel van de naam of een andere naam (Den Haag, TU Delft) en kies uit de lijst.',
    en: 'Type part of the name or another name (The Hague, TU Delft) and choose from the list.',
  },
  'validation.organisationUnknown': {
    nl: 'Geen organisatie heet “{name}”. Bedoelt u: {suggestions}?',
    en: 'No organisation is called “{name}”. Did you mean: {suggestions}?',
  },
  'validation.organisationUnknownNoSuggestion': {
    nl: 'Geen organisatie heet “{name}”. Kies een naam uit de lijst.',
    en: 'No organisation is called “{name}”. Choose a name from the list.',
  },
  'validation.organisationAmbiguous': {
    nl: 'Meer organisaties heten “{name}”: {names}. Kies er een uit de lijst.',
    en: 'Several organisations are called “{name}”: {names}. Choose one from the list.',
  },
} as const satisfies MessageTable
