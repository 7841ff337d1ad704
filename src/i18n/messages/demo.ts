// The demonstration mode (npm run demo, decision 0021): the banner every page carries while it runs.

import type { MessageTable } from './table.ts'

export const demoMessages = {
  'demo.banner.label': { nl: 'Demonstratie', en: 'Demonstration' },
  'demo.banner': {
    nl: 'Demonstratie: de pilots, stemmingen en organisaties die als fictief zijn gemarkeerd, zijn verzonnen.',
    en: 'Demonstration: the pilots, votes and organisations marked as fictional are made up.',
  },
} as const satisfies MessageTable
