import type { PilotOutcome, PilotStatus } from '../../db/schema.ts'
import type { GateFacts } from '../tools/tools.gate.ts'
import type { PipelineViewRepository, StageToolRow } from './pipeline-view.repository.ts'

/** The stages the pipeline view shows, in lifecycle order: every status before a tool is available. */
export const PIPELINE_STAGES = ['idea', 'proposed', 'selected', 'in_development', 'testing'] as const
/** The most tools one stage lists; the rest are a link to the catalogue filtered by that status. */
export const PIPELINE_STAGE_LIMIT = 100

export interface PipelineTool {
  tool: StageToolRow
  owners: { slug: string; name: string; isPartner: boolean }[]
  pilots: { slug: string; name: string; status: PilotStatus; outcome: PilotOutcome | null; completedOn: string | null }[]
  /** The newest open call, if any. */
  /** The open call; municipalitiesNeeded: how many more it wants (those asked for, less the answers accepted). */
  call: { id: number; opensOn: string; closesOn: string | null; municipalitiesNeeded: number } | undefined
  facts: GateFacts
}

export interface PipelineStage {
  status: (typeof PIPELINE_STAGES)[number]
  /** All tools at this stage; `tools` holds at most PIPELINE_STAGE_LIMIT of them. */
  total: number
  tools: PipelineTool[]
}

/** The pipeline: the tools from idea to testing, grouped by stage, each with what the gate weighs. */
export function createPipelineViewService(repository: PipelineViewRepository) {
  return {
    async board(): Promise<PipelineStage[]> {
      const [counts, rows] = await Promise.all([repository.stageCounts(PIPELINE_STAGES), repository.toolsInStages(PIPELINE_STAGES, PIPELINE_STAGE_LIMIT)])
      const ids = rows.map((r) => r.id)
      const [owners, pilots, calls] = await Promise.all([repository.ownersOf(ids), repository.pilotsOf(ids), repository.openCallsOf(ids)])
      const byTool = <T extends { tool_id: number }>(list: T[]) => {
        const map = new Map<number, T[]>()
        for (const item of list) map.set(Number(item.tool_id), [...(map.get(Number(item.tool_id)) ?? []), item])
        return map
      }
      const ownersBy = byTool(owners)
      const pilotsBy = byTool(pilots)
      const callsBy = byTool(calls)
      const tools = rows.map((tool): PipelineTool => {
        const toolOwners = (ownersBy.get(tool.id) ?? []).map((o) => ({ slug: o.slug, name: o.name, isPartner: o.is_city_deal_partner }))
        const toolPilots = (pilotsBy.get(tool.id) ?? []).map((p) => ({ slug: p.slug, name: p.name, status: p.status, outcome: p.outcome, completedOn: p.completed_on }))
        const call = callsBy.get(tool.id)?.[0]
        return {
          tool,
          owners: toolOwners,
          pilots: toolPilots,
          call: call && { id: Number(call.id), opensOn: call.opens_on, closesOn: call.closes_on, municipalitiesNeeded: Math.max(0, call.municipalities_needed - call.accepted) },
          facts: {
            origin: tool.origin,
            owners: toolOwners.map((o) => ({ name: o.name, isPartner: o.isPartner })),
            pilots: toolPilots.map((p) => ({ municipality: p.name, status: p.status, outcome: p.outcome })),
          },
        }
      })
      return PIPELINE_STAGES.map((status) => ({ status, total: counts.get(status) ?? 0, tools: tools.filter((t) => t.tool.status === status) }))
    },
  }
}
export type PipelineViewService = ReturnType<typeof createPipelineViewService>
