// The frame around every page (header, menu, footer), the home page and the about page.

import type { MessageTable } from './table.ts'

export const siteMessages = {
  'site.name': { nl: 'City Deal Toolbox', en: 'City Deal Toolbox' },
  'site.tagline': { nl: 'Gereedschapskist voor de digitaliserende stad', en: 'Toolbox for the digitalising city' },
  'site.skipToContent': { nl: 'Naar de inhoud', en: 'Skip to content' },
  'site.nav.label': { nl: 'Hoofdmenu', en: 'Main menu' },
  'site.nav.home': { nl: 'Home', en: 'Home' },
  'site.nav.tools': { nl: 'Tools', en: 'Tools' },
  'site.nav.about': { nl: 'Over de toolbox', en: 'About the toolbox' },
  'site.languageSwitch': { nl: 'English', en: 'Nederlands' },
  'site.languageSwitch.label': { nl: 'Read this page in English', en: 'Lees deze pagina in het Nederlands' },
  'site.footer.text': {
    nl: 'De City Deal Toolbox hoort bij de City Deal “Een slimme stad, zo doe je dat” van de Future City Foundation, het ministerie van BZK, VNG en het Stedennetwerk G40, met ongeveer zestig partners, onder de vlag van Living-in.EU.',
    en: 'The City Deal Toolbox belongs to the City Deal “A smart city, this is how you do it” of the Future City Foundation, the Ministry of the Interior and Kingdom Relations, VNG and the G40 city network, with about sixty partners, under the Living-in.EU flag.',
  },
  'site.footer.api': { nl: 'Open API', en: 'Open API' },

  'home.title': { nl: 'Tools voor de digitaliserende stad', en: 'Tools for the digitalising city' },
  'home.intro': {
    nl: 'De City Deal Toolbox verzamelt tools die processen rond digitalisering en technologie in regio’s, steden en dorpen veranderen, zodat niemand het wiel opnieuw hoeft uit te vinden. Elke tool beantwoordt een hoe-vraag over een proces.',
    en: 'The City Deal Toolbox collects tools that change processes around digitalisation and technology in regions, cities and villages, so that nobody has to reinvent the wheel. Every tool answers a "how" question about a process.',
  },
  'home.search.label': { nl: 'Zoek een tool', en: 'Find a tool' },
  'home.search.button': { nl: 'Zoeken', en: 'Search' },
  'home.counts.heading': { nl: 'De toolbox in cijfers', en: 'The toolbox in numbers' },
  'home.counts.tools': { nl: 'tools in de toolbox', en: 'tools in the toolbox' },
  'home.counts.cityDeal': { nl: 'tools ontwikkeld in de City Deal', en: 'tools developed in the City Deal' },
  'home.counts.organisations': { nl: 'organisaties betrokken', en: 'organisations involved' },
  'home.byCategory': { nl: 'Bladeren per soort', en: 'Browse by kind' },
  'home.byForm': { nl: 'Bladeren per vorm', en: 'Browse by form' },
  'home.byProcess': { nl: 'Bladeren per proces', en: 'Browse by process' },
  'home.byTheme': { nl: 'Bladeren per ethisch thema (Rathenau)', en: 'Browse by ethical theme (Rathenau)' },
  'home.recent.heading': { nl: 'Onlangs toegevoegd', en: 'Recently added' },
  'home.recent.added': { nl: 'toegevoegd op {date}', en: 'added on {date}' },
  'home.recent.all': { nl: 'Alle tools, nieuwste eerst', en: 'All tools, newest first' },
  'home.share.heading': { nl: 'Kent u een bestaande tool?', en: 'Do you know an existing tool?' },
  'home.share.text': {
    nl: 'Deel hem met ons. We kijken eerst of we hem al hebben, zodat niemand dubbel werk doet.',
    en: 'Share it with us. We first check whether we have it already, so nobody does the work twice.',
  },
  'home.share.link': { nl: 'Deel een tool', en: 'Share a tool' },
  'home.toolCount': { nl: '{count} tools', en: '{count} tools' },
  'home.toolCountOne': { nl: '1 tool', en: '1 tool' },

  'about.title': { nl: 'Over de toolbox', en: 'About the toolbox' },
  'about.intro': {
    nl: 'De City Deal “Een slimme stad, zo doe je dat” ontwikkelt en verzamelt tools voor de digitaliserende stad: instrumenten die processen rond digitalisering en technologie veranderen. De City Deal is een initiatief van de Future City Foundation, het ministerie van BZK, VNG en het Stedennetwerk G40, met ongeveer zestig partners, onder de vlag van Living-in.EU.',
    en: 'The City Deal “A smart city, this is how you do it” develops and collects tools for the digitalising city: instruments that change processes around digitalisation and technology. It is an initiative of the Future City Foundation, the Ministry of the Interior and Kingdom Relations, VNG and the G40 city network, with about sixty partners, under the Living-in.EU flag.',
  },
  'about.tool.heading': { nl: 'Wat is een tool?', en: 'What is a tool?' },
  'about.tool.text': {
    nl: 'Een tool beantwoordt een hoe-vraag over een proces (de procesvraag), ontstaan uit een concrete aanleiding. Een tool verandert hoe de stad wordt ontworpen, ingericht, beheerd of bestuurd. Een tool is inhoudelijk (technologie in de openbare ruimte) of gaat over bestuur en organisatie.',
    en: 'A tool answers a "how" question about a process (the process question), raised by a concrete occasion. A tool changes how the city is designed, furnished, managed or governed. A tool is either a content tool (technology in public space) or a governance and organisation tool.',
  },
  'about.principles.heading': { nl: 'Ontwerpprincipes', en: 'Design principles' },
  'about.principles.intro': { nl: 'Elke tool wordt getoetst aan vier ontwerpprincipes.', en: 'Every tool is held against four design principles.' },
  'about.rathenau.heading': { nl: 'Ethische thema’s', en: 'Ethical themes' },
  'about.rathenau.intro': {
    nl: 'De zeven ethische thema’s uit het Rathenau-rapport “Opwaarderen” (2017).',
    en: 'The seven ethical themes from the Rathenau Instituut report "Urgent Upgrade" (2017, Dutch "Opwaarderen").',
  },
  'about.preconditions.heading': { nl: 'Randvoorwaarden', en: 'Preconditions' },
  'about.preconditions.intro': { nl: 'Een tool moet haalbaar, schaalbaar en deelbaar zijn.', en: 'A tool must be feasible, scalable and shareable.' },
  'about.forms.heading': { nl: 'Vormen en hun bindende kracht', en: 'Forms and their binding force' },
  'about.forms.form': { nl: 'Vorm', en: 'Form' },
  'about.forms.binding': { nl: 'Bindende kracht', en: 'Binding force' },
  'about.forms.description': { nl: 'Wat het is', en: 'What it is' },
  'about.sdg.heading': { nl: 'SDG 11: duurzame steden en gemeenschappen', en: 'SDG 11: sustainable cities and communities' },
  'about.lifecycle.heading': { nl: 'Levensloop van een tool', en: 'A tool’s life cycle' },
  'about.lifecycle.text': {
    nl: 'Een tool doorloopt de fasen: idee, voorgesteld, gekozen, in ontwikkeling, in test, beschikbaar, geborgd en niet meer actief. Een nieuwe tool wordt pas ontwikkeld als een partner eigenaar is en minstens drie gemeenten meedoen en testen.',
    en: 'A tool goes through these stages: idea, proposed, selected, in development, testing, available, secured and retired. A new tool is only developed when a partner owns it and at least three municipalities take part and test it.',
  },

  'site.nav.signIn': { nl: 'Inloggen', en: 'Sign in' },
  'site.nav.account': { nl: 'Mijn account', en: 'My account' },
  'site.nav.admin': { nl: 'Beheer', en: 'Administration' },
  'site.nav.signOut': { nl: 'Uitloggen', en: 'Sign out' },

  'locale.nl': { nl: 'Nederlands', en: 'Dutch' },
  'locale.en': { nl: 'Engels', en: 'English' },

  'site.nav.share': { nl: 'Tool delen', en: 'Share a tool' },
  'site.nav.curation': { nl: 'Curatie', en: 'Curation' },
} as const satisfies MessageTable
