// The development pipeline: pilots in municipalities, the gate, status timelines, calls for test municipalities,
// adoption and involvement in initiatives of others.

import type { MessageTable } from './table.ts'

export const pipelineMessages = {
  'pilotStatus.interested': { nl: 'Belangstelling', en: 'Interested' },
  'pilotStatus.committed': { nl: 'Toegezegd', en: 'Committed' },
  'pilotStatus.running': { nl: 'Loopt', en: 'Running' },
  'pilotStatus.completed': { nl: 'Afgerond', en: 'Completed' },
  'pilotStatus.withdrawn': { nl: 'Teruggetrokken', en: 'Withdrawn' },
  'pilotOutcome.worked': { nl: 'Werkte', en: 'Worked' },
  'pilotOutcome.partly': { nl: 'Werkte deels', en: 'Partly worked' },
  'pilotOutcome.did_not_work': { nl: 'Werkte niet', en: 'Did not work' },

  'pilots.heading': { nl: 'Getest in gemeenten', en: 'Tested in municipalities' },
  'pilots.caption': { nl: 'Pilots van deze tool per gemeente, met de uitkomst', en: 'Pilots of this tool per municipality, with the outcome' },
  'pilots.none': { nl: 'Nog in geen gemeente getest.', en: 'Not tested in any municipality yet.' },
  'pilots.municipality': { nl: 'Gemeente', en: 'Municipality' },
  'pilots.status': { nl: 'Stand', en: 'Stage' },
  'pilots.outcome': { nl: 'Uitkomst', en: 'Outcome' },
  'pilots.lessons': { nl: 'Wat er getest is en geleerd', en: 'What was tested and learned' },
  'pilots.evidence': { nl: 'Onderbouwing', en: 'Evidence' },
  'pilots.completedOn': { nl: 'Afgerond op {date}', en: 'Completed on {date}' },
  'pilots.notYetThree': {
    nl: 'Deze City Deal-tool is nog niet in drie gemeenten getest: {count} van 3 pilots afgerond met een uitkomst.',
    en: 'This City Deal tool has not been tested in three municipalities yet: {count} of 3 pilots completed with an outcome.',
  },
  'pilots.tool': { nl: 'Tool', en: 'Tool' },

  'pilotResult.title': { nl: 'Pilot van {municipality}: {name}', en: 'Pilot of {municipality}: {name}' },
  'pilotResult.intro': {
    nl: 'Leg vast hoe de pilot in uw gemeente gaat of ging: de stand, wat er getest is, de uitkomst en wat er geleerd is. Dit staat openbaar op de pagina van de tool, zonder namen van personen.',
    en: 'Record how the pilot in your municipality goes or went: its stage, what was tested, the outcome and what was learned. This is public on the tool’s page, without names of people.',
  },
  'pilotResult.hint.completedOn': { nl: 'Leeg bij een afgeronde pilot: vandaag.', en: 'Empty for a completed pilot: today.' },
  'pilotResult.hint.outcome': { nl: 'Alleen bij een afgeronde pilot.', en: 'Only for a completed pilot.' },
  'pilotResult.saved': { nl: 'De resultaten van de pilot zijn opgeslagen.', en: 'The pilot’s results have been saved.' },
  'pilotResult.noPilot': { nl: '{municipality} heeft geen pilot van deze tool.', en: '{municipality} has no pilot of this tool.' },
  'pilotResult.changedMeanwhile': {
    nl: 'Iemand anders heeft deze pilot intussen gewijzigd. Hieronder staat wat u typte; laad de pagina opnieuw om de nieuwe stand te zien.',
    en: 'Someone else changed this pilot meanwhile. What you typed is below; load the page again to see how it is now.',
  },
  'pilotResult.inFuture': { nl: 'De datum van afronding ligt in de toekomst.', en: 'The completion date is in the future.' },
  'pilotResult.beforeStart': { nl: 'De datum van afronding ligt voor de start.', en: 'The completion date is before the start.' },
  'pilotResult.link': { nl: 'Resultaten van de pilot in {municipality} vastleggen', en: 'Record the results of the pilot in {municipality}' },
  'history.tool.pilot_recorded': { nl: 'resultaten van een pilot vastgelegd', en: 'results of a pilot recorded' },
  'mail.pilotResult.subject': { nl: 'Pilotresultaten: {municipality} over {tool}', en: 'Pilot results: {municipality} on {tool}' },
  'mail.pilotResult.body': {
    nl: '{municipality} heeft de resultaten van zijn pilot van “{tool}” vastgelegd.\nStand: {status}\nUitkomst: {outcome}\n\n{link}',
    en: '{municipality} has recorded the results of its pilot of “{tool}”.\nStage: {status}\nOutcome: {outcome}\n\n{link}',
  },

  'adoptions.heading': { nl: 'Gebruikt door', en: 'Used by' },
  'adoptions.none': { nl: 'Nog geen gemeente of organisatie heeft vastgelegd dat zij deze tool gebruikt.', en: 'No municipality or organisation has recorded that it uses this tool yet.' },
  'adoptions.since': { nl: 'sinds {date}', en: 'since {date}' },
  'adoptions.version': { nl: 'versie {version}', en: 'version {version}' },
  'adoptions.localVariant': { nl: 'Eigen variant', en: 'Local variant' },

  'timeline.heading': { nl: 'Levensloop', en: 'Lifecycle' },
  'timeline.entry': { nl: '{date}: {status}', en: '{date}: {status}' },

  'gate.noOwner': { nl: 'De tool heeft nog geen eigenaar; een City Deal-tool heeft er precies één, een partner van de City Deal.', en: 'The tool has no owner yet; a City Deal tool has exactly one, a City Deal partner.' },
  'gate.manyOwners': { nl: 'De tool heeft {count} eigenaren ({names}); een City Deal-tool heeft er precies één.', en: 'The tool has {count} owners ({names}); a City Deal tool has exactly one.' },
  'gate.ownerNotPartner': { nl: 'De eigenaar, {name}, is geen partner van de City Deal.', en: 'The owner, {name}, is not a City Deal partner.' },
  'gate.committed': {
    nl: '{count} van 3 testgemeenten toegezegd{names}. Een City Deal-tool gaat pas in ontwikkeling met drie gemeenten die de tool testen.',
    en: '{count} of 3 test municipalities committed{names}. A City Deal tool only goes into development with three municipalities that test it.',
  },
  'gate.completed': {
    nl: '{count} van 3 pilots afgerond met een uitkomst{names}. Een City Deal-tool is pas beschikbaar na drie afgeronde pilots.',
    en: '{count} of 3 pilots completed with an outcome{names}. A City Deal tool is only available after three completed pilots.',
  },
  'gate.refused': { nl: 'Deze stap kan nog niet: {reasons}', en: 'This step cannot be taken yet: {reasons}' },
} as const satisfies MessageTable
