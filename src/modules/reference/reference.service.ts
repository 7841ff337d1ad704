import type { ReferenceRepository } from './reference.repository.ts'
import type { CriteriaTable, SdgTargetsTable, ToolFormsTable } from '../../db/schema.ts'
import type { MimsTable } from '../../db/schema-open-data.ts'

export interface ReferenceData {
  forms: ToolFormsTable[]
  formsByCode: Map<string, ToolFormsTable>
  sdgTargets: SdgTargetsTable[]
  criteria: CriteriaTable[]
  criteriaByCode: Map<string, CriteriaTable>
  /** The Living-in.EU MIMs, in their order. */
  mims: MimsTable[]
  /** Municipalities by CBS code (GM0518), with their other names. */
  municipalities: Map<string, Municipality>
}

export interface Municipality {
  name: string
  slug: string
  /** Other names people know it by: "Den Haag" for 's-Gravenhage. */
  aliases: string[]
  /** The name with its other names, for lists people scan by either: "'s-Gravenhage (Den Haag, The Hague)". */
  label: string
}

type MunicipalityRow = Awaited<ReturnType<ReferenceRepository['municipalities']>>[number]

function municipalityEntries(rows: MunicipalityRow[]): [string, Municipality][] {
  return rows
    .filter((m) => m.cbs_code)
    .map((m) => [m.cbs_code!, { name: m.name, slug: m.slug, aliases: m.aliases, label: m.aliases.length > 0 ? `${m.name} (${m.aliases.join(', ')})` : m.name }])
}

/**
 * Reads the municipalities again into the same map, after an administrator changed a name or an alias through this
 * instance (other instances see it at their next start).
 */
export async function reloadMunicipalities(reference: ReferenceData, repository: ReferenceRepository): Promise<void> {
  const entries = municipalityEntries(await repository.municipalities())
  reference.municipalities.clear()
  for (const [code, m] of entries) reference.municipalities.set(code, m)
}

/** Loads the reference vocabularies once; they change only with a deploy (reference-data/). */
export async function loadReferenceData(repository: ReferenceRepository): Promise<ReferenceData> {
  const [forms, sdgTargets, criteria, municipalities, mims] = await Promise.all([
    repository.forms(),
    repository.sdgTargets(),
    repository.criteria(),
    repository.municipalities(),
    repository.mims(),
  ])
  return {
    forms,
    formsByCode: new Map(forms.map((f) => [f.code, f])),
    sdgTargets,
    criteria,
    criteriaByCode: new Map(criteria.map((c) => [c.code, c])),
    mims,
    municipalities: new Map(municipalityEntries(municipalities)),
  }
}
