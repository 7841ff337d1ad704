import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { sql } from 'kysely'
import { buildTestApp, type TestApp } from '../../../../test/helper.ts'
import { createTool, unique } from '../../../../test/factories.ts'
import { toCsv } from '../../../lib/csv.ts'
import { CSV_COLUMNS } from '../tool-record.ts'
import { ImportFileError, readImportFile } from './read-file.ts'

const PUBLICCODE = join(import.meta.dirname, '..', '..', '..', '..', 'validators', 'publiccode', 'publiccode.yml')
const bytes = (text: string) => new TextEncoder().encode(text)

/** A CSV in the export's format with only these columns filled. */
function csvOf(rows: Partial<Record<(typeof CSV_COLUMNS)[number], string>>[]) {
  return toCsv([...CSV_COLUMNS], rows.map((r) => CSV_COLUMNS.map((c) => r[c] ?? '')))
}

describe('import: round trip, idempotence, duplicates and bad rows', () => {
  let source: TestApp
  let target: TestApp
  before(async () => {
    ;[source, target] = await Promise.all([buildTestApp(), buildTestApp()])
    // The target starts with an empty catalogue: the round trip must bring back everything.
    await sql`delete from tools`.execute(target.database.handle.db)
    // A tool with every part the table carries: roles, pilots, an adoption, ratings, other names, links.
    const tool = await createTool(source.database.handle.db, {
      name_nl: `Proeftuin ${unique('x')}; met puntkomma`,
      processes: ['design', 'manage'],
      themes: ['privacy'],
      sdg: ['11.3'],
      aliases: ['PTK'],
      principlesMet: ['sustainable_democratic_city'],
      municipalities: [
        { cbsCode: 'GM0344', role: 'owner' },
        { cbsCode: 'GM0363', role: 'test_municipality', testStatus: 'passed' },
        { cbsCode: 'GM0518', role: 'adopter' },
      ],
    })
    await source.database.handle.db.insertInto('tool_links').values({ tool_id: tool.id, kind: 'documentation', url: 'https://example.org/docs;v=2', position: 1 }).execute()
  })
  after(async () => Promise.all([source.close(), target.close()]))

  test('export, import into an empty catalogue, export again: the same file; a second import changes nothing', async () => {
    const first = await source.app.appContext.exports.catalogue('csv')
    const rows = await readImportFile('tools.csv', bytes(first))
    const plan = await target.app.appContext.imports.plan(rows)
    assert.ok(plan.length > 70)
    assert.deepEqual([...new Set(plan.map((p) => p.action))], ['create'], JSON.stringify(plan.filter((p) => p.action !== 'create').slice(0, 3)))
    const done = await target.app.appContext.imports.apply(plan)
    assert.equal(done.filter((p) => p.action === 'invalid').length, 0, JSON.stringify(done.filter((p) => p.action === 'invalid').slice(0, 3)))
    target.app.appContext.tools.invalidateVersion()
    const second = await target.app.appContext.exports.catalogue('csv')
    assert.equal(second, first)

    const again = await target.app.appContext.imports.plan(await readImportFile('tools.csv', bytes(second)))
    assert.deepEqual([...new Set(again.map((p) => p.action))], ['unchanged'])
    await target.app.appContext.imports.apply(again)
    target.app.appContext.tools.invalidateVersion()
    assert.equal(await target.app.appContext.exports.catalogue('csv'), first)
    // Every tool imported is on record in the audit log.
    const audited = await target.database.handle.db.selectFrom('audit_log').select('entity_id').where('action', '=', 'tool.imported').execute()
    assert.equal(audited.length, plan.length)
  })

  test('a changed row updates the tool; explanations of ratings that stay the same are kept', async () => {
    const db = source.database.handle.db
    const csv = await source.app.appContext.exports.catalogue('csv')
    const changed = csv.replace(/(\r\npdok,PDOK \(Publieke Dienstverlening Op de Kaart\),)/, '$1PDOK NL')
    assert.notEqual(changed, csv)
    const plan = await source.app.appContext.imports.plan(await readImportFile('tools.csv', bytes(changed)))
    assert.deepEqual(plan.filter((p) => p.action !== 'unchanged').map((p) => [p.slug, p.action, p.reason]), [['pdok', 'update', 'the tool differs from the file']])
    await source.app.appContext.imports.apply(plan)
    const pdok = await db.selectFrom('tools').select(['name_en']).where('slug', '=', 'pdok').executeTakeFirstOrThrow()
    assert.equal(pdok.name_en, 'PDOK NL')
  })

  test('a file with only some columns changes only those; the tool keeps the rest', async () => {
    const db = source.database.handle.db
    const before = (await source.app.appContext.exports.records()).find((r) => r.slug === 'crowd-safety-manager')!
    const csv = '\ufeffslug,category,form,status,description_en\r\ncrowd-safety-manager,content,software,available,A new English description.\r\n'
    const plan = await source.app.appContext.imports.plan(await readImportFile('x.csv', bytes(csv)))
    assert.equal(plan[0]!.action, 'update', plan[0]!.reason)
    await source.app.appContext.imports.apply(plan)
    const after = (await source.app.appContext.exports.records()).find((r) => r.slug === 'crowd-safety-manager')!
    assert.equal(after.description_en, 'A new English description.')
    assert.deepEqual({ ...after, description_en: null, status: null, updated_at: null }, { ...before, description_en: null, status: null, updated_at: null })
    assert.ok(after.updated_at > before.updated_at, 'a change dates the tool now')
    const audit = await db.selectFrom('audit_log').select('action').where('action', '=', 'tool.import_updated').execute()
    assert.ok(audit.length >= 1)
  })

  test('a new slug that is likely an existing tool is held back as a submission, once', async () => {
    const csv = csvOf([{ slug: 'pdok-kopie', name_nl: 'PDOK (Publieke Dienstverlening Op de Kaart)', description_nl: 'Landelijk platform dat geodata van de overheid als open webservices beschikbaar stelt.', category: 'content', form: 'software', status: 'available', website: 'https://www.pdok.nl' }])
    const plan = await source.app.appContext.imports.plan(await readImportFile('x.csv', bytes(csv)))
    assert.equal(plan[0]!.action, 'hold', plan[0]!.reason)
    await source.app.appContext.imports.apply(plan)
    const held = await source.database.handle.db.selectFrom('submissions').select(['name', 'source', 'contact_email', 'status']).where('source', '=', 'import').execute()
    assert.deepEqual(held, [{ name: 'PDOK (Publieke Dienstverlening Op de Kaart)', source: 'import', contact_email: null, status: 'pending' }])
    const second = await source.app.appContext.imports.plan(await readImportFile('x.csv', bytes(csv)))
    assert.equal(second[0]!.action, 'skip')
    // The curators see it in their queue.
    const tools = await source.database.handle.db.selectFrom('tools').select('slug').where('slug', '=', 'pdok-kopie').execute()
    assert.deepEqual(tools, [])
  })

  test('bad rows are reported with their line and reason; the good ones are imported, nothing half', async () => {
    const good = unique('goed')
    const csv = csvOf([
      { slug: good, name_nl: 'Een goede tool', category: 'content', form: 'method', status: 'available', processes: 'design; govern' },
      { slug: unique('formule'), name_nl: "=cmd|' /C calc'!A0", category: 'content', form: 'method', status: 'available' },
      { slug: unique('code'), name_nl: 'Onbekende vorm', category: 'content', form: 'spreadsheet', status: 'available' },
      { slug: unique('opmaak'), name_nl: 'Met opmaak', description_nl: '<script>alert(1)</script>', category: 'content', form: 'method', status: 'available' },
      { slug: unique('adres'), name_nl: 'Slecht adres', category: 'content', form: 'method', status: 'available', website: 'javascript:alert(1)' },
      { slug: unique('gemeente'), name_nl: 'Onbekende gemeente', category: 'content', form: 'method', status: 'available', pilots: 'Nergenshuizen (GM9999): running' },
    ])
      // toCsv neutralises the formula as our export does; a file from elsewhere has it bare.
      .replace(",'=cmd", ',=cmd')
      .replace(/\r\n$/, '\r\n"te","weinig"\r\n')
    const plan = await source.app.appContext.imports.plan(await readImportFile('x.csv', bytes(csv)))
    const by = (line: number) => plan.find((p) => p.line === line)!
    assert.equal(by(2).action, 'create')
    assert.match(by(3).reason, /name_nl: looks like a spreadsheet formula/)
    assert.match(by(4).reason, /form: unknown code "spreadsheet"/)
    assert.match(by(5).reason, /description_nl: contains markup/)
    assert.match(by(6).reason, /website: not a web address/)
    assert.match(by(7).reason, /no municipality or province with the code GM9999/)
    assert.match(by(8).reason, /2 cells where the header has/)
    assert.deepEqual(plan.map((p) => p.action), ['create', 'invalid', 'invalid', 'invalid', 'invalid', 'invalid', 'invalid'])
    await source.app.appContext.imports.apply(plan)
    const written = await source.database.handle.db.selectFrom('tools').select('slug').where('slug', 'in', plan.map((p) => p.slug)).execute()
    assert.deepEqual(written.map((w) => w.slug), [good])
  })

  test('files that cannot be read say why in one line: encoding, broken CSV, missing columns, unknown kind', async () => {
    const latin1 = Uint8Array.from([...bytes('slug,category,form,status\r\n'), 0x63, 0x61, 0x66, 0xe9, 0x2c, 0x61, 0x2c, 0x62, 0x2c, 0x63, 0x0d, 0x0a])
    await assert.rejects(readImportFile('x.csv', latin1), (e) => e instanceof ImportFileError && /not UTF-8 \(first bad byte on line 2\)/.test(e.message))
    await assert.rejects(readImportFile('x.csv', bytes('slug,category,form,status\r\n"open,a,b,c\r\n')), (e) => e instanceof ImportFileError && /not valid CSV/.test(e.message))
    await assert.rejects(readImportFile('x.csv', bytes('name\r\nx\r\n')), (e) => e instanceof ImportFileError && /lacks the column\(s\) slug, category, form, status/.test(e.message))
    await assert.rejects(readImportFile('x.docx', bytes('x')), (e) => e instanceof ImportFileError && /Unknown kind of file/.test(e.message))
    // UTF-16 with its byte-order mark, as some spreadsheet programs save "Unicode text", is read.
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('slug,category,form,status\r\nx,content,method,available\r\n', 'utf16le')])
    assert.equal((await readImportFile('x.csv', utf16)).length, 1)
  })

  test('DCAT-AP in Turtle and JSON-LD: our own catalogue changes nothing here, makes the tools in an empty catalogue, and a second run changes nothing', async () => {
    for (const [file, url] of [['catalogue.ttl', '/data/catalogue.ttl'], ['catalogue.jsonld', '/data/catalogue.jsonld']] as const) {
      const body = (await source.app.inject({ url })).rawPayload
      const own = await source.app.appContext.imports.plan(await readImportFile(file, body))
      assert.deepEqual([...new Set(own.map((p) => p.action))], ['unchanged'], `${file}: ${JSON.stringify(own.filter((p) => p.action !== 'unchanged').slice(0, 2).map((p) => [p.slug, p.action, p.reason]))}`)
    }
    const empty = await buildTestApp()
    try {
      await sql`delete from tools`.execute(empty.database.handle.db)
      const ttl = (await source.app.inject({ url: '/data/catalogue.ttl' })).rawPayload
      const plan = await empty.app.appContext.imports.plan(await readImportFile('catalogue.ttl', ttl))
      assert.ok(plan.length > 70)
      assert.deepEqual([...new Set(plan.map((p) => p.action))], ['create'], JSON.stringify(plan.filter((p) => p.action !== 'create').slice(0, 2)))
      const done = await empty.app.appContext.imports.apply(plan)
      assert.equal(done.filter((p) => p.action === 'invalid').length, 0, JSON.stringify(done.filter((p) => p.action === 'invalid').slice(0, 2)))
      const pdok = (await empty.app.appContext.exports.records()).find((r) => r.slug === 'pdok')!
      assert.equal(pdok.form, 'software')
      assert.match(pdok.description_en ?? '', /geodata/)
      assert.deepEqual(pdok.owners, ['Kadaster'])
      const again = await empty.app.appContext.imports.plan(await readImportFile('catalogue.ttl', ttl))
      assert.deepEqual([...new Set(again.map((p) => p.action))], ['unchanged'])
    } finally {
      await empty.close()
    }
    await assert.rejects(readImportFile('x.ttl', bytes('@prefix x: <http://x/> . x:a x:b')), (e) => e instanceof ImportFileError && /not valid Turtle/.test(e.message))
    await assert.rejects(readImportFile('x.jsonld', bytes('{"@context": "https://example.org/ctx.jsonld", "@id": "http://x/a"}')), (e) => e instanceof ImportFileError && /remote context/.test(e.message))
  })

  test('publiccode.yml becomes a software tool; importing it again changes nothing', async () => {
    const file = readFileSync(PUBLICCODE)
    const plan = await target.app.appContext.imports.plan(await readImportFile('publiccode.yml', file))
    assert.equal(plan[0]!.action, 'create', plan[0]!.reason)
    assert.equal(plan[0]!.record!.form, 'software')
    await target.app.appContext.imports.apply(plan)
    const again = await target.app.appContext.imports.plan(await readImportFile('publiccode.yml', file))
    assert.equal(again[0]!.action, 'unchanged', again[0]!.reason)
  })
})
