// Open data (issue 13): the vocabularies as SKOS (/vocabularies), the catalogue as DCAT-AP (/data/catalogue),
// the curators' report of tools left out of it, and the Living-in.EU MIMs (facet, editor section).

import type { MessageTable } from './table.ts'

export const openDataMessages = {
  'facet.mim': { nl: 'Interoperabiliteit (MIM)', en: 'Interoperability (MIM)' },

  'vocabularies.title': { nl: 'Begrippenkaders', en: 'Vocabularies' },
  'vocabularies.intro': {
    nl: 'Elke indeling van de toolbox als SKOS-begrippenkader, met vaste adressen: te lezen als pagina, en als Turtle of JSON-LD voor machines. De open-datacatalogus verwijst naar deze begrippen.',
    en: 'Every classification of the toolbox as a SKOS concept scheme, with stable addresses: readable as a page, and as Turtle or JSON-LD for machines. The open data catalogue refers to these concepts.',
  },
  'vocabularies.concepts': { nl: '{count} begrippen', en: '{count} concepts' },
  'vocabularies.downloads': { nl: 'Voor machines', en: 'For machines' },
  'vocabularies.turtle': { nl: 'Turtle (.ttl)', en: 'Turtle (.ttl)' },
  'vocabularies.jsonld': { nl: 'JSON-LD (.jsonld)', en: 'JSON-LD (.jsonld)' },
  'vocabularies.uri': { nl: 'Adres (URI)', en: 'Address (URI)' },
  'vocabularies.code': { nl: 'Code', en: 'Code' },
  'vocabularies.labelNl': { nl: 'Naam (Nederlands)', en: 'Name (Dutch)' },
  'vocabularies.labelEn': { nl: 'Naam (Engels)', en: 'Name (English)' },
  'vocabularies.definition': { nl: 'Omschrijving', en: 'Definition' },
  'vocabularies.note': { nl: 'Toelichting', en: 'Note' },
  'vocabularies.back': { nl: 'Alle begrippenkaders', en: 'All vocabularies' },
  'vocabularies.catalogue': { nl: 'De catalogus als open data (DCAT-AP)', en: 'The catalogue as open data (DCAT-AP)' },

  'scheme.forms': { nl: 'Vormen van tools', en: 'Forms of tools' },
  'scheme.forms.description': {
    nl: 'De vorm van een tool (afspraak, standaard, norm, verordening, wetgeving, methode, richtlijn, software, dataset), met hoe bindend die vorm is.',
    en: 'The form of a tool (agreement, standard, norm, ordinance, legislation, method, guideline, software, dataset), with how binding that form is.',
  },
  'scheme.categories': { nl: 'Soorten tools', en: 'Kinds of tools' },
  'scheme.categories.description': { nl: 'Inhoudelijke tools en tools voor bestuur en organisatie.', en: 'Content tools and tools for governance and organisation.' },
  'scheme.processes': { nl: 'Processen', en: 'Processes' },
  'scheme.processes.description': { nl: 'Het proces van de stad waar een tool bij helpt: ontwerpen, inrichten, beheren, besturen.', en: 'The process of the city a tool helps with: designing, furnishing, managing, governing.' },
  'scheme.statuses': { nl: 'Levensloop', en: 'Lifecycle' },
  'scheme.statuses.description': { nl: 'Waar een tool staat, van idee tot geborgd of niet meer actief.', en: 'Where a tool stands, from idea to secured or retired.' },
  'scheme.principles': { nl: 'Ontwerpprincipes', en: 'Design principles' },
  'scheme.principles.description': { nl: 'De ontwerpprincipes van de City Deal "Een slimme stad, zo doe je dat".', en: 'The design principles of the City Deal "A smart city, how to do it".' },
  'scheme.themes': { nl: 'Ethische thema\'s (Rathenau)', en: 'Ethical themes (Rathenau)' },
  'scheme.themes.description': { nl: 'De zeven ethische thema\'s van het Rathenau Instituut voor digitalisering.', en: 'The seven ethical themes of digitalisation of the Rathenau Instituut.' },
  'scheme.preconditions': { nl: 'Randvoorwaarden', en: 'Preconditions' },
  'scheme.preconditions.description': { nl: 'Een tool is haalbaar, schaalbaar en deelbaar.', en: 'A tool is feasible, scalable and shareable.' },
  'scheme.sdg11': { nl: 'SDG 11-doelen', en: 'SDG 11 targets' },
  'scheme.sdg11.description': { nl: 'De doelen van VN-duurzaamheidsdoel 11: inclusieve, veilige, veerkrachtige en duurzame steden.', en: 'The targets of UN Sustainable Development Goal 11: inclusive, safe, resilient and sustainable cities.' },
  'scheme.mims': { nl: 'Living-in.EU MIM\'s', en: 'Living-in.EU MIMs' },
  'scheme.mims.description': {
    nl: 'De Minimal Interoperability Mechanisms van OASC, die Living-in.EU aanbeveelt: kleine, gedeelde afspraken waarmee steden hun data en systemen laten samenwerken.',
    en: 'The Minimal Interoperability Mechanisms of OASC that Living-in.EU recommends: small, shared agreements with which cities make their data and systems work together.',
  },
  'scheme.roles': { nl: 'Rollen van organisaties', en: 'Roles of organisations' },
  'scheme.roles.description': { nl: 'Wat een organisatie voor een tool is: eigenaar, mede-ontwikkelaar, testgemeente, gebruiker en meer.', en: 'What an organisation is to a tool: owner, co-developer, test municipality, adopter and more.' },

  'mimStatus.adopted': { nl: 'Vastgesteld', en: 'Adopted' },
  'mimStatus.work_item': { nl: 'In ontwikkeling (work item)', en: 'Work item' },
  'mimRelation.implements': { nl: 'Implementeert', en: 'Implements' },
  'mimRelation.supports': { nl: 'Ondersteunt', en: 'Supports' },
  'mimRelation.references': { nl: 'Verwijst naar', en: 'References' },
  'mimRelation.none': { nl: 'Geen relatie', en: 'No relation' },

  'editing.section.mims': { nl: 'Interoperabiliteit (MIM\'s)', en: 'Interoperability (MIMs)' },
  'editing.intro.mims': {
    nl: 'Hoe de tool zich verhoudt tot de Living-in.EU MIM\'s: implementeert hij het mechanisme, ondersteunt hij het, of verwijst hij ernaar? Alleen curatoren leggen dit vast; het is een filter in de catalogus en staat in de open data.',
    en: 'How the tool relates to the Living-in.EU MIMs: does it implement the mechanism, support it, or refer to it? Only curators record this; it is a filter in the catalogue and part of the open data.',
  },
  'field.mimRelation': { nl: 'Relatie', en: 'Relation' },

  'openData.report.title': { nl: 'Open data: tools die ontbreken', en: 'Open data: tools left out' },
  'openData.report.intro': {
    nl: 'De catalogus als DCAT-AP (/data/catalogue) bevat alleen tools met alles wat DCAT-AP-NL verplicht stelt. Deze tools laten we weg tot het ontbrekende is aangevuld.',
    en: 'The catalogue as DCAT-AP (/data/catalogue) holds only tools with everything DCAT-AP-NL requires. These tools are left out until what is missing has been added.',
  },
  'openData.report.summary': { nl: '{exported} van {total} tools staan in de open data; weggelaten: {left}.', en: '{exported} of {total} tools are in the open data; left out: {left}.' },
  'openData.report.tableCaption': { nl: 'Weggelaten tools en wat ontbreekt', en: 'Tools left out and what they lack' },
  'openData.report.none': { nl: 'Geen: elke tool staat in de open data.', en: 'None: every tool is in the open data.' },
  'openData.report.leftOut': { nl: 'Weggelaten tools', en: 'Tools left out' },
  'openData.report.tool': { nl: 'Tool', en: 'Tool' },
  'openData.report.missing': { nl: 'Ontbreekt', en: 'Missing' },
  'openData.report.edit': { nl: 'Bewerken', en: 'Edit' },
  'openData.report.pages': { nl: 'Zonder licentie: documenten als pagina', en: 'Without a licence: documents as pages' },
  'openData.report.pagesIntro': {
    nl: 'DCAT-AP-NL vraagt bij elke distributie een licentie. Van deze {count} tools is geen licentie bekend; hun websites en documenten staan daarom als pagina (foaf:page) in de open data, niet als distributie.',
    en: 'DCAT-AP-NL asks for a licence on every distribution. For these {count} tools no licence is known, so their websites and documents are in the open data as pages (foaf:page), not as distributions.',
  },
  'openData.missing.title': { nl: 'naam (titel)', en: 'name (title)' },
  'openData.missing.description': { nl: 'omschrijving', en: 'description' },
  'openData.missing.owner': { nl: 'eigenaar (uitgever en maker)', en: 'owner (publisher and creator)' },
  'openData.notAcceptable': {
    nl: 'Deze catalogus is er als Turtle (text/turtle) en JSON-LD (application/ld+json).',
    en: 'This catalogue is available as Turtle (text/turtle) and JSON-LD (application/ld+json).',
  },
} as const satisfies MessageTable
