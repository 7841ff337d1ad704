import { decodeText, ImportFileError, readCsvRows, type ImportRow } from './read-csv.ts'
import { readDcat } from './read-dcat.ts'
import { readPubliccode } from './read-publiccode.ts'

export { ImportFileError }

/** The rows of an import file, by its name and content: CSV, publiccode.yml, or DCAT-AP in Turtle or JSON-LD. */
export async function readImportFile(name: string, bytes: Uint8Array): Promise<ImportRow[]> {
  const text = decodeText(bytes)
  const lower = name.toLowerCase()
  if (lower.endsWith('.yml') || lower.endsWith('.yaml')) return readPubliccode(text)
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return readCsvRows(text)
  if (lower.endsWith('.ttl')) return readDcat(text, 'turtle')
  if (lower.endsWith('.jsonld') || lower.endsWith('.json')) return readDcat(text, 'jsonld')
  throw new ImportFileError('Unknown kind of file: give a .csv, a publiccode.yml, a .ttl or a .jsonld file.')
}
