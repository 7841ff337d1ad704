// Partners decide together (issue 11): partnerships with dates (/admin/partnerships).

import type { MessageTable } from './table.ts'

export const partnersMessages = {
  'partners.admin.title': { nl: 'Partners van de City Deal', en: 'City Deal partners' },
  'partners.admin.intro': {
    nl: 'Welke organisaties partner zijn, sinds en tot wanneer. Alleen wie vandaag partner is, stemt; de stemmen van een vroegere partner blijven bewaard.',
    en: 'Which organisations are partners, since and until when. Only those who are partners today vote; the votes of a former partner stay on record.',
  },
  'partners.admin.caption': { nl: 'Partnerschappen', en: 'Partnerships' },
  'partners.admin.link': { nl: 'Partners van de City Deal (sinds en tot wanneer)', en: 'City Deal partners (since and until when)' },
  'partners.none': { nl: 'Er zijn nog geen partners.', en: 'There are no partners yet.' },
  'partners.col.organisation': { nl: 'Organisatie', en: 'Organisation' },
  'partners.col.since': { nl: 'Partner sinds', en: 'Partner since' },
  'partners.col.until': { nl: 'Partner tot en met', en: 'Partner until (inclusive)' },
  'partners.col.status': { nl: 'Stand', en: 'Status' },
  'partners.col.end': { nl: 'Laatste dag', en: 'Last day' },
  'partners.current': { nl: 'Partner', en: 'Partner' },
  'partners.former': { nl: 'Vroegere partner', en: 'Former partner' },
  'partners.future': { nl: 'Nog niet begonnen', en: 'Not started yet' },
  'partners.end.label': { nl: 'Laatste dag van {organisation}', en: 'Last day of {organisation}' },
  'partners.end.submit': { nl: 'Laatste dag opslaan', en: 'Save last day' },
  'partners.add.heading': { nl: 'Partner toevoegen', en: 'Add a partner' },
  'partners.add.choose': { nl: 'Kies een organisatie', en: 'Choose an organisation' },
  'partners.add.untilHint': { nl: 'Leeg zolang het partnerschap duurt.', en: 'Empty while the partnership lasts.' },
  'partners.add.submit': { nl: 'Partner toevoegen', en: 'Add partner' },
  'partners.done.added': { nl: 'Het partnerschap is opgeslagen.', en: 'The partnership has been saved.' },
  'partners.done.ended': { nl: 'De laatste dag is opgeslagen.', en: 'The last day has been saved.' },
  'partners.overlap': {
    nl: 'Deze organisatie is in die periode al partner (sinds {since} tot en met {until}).',
    en: 'This organisation is already a partner in that period (since {since} until {until}).',
  },
  'partners.untilBeforeSince': { nl: 'De laatste dag ligt vóór de eerste.', en: 'The last day is before the first.' },
  'partners.unknownOrganisation': { nl: 'Kies een bestaande organisatie.', en: 'Choose an existing organisation.' },
} as const satisfies MessageTable
