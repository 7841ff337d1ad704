import { label } from '../../i18n/i18n.ts'
import type { Locale } from '../../i18n/messages.ts'
import type { ReferenceData } from '../reference/reference.service.ts'
import { facetValueLabel, localized } from '../tools/tools.presenter.ts'
import { gateReasonText } from '../tools/tools.gate.ts'
import { gateOutlook } from '../tools/tools.outlook.ts'
import type { PipelineStage } from './pipeline-view.service.ts'

/** The pipeline in one language: per stage its tools with owner, municipalities, open call and next step. */
export function presentPipeline(stages: PipelineStage[], locale: Locale, reference: ReferenceData) {
  const status = (code: string) => ({ code, label: label(locale, 'status', code) })
  return stages.map((stage) => ({
    status: status(stage.status),
    total: stage.total,
    tools: stage.tools.map(({ tool, owners, pilots, call, facts }) => {
      const outlook = gateOutlook(facts, tool.status)
      return {
        slug: tool.slug,
        name: localized(tool.name_nl, tool.name_en, locale)!,
        form: { code: tool.form, label: facetValueLabel('form', tool.form, locale, reference) },
        origin: { code: tool.origin, label: label(locale, 'origin', tool.origin) },
        owners: owners.map((o) => ({ slug: o.slug, name: o.name })),
        // A withdrawn pilot no longer takes part.
        pilots: pilots
          .filter((p) => p.status !== 'withdrawn')
          .map((p) => ({
            municipality: { slug: p.slug, name: p.name },
            status: { code: p.status, label: label(locale, 'pilotStatus', p.status) },
            outcome: p.outcome ? { code: p.outcome, label: label(locale, 'pilotOutcome', p.outcome) } : null,
          })),
        /** Only City Deal tools count municipalities against the gate. */
        gate: {
          applies: outlook.applies,
          needed: outlook.needed,
          committed: outlook.committed.length,
          completed: outlook.completed.length,
          next: outlook.next ? status(outlook.next) : null,
          missing: outlook.missing.map((r) => gateReasonText(locale, r)),
          unmet: outlook.unmet.map((r) => gateReasonText(locale, r)),
        },
        call: call ? { closesOn: call.closesOn, municipalitiesNeeded: call.municipalitiesNeeded } : null,
      }
    }),
  }))
}
export type PipelineView = ReturnType<typeof presentPipeline>
