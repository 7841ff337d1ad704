import type { Tx, RunInTransaction } from '../../../db/transaction.ts'
import type { Actor } from '../../../lib/actor.ts'
import type { AuditRepository } from '../../audit/audit.repository.ts'
import type { OrganisationsRepository } from '../../organisations/organisations.repository.ts'
import type { PilotsRepository } from '../../pipeline/pilots.repository.ts'
import type { ReferenceData } from '../../reference/reference.service.ts'
import type { Match } from '../../submissions/similarity.ts'
import type { SubmissionsService } from '../../submissions/submissions.service.ts'
import type { ToolsRepository } from '../../tools/tools.repository.ts'
import type { ExportsRepository } from '../exports.repository.ts'
import { organisationLabel, readRecords, withFields, type ToolRecord } from '../tool-record.ts'
import { checkRecord, type RowProblem } from './record-check.ts'
import type { ImportRow } from './read-csv.ts'
import { writeTool, type OrganisationResolver } from './write-tool.ts'

export type ImportAction = 'create' | 'update' | 'unchanged' | 'hold' | 'skip' | 'invalid'

/** What the import does (or would do) with one row, and why. */
export interface PlannedRow {
  line: number
  slug: string
  action: ImportAction
  reason: string
  record?: ToolRecord | undefined
  toolId?: number | undefined
  problems?: RowProblem[] | undefined
  /** For a row held back: the likely duplicates, shown to the curators with the submission. */
  matches?: Match[] | undefined
}

export interface ImportDeps {
  transaction: RunInTransaction
  exports: ExportsRepository
  tools: ToolsRepository
  pilots: PilotsRepository
  organisations: OrganisationsRepository
  submissions: Pick<SubmissionsService, 'similar' | 'holdImported'>
  audit: AuditRepository
  reference: ReferenceData
}

const IMPORT_ACTOR: Actor = { kind: 'system', label: 'import' }
/** Tools written per transaction; a batch that fails is written again one tool at a time, to find the row. */
const BATCH = 50

/** A record without its timestamps: two records with the same content are the same tool, whenever they were exported. */
const content = (r: ToolRecord) => JSON.stringify({ ...r, created_at: undefined, updated_at: undefined })
const plain = (text: string) => text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim()

/** A record whose organisations are named as the tables name them, whichever of their names the file used. */
function canonicalOrganisations(record: ToolRecord, organisations: OrganisationResolver): ToolRecord {
  const names = (labels: string[]) => labels.map((l) => organisations.canonical(l))
  return {
    ...record,
    owners: names(record.owners),
    co_developers: names(record.co_developers),
    organising_parties: names(record.organising_parties),
    partners: names(record.partners),
    used_by: names(record.used_by),
    pilots: record.pilots.map((p) => ({ ...p, municipality: organisations.canonical(p.municipality) })),
  }
}

/**
 * The import: plan every row against the catalogue as it is (read only: what would be created, updated, held back as a
 * likely duplicate, skipped), then apply the plan, each tool whole or not at all.
 */
export function createImportService(deps: ImportDeps) {
  /** Organisations by CBS code and by name or alias (case and accents ignored), read once per import. */
  async function organisationIndex(): Promise<OrganisationResolver> {
    const rows = await deps.exports.organisationNames()
    const byCode = new Map<string, number>()
    const byName = new Map<string, Set<number>>()
    const labels = new Map<number, string>()
    for (const row of rows) {
      if (!row.alias) labels.set(Number(row.id), organisationLabel(row))
      if (row.cbs_code) byCode.set(row.cbs_code, Number(row.id))
      const key = plain(row.name)
      byName.set(key, (byName.get(key) ?? new Set()).add(Number(row.id)))
    }
    const resolver: OrganisationResolver = {
      canonical(label: string) {
        const found = resolver.find(label)
        return 'id' in found ? (labels.get(found.id) ?? label) : label
      },
      find(label: string) {
        const coded = /^(.*) \(((?:GM\d{4})|(?:PV\d{2}))\)$/.exec(label)
        if (coded) {
          const id = byCode.get(coded[2]!)
          return id === undefined ? { problem: `no municipality or province with the code ${coded[2]}` } : { id }
        }
        const ids = byName.get(plain(label))
        if (!ids) return { create: label }
        if (ids.size > 1) return { problem: `"${label.slice(0, 80)}" names ${ids.size} organisations; add the CBS code` }
        return { id: [...ids][0]! }
      },
    }
    return resolver
  }

  return {
    /** What would happen to every row, without writing anything. */
    async plan(rows: ImportRow[], onProgress?: (done: number) => void): Promise<PlannedRow[]> {
      const organisations = await organisationIndex()
      const existing = new Map((await deps.exports.slugIds()).map((t) => [t.slug, Number(t.id)]))
      const seen = new Map<string, number>()
      const planned: PlannedRow[] = []
      // The existing tools this file names, read whole in a few queries.
      const named = rows.map((r) => (r.record ? existing.get(r.record.slug) : undefined)).filter((id) => id !== undefined)
      const current = new Map((await readRecords(deps.exports, named)).map((r) => [r.slug, r]))
      for (const [index, row] of rows.entries()) {
        onProgress?.(index)
        if (!row.record) {
          planned.push({ line: row.line, slug: row.label ?? '', action: 'invalid', reason: row.problems.map((p) => `${p.column}: ${p.reason}`).join('; '), problems: row.problems })
          continue
        }
        const toolId = existing.get(row.record.slug)
        const before = toolId === undefined ? undefined : current.get(row.record.slug)
        // A file that gives only some fields changes only those; the tool keeps the rest (and its dates).
        const given = canonicalOrganisations(row.record, organisations)
        const record = before && row.fields ? withFields(before, given, row.fields) : given
        const problems = checkRecord(record, deps.reference)
        for (const label of [...record.owners, ...record.co_developers, ...record.organising_parties, ...record.partners, ...record.used_by, ...record.pilots.map((p) => p.municipality)]) {
          const found = organisations.find(label)
          if ('problem' in found) problems.push({ column: 'organisations', reason: found.problem })
        }
        const earlier = seen.get(record.slug)
        if (earlier !== undefined) problems.push({ column: 'slug', reason: `the same slug as line ${earlier}` })
        seen.set(record.slug, row.line)
        if (problems.length > 0) {
          planned.push({ line: row.line, slug: record.slug, action: 'invalid', reason: problems.map((p) => `${p.column}: ${p.reason}`).join('; '), problems })
          continue
        }
        if (toolId !== undefined) {
          const same = before !== undefined && content(before) === content(record)
          if (!same && row.fields && !row.fields.includes('updated_at')) record.updated_at = new Date().toISOString()
          planned.push({ line: row.line, slug: record.slug, action: same ? 'unchanged' : 'update', reason: same ? 'the tool is already so' : 'the tool differs from the file', record, toolId })
          continue
        }
        // A new slug: is it a tool the catalogue (or the curation queue) already has under another name?
        const name = record.name_nl ?? record.name_en ?? record.slug
        const matches = await deps.submissions.similar({ name, description: record.description_nl ?? record.description_en ?? undefined, url: record.website ?? undefined })
        const likely = matches.filter((m) => m.likely)
        if (likely.some((m) => m.candidate.type === 'submission' && plain(m.candidate.name) === plain(name))) {
          planned.push({ line: row.line, slug: record.slug, action: 'skip', reason: 'already waiting in curation', record })
        } else if (likely.length > 0) {
          planned.push({ line: row.line, slug: record.slug, action: 'hold', reason: `likely the same as ${likely.map((m) => `"${m.candidate.name}"`).join(', ')}`, record, matches })
        } else {
          planned.push({ line: row.line, slug: record.slug, action: 'create', reason: 'a new tool', record })
        }
      }
      onProgress?.(rows.length)
      return planned
    },

    /**
     * Writes the plan: creates and updates tools (every part of one tool in one transaction), holds likely duplicates
     * back as submissions. A row the database refuses is reported, not half-written; the others go on.
     */
    async apply(plan: PlannedRow[], onProgress?: (done: number) => void): Promise<PlannedRow[]> {
      const organisations = await organisationIndex()
      const work = plan.filter((p) => p.action === 'create' || p.action === 'update' || p.action === 'hold')
      const failed = new Map<PlannedRow, string>()
      const writeOne = async (trx: Tx, row: PlannedRow) => {
        const record = row.record!
        if (row.action === 'hold') {
          const name = record.name_nl ?? record.name_en ?? record.slug
          await deps.submissions.holdImported(
            trx,
            {
              name: name.slice(0, 200),
              description: (record.description_nl ?? record.description_en ?? name).slice(0, 2000),
              form: record.form,
              category: record.category === 'governance' ? 'governance' : 'content',
              ownerName: record.owners[0]?.slice(0, 200),
              websiteUrl: record.website ?? undefined,
              themes: record.themes,
              sdgTargets: record.sdg_targets,
              languages: [],
              licence: record.licence ?? undefined,
            },
            `Imported (line ${row.line}, slug ${record.slug}): ${row.reason}`,
            row.matches ?? [],
          )
          return
        }
        await writeTool(trx, { tools: deps.tools, pilots: deps.pilots, organisations: deps.organisations, audit: deps.audit }, organisations, record, row.toolId, IMPORT_ACTOR)
      }
      let done = 0
      for (let start = 0; start < work.length; start += BATCH) {
        const batch = work.slice(start, start + BATCH)
        try {
          await deps.transaction(async (trx) => {
            for (const row of batch) await writeOne(trx, row)
          })
        } catch {
          // One of them was refused: write them one by one, so that only that one is left out.
          for (const row of batch) {
            try {
              await deps.transaction((trx) => writeOne(trx, row))
            } catch (error) {
              failed.set(row, error instanceof Error ? error.message.slice(0, 300) : String(error))
            }
          }
        }
        done += batch.length
        onProgress?.(done)
      }
      return plan.map((row) => {
        const error = failed.get(row)
        return error === undefined ? row : { ...row, action: 'invalid', reason: `the database refused it: ${error}` }
      })
    },
  }
}
export type ImportService = ReturnType<typeof createImportService>
