// Form field labels (also used in API validation problems) and shared form texts.

import type { MessageTable } from './table.ts'

export const formsMessages = {
  'field.q': { nl: 'Zoekwoorden', en: 'Search terms' },
  'field.page': { nl: 'Pagina', en: 'Page' },
  'field.pageSize': { nl: 'Aantal per pagina', en: 'Items per page' },
  'field.sort': { nl: 'Sortering', en: 'Sort order' },
  'field.lang': { nl: 'Taal', en: 'Language' },
  'field.email': { nl: 'E-mailadres', en: 'E-mail address' },
  'field.password': { nl: 'Wachtwoord', en: 'Password' },
  'field.passwordConfirmation': { nl: 'Herhaal het wachtwoord', en: 'Repeat the password' },
  'field.name': { nl: 'Naam', en: 'Name' },
  'field.role': { nl: 'Rol', en: 'Role' },
  'field.organisationId': { nl: 'Organisatie', en: 'Organisation' },
  'field.locale': { nl: 'Taal voor e-mail', en: 'Language for e-mail' },
  'field.kind': { nl: 'Soort organisatie', en: 'Kind of organisation' },
  'field.cbsCode': { nl: 'CBS-code', en: 'CBS code' },
  'field.websiteUrl': { nl: 'Website', en: 'Website' },
  'field.isCityDealPartner': { nl: 'Partner van de City Deal', en: 'City Deal partner' },
  'field.targetId': { nl: 'Samenvoegen met', en: 'Merge with' },
  'field.active': { nl: 'Actief', en: 'Active' },
  'field.version': { nl: 'Versie', en: 'Version' },

  'form.none': { nl: '(geen)', en: '(none)' },
  'form.passwordHint': {
    nl: 'Minstens 12 tekens. Een zin van een paar woorden is sterk en goed te onthouden.',
    en: 'At least 12 characters. A sentence of a few words is strong and easy to remember.',
  },

  'field.description': { nl: 'Korte beschrijving', en: 'Short description' },
  'field.form': { nl: 'Vorm', en: 'Form' },
  'field.category': { nl: 'Soort tool', en: 'Kind of tool' },
  'field.ownerName': { nl: 'Eigenaar (organisatie)', en: 'Owner (organisation)' },
  'field.contactEmail': { nl: 'Je e-mailadres', en: 'Your e-mail address' },
  'field.themes': { nl: 'Ethische thema’s (Rathenau)', en: 'Ethical themes (Rathenau)' },
  'field.sdgTargets': { nl: 'SDG 11-subdoelen (optioneel)', en: 'SDG 11 targets (optional)' },
  'field.languages': { nl: 'Talen waarin de tool beschikbaar is', en: 'Languages the tool is available in' },
  'field.licence': { nl: 'Licentie', en: 'Licence' },
  'field.note': { nl: 'Toelichting', en: 'Note' },
  'field.additionTo': { nl: 'Aanvulling op', en: 'Addition to' },
  'field.confirmDifferent': { nl: 'Mijn tool is een andere', en: 'My tool is a different one' },
  'field.owner': { nl: 'Eigenaar', en: 'Owner' },
  'field.message': { nl: 'Bericht', en: 'Message' },
  'field.target': { nl: 'Tool', en: 'Tool' },
  'field.body': { nl: 'Inhoud', en: 'Body' },
} as const satisfies MessageTable
