import type { ReferenceRepository } from './reference.repository.ts'
import type { CriteriaTable, SdgTargetsTable, ToolFormsTable } from '../../db/schema.ts'

export interface ReferenceData {
  forms: ToolFormsTable[]
  formsByCode: Map<string, ToolFormsTable>
  sdgTargets: SdgTargetsTable[]
  criteria: CriteriaTable[]
  criteriaByCode: Map<string, CriteriaTable>
  municipalities: Map<string, { name: string; slug: string }>
}

/** Loads the reference vocabularies once; they change only with a deploy (reference-data/). */
export async function loadReferenceData(repository: ReferenceRepository): Promise<ReferenceData> {
  const [forms, sdgTargets, criteria, municipalities] = await Promise.all([
    repository.forms(),
    repository.sdgTargets(),
    repository.criteria(),
    repository.municipalities(),
  ])
  return {
    forms,
    formsByCode: new Map(forms.map((f) => [f.code, f])),
    sdgTargets,
    criteria,
    criteriaByCode: new Map(criteria.map((c) => [c.code, c])),
    municipalities: new Map(municipalities.map((m) => [m.cbs_code!, { name: m.name, slug: m.slug }])),
  }
}
