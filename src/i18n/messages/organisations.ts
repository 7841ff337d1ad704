// Organisations: their public pages, their other names (aliases), the organisation picker, and its messages.

import type { MessageTable } from './table.ts'

export const organisationsMessages = {
  'site.nav.organisations': { nl: 'Organisaties', en: 'Organisations' },

  // /organisations
  'organisations.title': { nl: 'Organisaties', en: 'Organisations' },
  'organisations.titleWithQuery': { nl: 'Organisaties voor “{q}”', en: 'Organisations for “{q}”' },
  'organisations.intro': {
    nl: 'Gemeenten, kennisinstellingen, overheden, bedrijven en netwerken die tools in de toolbox maken, testen of gebruiken.',
    en: 'Municipalities, knowledge institutions, governments, companies and networks that make, test or use the tools in the toolbox.',
  },
  'organisations.filters.label': { nl: 'Organisaties zoeken', en: 'Find organisations' },
  'organisations.search.label': { nl: 'Naam of andere naam', en: 'Name or other name' },
  'organisations.search.hint': { nl: 'Bijvoorbeeld Den Haag, TU Delft of NEN.', en: 'For example The Hague, TU Delft or NEN.' },
  'organisations.kind.label': { nl: 'Soort organisatie', en: 'Kind of organisation' },
  'organisations.kind.all': { nl: 'Alle soorten', en: 'All kinds' },
  'organisations.partner.label': { nl: 'Alleen City Deal-partners', en: 'City Deal partners only' },
  'organisations.search.button': { nl: 'Zoeken', en: 'Search' },
  'organisations.filters.clear': { nl: 'Alle organisaties tonen', en: 'Show all organisations' },
  'organisations.results.count': { nl: '{count} organisaties', en: '{count} organisations' },
  'organisations.results.countOne': { nl: '1 organisatie', en: '1 organisation' },
  'organisations.results.none': { nl: 'Geen organisaties gevonden.', en: 'No organisations found.' },
  'organisations.results.didYouMean': { nl: 'Bedoelt u:', en: 'Did you mean:' },
  'organisations.governmentsNote': {
    nl: 'Gemeenten en provincies staan in deze lijst als ze bij een tool betrokken zijn of City Deal-partner zijn. Zoek op naam of kies de soort om alle gemeenten en provincies te zien.',
    en: 'Municipalities and provinces are listed when they take part in a tool or are City Deal partners. Search by name or choose the kind to see every municipality and province.',
  },
  'organisations.table.caption': { nl: 'Organisaties met het aantal tools waarbij ze betrokken zijn', en: 'Organisations with the number of tools they are involved in' },
  'organisations.table.organisation': { nl: 'Organisatie', en: 'Organisation' },
  'organisations.table.tools': { nl: 'Tools', en: 'Tools' },
  'organisations.alsoKnownAs': { nl: 'ook: {names}', en: 'also: {names}' },
  'organisations.partner': { nl: 'City Deal-partner', en: 'City Deal partner' },

  // /organisations/{slug}
  'organisation.kind': { nl: 'Soort', en: 'Kind' },
  'organisation.aliases': { nl: 'Ook bekend als', en: 'Also known as' },
  'organisation.website': { nl: 'Website', en: 'Website' },
  'organisation.partner': { nl: 'City Deal-partner', en: 'City Deal partner' },
  'organisation.partner.yes': { nl: 'Ja', en: 'Yes' },
  'organisation.partner.no': { nl: 'Nee', en: 'No' },
  'organisation.province': { nl: 'Provincie', en: 'Province' },
  'organisation.cbsCode': { nl: 'CBS-code', en: 'CBS code' },
  'organisation.tools': { nl: 'Tools', en: 'Tools' },
  'organisation.noTools': {
    nl: 'Deze organisatie is (nog) niet betrokken bij een tool in de toolbox.',
    en: 'This organisation is not (yet) involved in a tool in the toolbox.',
  },
  'organisation.role.owner': { nl: 'Eigenaar van', en: 'Owns' },
  'organisation.role.co_developer': { nl: 'Ontwikkelt mee aan', en: 'Co-develops' },
  'organisation.role.test_municipality': { nl: 'Test', en: 'Tests' },
  'organisation.role.adopter': { nl: 'Gebruikt', en: 'Uses' },
  'organisation.role.organising_party': { nl: 'Organiseert', en: 'Organises' },
  'organisation.role.partner': { nl: 'Is betrokken bij', en: 'Is involved in' },
  'organisation.tests.caption': { nl: 'Tools die {name} test, met de uitkomst', en: 'Tools {name} tests, with the outcome' },
  'organisation.tests.tool': { nl: 'Tool', en: 'Tool' },
  'organisation.tests.status': { nl: 'Stand van de test', en: 'Test status' },
  'organisation.tests.result': { nl: 'Uitkomst', en: 'Result' },
  'organisation.tests.testedOn': { nl: 'Getest op', en: 'Tested on' },
  'organisation.tests.unknown': { nl: 'Niet bekend', en: 'Not known' },
  'organisation.toolRetired': { nl: 'niet meer actief', en: 'retired' },
  'organisation.all': { nl: 'Alle organisaties', en: 'All organisations' },
  'error.organisationNotFound': { nl: 'Er is geen organisatie met het adres “{slug}”.', en: 'There is no organisation at the address “{slug}”.' },

  // Other names, managed by administrators on /admin/organisations/{id}
  'field.otherName': { nl: 'Andere naam', en: 'Other name' },
  'admin.orgs.aliases': { nl: 'Andere namen', en: 'Other names' },
  'admin.orgs.aliasesIntro': {
    nl: 'Namen waaronder mensen deze organisatie ook kennen (Den Haag, TU Delft). Zoeken in de toolbox en de organisatiekiezer vinden de organisatie ook onder deze namen.',
    en: 'Names people also know this organisation by (The Hague, TU Delft). The toolbox search and the organisation picker find the organisation by these names too.',
  },
  'admin.orgs.noAliases': { nl: 'Deze organisatie heeft nog geen andere namen.', en: 'This organisation has no other names yet.' },
  'admin.orgs.addAlias': { nl: 'Andere naam toevoegen', en: 'Add other name' },
  'admin.orgs.removeAliasNamed': { nl: 'Verwijder “{alias}”', en: 'Remove “{alias}”' },
  'admin.orgs.aliasAdded': { nl: 'De andere naam is toegevoegd.', en: 'The other name has been added.' },
  'admin.orgs.aliasRemoved': { nl: 'De andere naam is verwijderd.', en: 'The other name has been removed.' },
  'admin.orgs.publicPage': { nl: 'Openbare pagina van {name}', en: 'Public page of {name}' },
  'validation.aliasIsOwnName': { nl: '“{alias}” is al de naam van {name}.', en: '“{alias}” is already the name of {name}.' },
  'validation.aliasExists': { nl: '{name} heeft de andere naam “{alias}” al.', en: '{name} already has the other name “{alias}”.' },
  'validation.aliasTaken': {
    nl: '“{alias}” is al een andere naam van {name}. Een naam hoort bij één organisatie.',
    en: '“{alias}” is already another name of {name}. A name belongs to one organisation.',
  },
  'validation.aliasIsOtherName': {
    nl: '“{alias}” is de naam van een andere organisatie ({name}). Een naam hoort bij één organisatie.',
    en: '“{alias}” is the name of another organisation ({name}). A name belongs to one organisation.',
  },
  'error.aliasNotFound': { nl: 'Deze andere naam bestaat niet (meer).', en: 'This other name does not exist (any more).' },

  // The picker
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

  // /account: the tools of a partner member's organisation (addressed as "u", like the rest of the account pages)
  'account.tools.heading': { nl: 'Tools van {organisation}', en: 'Tools of {organisation}' },
  'account.tools.intro': {
    nl: 'Tools die uw organisatie bezit of mee ontwikkelt. U kunt ze bijwerken.',
    en: 'Tools your organisation owns or co-develops. You can keep them up to date.',
  },
  'account.tools.none': {
    nl: 'Uw organisatie is nog geen eigenaar of mede-ontwikkelaar van een tool in de toolbox.',
    en: 'Your organisation does not own or co-develop a tool in the toolbox yet.',
  },
  'account.tools.noOrganisation': {
    nl: 'Uw account hoort nog bij geen organisatie. Vraag een beheerder om u te koppelen.',
    en: 'Your account does not belong to an organisation yet. Ask an administrator to link you.',
  },
  'account.tools.edit': { nl: 'Bewerken', en: 'Edit' },
  'account.tools.editNamed': { nl: 'Bewerken: {name}', en: 'Edit: {name}' },
  'account.tools.curator': {
    nl: 'Als curator of beheerder kunt u elke tool bewerken, vanaf de pagina van de tool.',
    en: 'As a curator or administrator you can edit every tool, from the tool’s page.',
  },
  'account.tools.catalogue': { nl: 'Naar alle tools', en: 'Go to all tools' },
} as const satisfies MessageTable
