// The tables of the open-data work (migration 0014), apart so that schema.ts stays short.

/** A Living-in.EU Minimal Interoperability Mechanism (reference-data/mims.csv). */
export interface MimsTable {
  code: string
  position: number
  name_nl: string
  name_en: string
  status: 'adopted' | 'work_item'
  description_nl: string
  description_en: string
  source_url: string
}

export const MIM_RELATIONS = ['implements', 'supports', 'references'] as const
export type MimRelation = (typeof MIM_RELATIONS)[number]

/** How a tool relates to a MIM (written by tools.writes.repository). */
export interface ToolMimsTable {
  tool_id: number
  mim_code: string
  relation: MimRelation
}
