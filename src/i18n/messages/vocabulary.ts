// Labels of stored codes (a tool's category, status, origin; an organisation's kind and role; languages).

import type { MessageTable } from './table.ts'

export const vocabularyMessages = {
  'category.content': { nl: 'Inhoudelijk', en: 'Content' },
  'category.governance': { nl: 'Bestuur en organisatie', en: 'Governance and organisation' },
  'category.content.description': {
    nl: 'Tools over concrete technologie in de openbare ruimte.',
    en: 'Tools about concrete technology in public space.',
  },
  'category.governance.description': {
    nl: 'Tools over hoe de stad bestuurt en organiseert.',
    en: 'Tools about how the city governs and organises itself.',
  },

  'status.idea': { nl: 'Idee', en: 'Idea' },
  'status.proposed': { nl: 'Voorgesteld', en: 'Proposed' },
  'status.selected': { nl: 'Gekozen', en: 'Selected' },
  'status.in_development': { nl: 'In ontwikkeling', en: 'In development' },
  'status.testing': { nl: 'In test', en: 'Testing' },
  'status.available': { nl: 'Beschikbaar', en: 'Available' },
  'status.secured': { nl: 'Geborgd', en: 'Secured' },
  'status.retired': { nl: 'Niet meer actief', en: 'Retired' },

  'origin.city_deal': { nl: 'Ontwikkeld in de City Deal', en: 'Developed in the City Deal' },
  'origin.others_initiative': { nl: 'Initiatief van anderen', en: 'Initiative of others' },
  'origin.existing': { nl: 'Bestaande tool elders', en: 'Existing tool elsewhere' },

  'process.design': { nl: 'Ontwerpen', en: 'Designing' },
  'process.furnish': { nl: 'Inrichten', en: 'Furnishing' },
  'process.manage': { nl: 'Beheren', en: 'Managing' },
  'process.govern': { nl: 'Besturen', en: 'Governing' },

  'role.owner': { nl: 'Eigenaar', en: 'Owner' },
  'role.co_developer': { nl: 'Mede-ontwikkelaar', en: 'Co-developer' },
  'role.test_municipality': { nl: 'Testgemeente', en: 'Test municipality' },
  'role.adopter': { nl: 'Gebruiker', en: 'Adopter' },
  'role.organising_party': { nl: 'Organiserende partij', en: 'Organising party' },
  'role.partner': { nl: 'Betrokken partij', en: 'Involved party' },

  'involvement.lead': { nl: 'trekker', en: 'lead' },
  'involvement.active': { nl: 'actief betrokken', en: 'actively involved' },
  'involvement.contributing': { nl: 'levert bijdrage', en: 'contributing' },
  'involvement.informed': { nl: 'geïnformeerd', en: 'informed' },

  'testStatus.planned': { nl: 'Gepland', en: 'Planned' },
  'testStatus.running': { nl: 'Loopt', en: 'Running' },
  'testStatus.passed': { nl: 'Geslaagd', en: 'Passed' },
  'testStatus.failed': { nl: 'Niet geslaagd', en: 'Failed' },
  'testStatus.inconclusive': { nl: 'Geen duidelijke uitkomst', en: 'Inconclusive' },

  'rating.meets': { nl: 'Voldoet', en: 'Meets' },
  'rating.partly': { nl: 'Voldoet deels', en: 'Partly meets' },
  'rating.does_not_meet': { nl: 'Voldoet niet', en: 'Does not meet' },
  'rating.not_applicable': { nl: 'Niet van toepassing', en: 'Not applicable' },
  'rating.unknown': { nl: 'Nog niet beoordeeld', en: 'Not yet assessed' },

  'binding.legal': { nl: 'Wettelijk bindend', en: 'Legally binding' },
  'binding.contractual': { nl: 'Bindend voor wie tekent', en: 'Binding on signatories' },
  'binding.comply_or_explain': { nl: 'Pas toe of leg uit', en: 'Comply or explain' },
  'binding.voluntary': { nl: 'Vrijwillig', en: 'Voluntary' },

  'kind.municipality': { nl: 'Gemeente', en: 'Municipality' },
  'kind.province': { nl: 'Provincie', en: 'Province' },
  'kind.water_board': { nl: 'Waterschap', en: 'Water board' },
  'kind.national_government': { nl: 'Rijksoverheid', en: 'National government' },
  'kind.company': { nl: 'Bedrijf', en: 'Company' },
  'kind.knowledge_institution': { nl: 'Kennisinstelling', en: 'Knowledge institution' },
  'kind.network': { nl: 'Netwerk', en: 'Network' },
  'kind.working_group': { nl: 'Werkgroep', en: 'Working group' },
  'kind.civil_society': { nl: 'Maatschappelijke organisatie', en: 'Civil society organisation' },
  'kind.standards_body': { nl: 'Normalisatie-instituut', en: 'Standards body' },
  'kind.international_body': { nl: 'Internationale organisatie', en: 'International body' },
  'kind.other': { nl: 'Overig', en: 'Other' },

  'language.nl': { nl: 'Nederlands', en: 'Dutch' },
  'language.en': { nl: 'Engels', en: 'English' },
  'language.de': { nl: 'Duits', en: 'German' },
  'language.fr': { nl: 'Frans', en: 'French' },
  'language.es': { nl: 'Spaans', en: 'Spanish' },
  'language.it': { nl: 'Italiaans', en: 'Italian' },
  'language.pl': { nl: 'Pools', en: 'Polish' },
  'language.fy': { nl: 'Fries', en: 'Frisian' },
} as const satisfies MessageTable
