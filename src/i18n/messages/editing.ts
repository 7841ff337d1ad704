// Editing the catalogue: a tool's edit pages, creating, retiring and merging tools.

import type { MessageTable } from './table.ts'

export const editingMessages = {} as const satisfies MessageTable
