// The /data page: every download of the catalogue, its formats and licence; publiccode.yml.

import type { MessageTable } from './table.ts'

export const dataPageMessages = {
  'nav.data': { nl: 'Open data', en: 'Open data' },
  'data.title': { nl: 'Open data: de toolbox om over te nemen', en: 'Open data: the toolbox to take over' },
  'data.intro': {
    nl: 'Alles wat de toolbox over tools weet, is open data. Neem het over in uw eigen catalogus, portaal of spreadsheet. De beschrijvingen mag u vrij gebruiken (CC0); voor een tool zelf geldt de licentie die bij de tool staat.',
    en: 'Everything the toolbox knows about tools is open data. Take it over into your own catalogue, portal or spreadsheet. You may use the descriptions freely (CC0); a tool itself comes under the licence shown with the tool.',
  },
  'data.table.formats': { nl: 'Formaten', en: 'Formats' },
  'data.table.licence': { nl: 'Licentie', en: 'Licence' },
  'data.tools.name': { nl: 'Alle tools als tabel', en: 'All tools as a table' },
  'data.tools.text': {
    nl: 'Eén rij per tool, met Nederlandse en Engelse kolommen; lijsten gescheiden door een puntkomma. Het CSV-bestand opent direct in een spreadsheet.',
    en: 'One row per tool, with Dutch and English columns; lists separated by a semicolon. The CSV file opens straight in a spreadsheet.',
  },
  'data.catalogue.name': { nl: 'De catalogus als linked open data', en: 'The catalogue as linked open data' },
  'data.catalogue.text': {
    nl: 'DCAT-AP 3.0 met elke tool als ADMS-AP-asset, voor data.overheid.nl, data.europa.eu en andere catalogi.',
    en: 'DCAT-AP 3.0 with every tool as an ADMS-AP asset, for data.europa.eu, data.overheid.nl and other catalogues.',
  },
  'data.vocabularies.name': { nl: 'Begrippenlijsten', en: 'Vocabularies' },
  'data.vocabularies.text': {
    nl: 'Elke indeling (vormen, processen, ontwerpprincipes, ethische thema’s, SDG 11-subdoelen, MIM’s) als SKOS-begrippenlijst met vaste adressen.',
    en: 'Every classification (forms, processes, design principles, ethical themes, SDG 11 targets, MIMs) as a SKOS concept scheme with stable addresses.',
  },
  'data.publiccode.name': { nl: 'publiccode.yml per softwaretool', en: 'publiccode.yml per software tool' },
  'data.publiccode.text': {
    nl: 'Elke tool in de vorm software heeft een publiccode.yml op /tools/…/publiccode.yml, voor Developers Italia, de Nederlandse softwarecatalogus en andere.',
    en: 'Every tool of the form software has a publiccode.yml at /tools/…/publiccode.yml, for Developers Italia, the Dutch software catalogue and others.',
  },
  'data.publiccode.example': { nl: 'Voorbeeld: {name}', en: 'Example: {name}' },
  'data.api.name': { nl: 'De API', en: 'The API' },
  'data.api.text': {
    nl: 'Zoeken met dezelfde filters als de catalogus, in JSON; met Accept: text/csv krijgt u de treffers als CSV.',
    en: 'Search with the catalogue’s filters, in JSON; with Accept: text/csv you get the matches as CSV.',
  },
  'data.api.reference': { nl: 'Naslag', en: 'Reference' },
  'data.feeds.name': { nl: 'Nieuwe en gewijzigde tools', en: 'New and changed tools' },
  'data.feeds.text': { nl: 'Een Atom-feed per taal, voor feedlezers en andere sites.', en: 'An Atom feed per language, for feed readers and other sites.' },
  'data.programme.name': { nl: 'De voortgang van het programma', en: 'The programme’s progress' },
  'data.programme.text': { nl: 'De tabellen van de programmapagina, elk als CSV.', en: 'The tables of the programme page, each as CSV.' },
  'data.programme.link': { nl: 'Naar de programmapagina', en: 'To the programme page' },
  'data.licence.cc0': { nl: 'CC0 1.0 (vrij te gebruiken)', en: 'CC0 1.0 (free to use)' },
  'data.licence.perTool': { nl: 'CC0 1.0; de software zelf: de licentie van de tool', en: 'CC0 1.0; the software itself: the tool’s licence' },
  'data.command.heading': { nl: 'Zelf draaien', en: 'Running your own' },
  'data.command.text': {
    nl: 'Wie de toolbox zelf draait, schrijft dezelfde bestanden met npm run export en leest ze in met npm run import (CSV, publiccode.yml of DCAT-AP).',
    en: 'Whoever runs the toolbox themselves writes the same files with npm run export and reads them in with npm run import (CSV, publiccode.yml or DCAT-AP).',
  },
} as const satisfies MessageTable
