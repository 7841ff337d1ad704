// The pipeline view (/tools/pipeline), the "used by" facet, and the lifecycle timeline's marks.

import type { MessageTable } from './table.ts'

export const pipelineViewMessages = {
  'facet.usedby': { nl: 'Gebruikt door', en: 'Used by' },

  'pipeline.title': { nl: 'Tools in de pijplijn', en: 'Tools in the pipeline' },
  'pipeline.intro': {
    nl: 'Tools die nog niet klaar zijn voor gebruik: van idee tot test. De City Deal ontwikkelt een tool alleen met één eigenaar onder de partners en ten minste drie gemeenten die hem testen. Per tool staat hier wie eraan werkt, welke gemeenten meedoen en wat er nog ontbreekt voor de volgende stap.',
    en: 'Tools that are not ready for use yet: from idea to test. The City Deal develops a tool only with one owner among its partners and at least three municipalities that test it. For each tool you see who works on it, which municipalities take part and what the next step still lacks.',
  },
  'pipeline.stages': { nl: 'Fasen', en: 'Stages' },
  'pipeline.stage.countOne': { nl: '1 tool', en: '1 tool' },
  'pipeline.stage.count': { nl: '{count} tools', en: '{count} tools' },
  'pipeline.stage.none': { nl: 'Geen tools in deze fase.', en: 'No tools at this stage.' },
  'pipeline.stage.more': { nl: 'Alle {count} tools in deze fase in de catalogus', en: 'All {count} tools at this stage in the catalogue' },
  'pipeline.owner': { nl: 'Eigenaar', en: 'Owner' },
  'pipeline.owner.none': { nl: 'Nog geen eigenaar', en: 'No owner yet' },
  'pipeline.municipalities': { nl: 'Testgemeenten', en: 'Test municipalities' },
  'pipeline.municipalities.none': { nl: 'Nog geen', en: 'None yet' },
  'pipeline.municipalities.committed': { nl: '{count} van {needed} toegezegd', en: '{count} of {needed} committed' },
  'pipeline.municipalities.completed': { nl: '{count} van {needed} pilots afgerond met een uitkomst', en: '{count} of {needed} pilots completed with an outcome' },
  'pipeline.municipalities.stillNeeded': { nl: 'nog {count} nodig', en: '{count} more needed' },
  'pipeline.municipalities.enough': { nl: 'genoeg voor de drempel', en: 'enough for the gate' },
  'pipeline.call': { nl: 'Oproep', en: 'Call' },
  'pipeline.call.open': { nl: 'Open oproep aan testgemeenten', en: 'Open call for test municipalities' },
  'pipeline.call.wantedOne': { nl: '1 gemeente gezocht', en: '1 municipality wanted' },
  'pipeline.call.wanted': { nl: '{count} gemeenten gezocht', en: '{count} municipalities wanted' },
  'pipeline.call.until': { nl: 'tot en met {date}', en: 'until {date}' },
  'pipeline.call.none': { nl: 'Geen open oproep', en: 'No open call' },
  'pipeline.gate': { nl: 'Volgende stap', en: 'Next step' },
  'pipeline.gate.ready': { nl: 'Niets ontbreekt voor deze stap.', en: 'Nothing is missing for this step.' },
  'pipeline.gate.noGate': { nl: 'Geen City Deal-tool: de drempel van de City Deal geldt niet.', en: 'Not a City Deal tool: the City Deal’s gate does not apply.' },
  'pipeline.gate.unmet': { nl: 'Nog niet voldaan in deze fase:', en: 'Not yet met at this stage:' },
  'pipeline.link': { nl: 'Tools in ontwikkeling: de pijplijn', en: 'Tools in development: the pipeline' },

  'home.pipeline.heading': { nl: 'In de maak', en: 'In the making' },
  'home.pipeline.text': {
    nl: 'Ideeën en tools in ontwikkeling, met hun eigenaar, de gemeenten die ze testen en wat er nog nodig is.',
    en: 'Ideas and tools in development, with their owner, the municipalities that test them and what they still need.',
  },
  'home.pipeline.link': { nl: 'Bekijk de pijplijn', en: 'See the pipeline' },

  'timeline.current': { nl: 'huidige status', en: 'current status' },
} as const satisfies MessageTable
