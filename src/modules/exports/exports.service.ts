import { NotFoundError } from '../../errors.ts'
import { toCsv } from '../../lib/csv.ts'
import type { ReferenceData } from '../reference/reference.service.ts'
import type { ExportsRepository } from './exports.repository.ts'
import { publiccodeFor } from './publiccode.ts'
import { CSV_COLUMNS, readRecords, recordCells, type ToolRecord } from './tool-record.ts'

/** The licence of the catalogue's data (the descriptions of tools, not the tools themselves): CC0, as data.overheid.nl asks. */
export const DATA_LICENCE = { id: 'CC0-1.0', url: 'https://creativecommons.org/publicdomain/zero/1.0/' } as const

export type ExportFormat = 'csv' | 'json'

export interface ExportsDeps {
  repository: ExportsRepository
  reference: ReferenceData
  publicUrl: string
  /** The catalogue's version: a whole-catalogue file is built once per version. */
  catalogueVersion: () => Promise<number>
}

/** The whole catalogue as CSV (one row per tool) and JSON, and a software tool as publiccode.yml. */
export function createExportsService(deps: ExportsDeps) {
  /** The last file built per format, with the catalogue version it was built from. */
  const cached = new Map<ExportFormat, { version: number; body: string }>()

  const csv = (records: ToolRecord[]) => toCsv([...CSV_COLUMNS], records.map((r) => recordCells(r, deps.reference, deps.publicUrl)))
  const json = (records: ToolRecord[]) =>
    JSON.stringify(
      {
        title: { nl: 'City Deal Toolbox: alle tools', en: 'City Deal Toolbox: all tools' },
        licence: DATA_LICENCE.id,
        licenceUrl: DATA_LICENCE.url,
        source: deps.publicUrl,
        tools: records.map((r) => ({ ...r, page_nl: `${deps.publicUrl}/tools/${r.slug}`, page_en: `${deps.publicUrl}/en/tools/${r.slug}` })),
      },
      null,
      2,
    ) + '\n'

  return {
    /** Every tool as records, by slug. */
    records: (ids?: readonly number[]) => readRecords(deps.repository, ids),

    /** The whole catalogue in a format; built once per catalogue version and format. */
    async catalogue(format: ExportFormat): Promise<string> {
      const version = await deps.catalogueVersion()
      const hit = cached.get(format)
      if (hit && hit.version === version) return hit.body
      const records = await readRecords(deps.repository)
      const body = format === 'csv' ? csv(records) : json(records)
      cached.set(format, { version, body })
      return body
    },

    /** These tools (in this order) as a CSV document, e.g. the API's matches for a search. */
    async csvOf(tools: readonly { id: number; slug: string }[]): Promise<string> {
      const records = await readRecords(deps.repository, tools.map((t) => Number(t.id)))
      const bySlug = new Map(records.map((r) => [r.slug, r]))
      return csv(tools.map((t) => bySlug.get(t.slug)).filter((r) => r !== undefined))
    },

    /** Records as CSV or JSON, for the export command. */
    format: (records: ToolRecord[], format: ExportFormat) => (format === 'csv' ? csv(records) : json(records)),

    /** A software tool's publiccode.yml; NotFoundError for an unknown slug or a tool that is not software. */
    async publiccode(slug: string): Promise<string> {
      const id = await deps.repository.idOfSlug(slug)
      const [record] = id === undefined ? [] : await readRecords(deps.repository, [id])
      if (!record) throw new NotFoundError('error.toolNotFound', { slug: slug.slice(0, 80) })
      if (record.form !== 'software') throw new NotFoundError('error.notSoftware', { slug })
      return publiccodeFor(record, deps.publicUrl)
    },

    /** A software tool to show publiccode.yml with (the first by name), if there is one. */
    softwareExample: () => deps.repository.firstSoftware(),
  }
}
export type ExportsService = ReturnType<typeof createExportsService>
