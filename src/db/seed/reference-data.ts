import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { sql } from 'kysely'
import { readCsv, splitList } from '../../lib/csv.ts'
import { slugify } from '../../lib/slug.ts'
import type { Database } from '../database.ts'

/** The project's own copy of the reference data (see reference-data/SOURCES.md). */
export const REFERENCE_DATA_DIR = join(import.meta.dirname, '..', '..', '..', 'reference-data')

const TOOLS_SEED = 'tools-seed-v1'
const SEED_LOCK = 7_415_001

function referenceFingerprint(dir: string): string {
  const hash = createHash('sha256')
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.csv')).sort()) hash.update(file).update(readFileSync(join(dir, file)))
  return hash.digest('hex').slice(0, 20)
}

/** Seed status vocabulary → the toolbox's lifecycle. */
const STATUS_MAP: Record<string, string> = {
  active: 'available',
  delivered: 'available',
  in_force: 'secured',
  adopted: 'secured',
  in_development: 'in_development',
  concept: 'in_development',
  proposed: 'proposed',
  paused: 'retired',
}

export interface SeedSummary {
  forms: number
  sdgTargets: number
  criteria: number
  mims: number
  organisations: number
  toolsInserted: number
}

/**
 * Loads reference data idempotently: the vocabularies and organisations are upserted on every start,
 * the seed tools are inserted once (so that later edits by curators are never overwritten).
 */
export async function loadReferenceData(db: Database, dir = REFERENCE_DATA_DIR): Promise<SeedSummary | 'unchanged'> {
  // The files are loaded again only when they changed since the last load.
  const fingerprint = `reference-data:${referenceFingerprint(dir)}`
  const loaded = await db.selectFrom('seed_state').select('name').where('name', '=', fingerprint).executeTakeFirst()
  if (loaded) return 'unchanged'
  return db.transaction().execute(async (trx) => {
    // Instances starting together on one PostgreSQL: one loads, the others wait and then find it done.
    await sql`select pg_advisory_xact_lock(${SEED_LOCK})`.execute(trx)
    if (await trx.selectFrom('seed_state').select('name').where('name', '=', fingerprint).executeTakeFirst()) return 'unchanged' as const
    await trx.deleteFrom('seed_state').where('name', 'like', 'reference-data:%').execute()
    await trx.insertInto('seed_state').values({ name: fingerprint }).execute()
    const forms = readCsv(join(dir, 'tool-forms.csv'))
    for (const f of forms) {
      const row = {
        code: f.code!,
        position: Number(f.position),
        name_nl: f.name_nl!,
        name_en: f.name_en!,
        binding_level: f.binding_level as 'legal',
        binding_nl: f.binding_nl!,
        binding_en: f.binding_en!,
        description_nl: f.description_nl!,
        description_en: f.description_en!,
      }
      await trx.insertInto('tool_forms').values(row).onConflict((oc) => oc.column('code').doUpdateSet(row)).execute()
    }

    const sdgNl = new Map(readCsv(join(dir, 'sdg11-targets-nl.csv')).map((r) => [r.code!, r]))
    const sdg = readCsv(join(dir, 'sdg11-targets.csv'))
    for (const [index, s] of sdg.entries()) {
      const nl = sdgNl.get(s.code!)
      if (!nl) throw new Error(`No Dutch text for SDG target ${s.code}`)
      const row = {
        code: s.code!,
        position: index + 1,
        target_type: s.target_type as 'outcome',
        title_nl: nl.title_nl!,
        title_en: s.short_title!,
        summary_nl: nl.summary_nl!,
        summary_en: s.summary!,
        source_url: s.official_source_url!,
      }
      await trx.insertInto('sdg_targets').values(row).onConflict((oc) => oc.column('code').doUpdateSet(row)).execute()
    }

    const criteria = readCsv(join(dir, 'criteria.csv'))
    for (const c of criteria) {
      const row = {
        code: c.code!,
        family: c.family as 'principle',
        position: Number(c.position),
        name_nl: c.name_nl!,
        name_en: c.name_en!,
        description_nl: c.description_nl!,
        description_en: c.description_en!,
        source_url: c.source_url || null,
      }
      await trx.insertInto('criteria').values(row).onConflict((oc) => oc.column('code').doUpdateSet(row)).execute()
    }

    const mims = readCsv(join(dir, 'mims.csv'))
    for (const m of mims) {
      const row = {
        code: m.code!,
        position: Number(m.position),
        name_nl: m.name_nl!,
        name_en: m.name_en!,
        status: m.status as 'adopted',
        description_nl: m.description_nl!,
        description_en: m.description_en!,
        source_url: m.source_url!,
      }
      await trx.insertInto('mims').values(row).onConflict((oc) => oc.column('code').doUpdateSet(row)).execute()
    }

    const orgIds = await loadOrganisations(trx, dir)
    // Organisation names and aliases are part of their tools' search text: new ones must be found at once.
    await sql`select tool_refresh_derived(array(select distinct x.tool_id from tool_organisations x join organisation_aliases a on a.organisation_id = x.organisation_id))`.execute(trx)

    let toolsInserted = 0
    const done = await trx.selectFrom('seed_state').select('name').where('name', '=', TOOLS_SEED).executeTakeFirst()
    if (!done) {
      toolsInserted = await loadSeedTools(trx, dir, orgIds)
      await trx.insertInto('seed_state').values({ name: TOOLS_SEED }).execute()
      await trx
        .insertInto('audit_log')
        .values({
          actor_label: 'system: reference data',
          action: 'reference_data.loaded',
          entity_type: 'catalogue',
          entity_id: TOOLS_SEED,
          after: JSON.stringify({ tools: toolsInserted, organisations: orgIds.size }),
        })
        .execute()
    }

    return {
      forms: forms.length,
      sdgTargets: sdg.length,
      criteria: criteria.length,
      mims: mims.length,
      organisations: orgIds.size,
      toolsInserted,
    }
  })
}

type Trx = Parameters<Parameters<ReturnType<Database['transaction']>['execute']>[0]>[0]

interface OrgInput {
  name: string
  kind: string
  cbsCode?: string | undefined
  provinceCode?: string | undefined
  partner?: boolean
}

/** A seeded partner is one since the programme's start (migration 0011), unless a partnership of it is on record. */
async function ensurePartnership(trx: Trx, organisationId: number) {
  const known = await trx.selectFrom('partnerships').select('id').where('organisation_id', '=', organisationId).executeTakeFirst()
  if (!known) await trx.insertInto('partnerships').values({ organisation_id: organisationId, since: '2026-01-01' }).execute()
}

/** Upserts provinces, municipalities, City Deal partners and the seed tools' organisations; returns id by key. */
async function loadOrganisations(trx: Trx, dir: string): Promise<Map<string, number>> {
  const ids = new Map<string, number>()
  const upsert = async (org: OrgInput) => {
    const key = org.cbsCode ?? slugify(org.name)
    if (ids.has(key)) {
      if (org.partner) {
        await trx.updateTable('organisations').set({ is_city_deal_partner: true }).where('id', '=', ids.get(key)!).execute()
        await ensurePartnership(trx, ids.get(key)!)
      }
      return ids.get(key)!
    }
    // Municipalities are named without the word (Utrecht), provinces with it (Provincie Utrecht): one slug each.
    const slug = org.kind === 'municipality' ? slugify(`gemeente ${org.name}`) : slugify(org.name)
    const values = {
      slug,
      name: org.name,
      kind: org.kind,
      cbs_code: org.cbsCode ?? null,
      province_code: org.provinceCode ?? null,
      ...(org.partner ? { is_city_deal_partner: true } : {}),
    }
    const row = await trx
      .insertInto('organisations')
      .values(values)
      .onConflict((oc) =>
        oc.column('slug').doUpdateSet({
          name: values.name,
          kind: values.kind,
          cbs_code: values.cbs_code,
          province_code: values.province_code,
          ...(org.partner ? { is_city_deal_partner: true } : {}),
        }),
      )
      .returning('id')
      .executeTakeFirstOrThrow()
    ids.set(key, row.id)
    if (org.partner) await ensurePartnership(trx, row.id)
    return row.id
  }

  for (const p of readCsv(join(dir, 'provinces.csv'))) {
    await upsert({ name: `Provincie ${p.name}`, kind: 'province', cbsCode: p.code! })
  }
  const municipalities = readCsv(join(dir, 'municipalities.csv'))
  const municipalityByName = new Map(municipalities.map((m) => [m.name!, m.code!]))
  for (const m of municipalities) {
    await upsert({ name: m.name!, kind: 'municipality', cbsCode: m.code!, provinceCode: m.province_code! })
  }
  for (const p of readCsv(join(dir, 'partners.csv'))) {
    const name = p.name!
    if (p.kind === 'municipality') {
      const cbsName = name.replace(/^Gemeente\s+/, '').replace(/\s*\(.*\)$/, '')
      const code = municipalityByName.get(cbsName)
      if (!code) throw new Error(`Partner municipality ${name} is not a CBS municipality`)
      await upsert({ name: cbsName, kind: 'municipality', cbsCode: code, partner: true })
      continue
    }
    await upsert({ name, kind: partnerKind(name, p.kind!), partner: true })
  }
  for (const o of readCsv(join(dir, 'tool-organisations.csv'))) {
    await upsert({ name: o.organisation!, kind: o.kind!, cbsCode: o.cbs_code || undefined })
  }
  // Other names people use ("Den Haag", "TU Delft"): search, the municipality facet and the organisation picker know them.
  for (const a of readCsv(join(dir, 'organisation-aliases.csv'))) {
    const id = ids.get(a.cbs_code || slugify(a.organisation!))
    if (!id) throw new Error(`organisation-aliases.csv: unknown organisation ${a.organisation}`)
    await trx.insertInto('organisation_aliases').values({ organisation_id: id, alias: a.alias! }).onConflict((oc) => oc.doNothing()).execute()
  }
  return ids
}

function partnerKind(name: string, kind: string): string {
  if (kind === 'company') return 'company'
  if (kind === 'knowledge institution') return 'knowledge_institution'
  if (/^Ministerie|Centraal Bureau|Politie/.test(name)) return 'national_government'
  if (/^NEN\b/.test(name)) return 'standards_body'
  if (/Foundation|Stedennetwerk|Agenda Stad|Smart City|BTG|Brightlands/.test(name)) return 'network'
  return 'other'
}

/** Inserts the 74 real tools with their Dutch and English texts, aliases, classifications and organisations. */
async function loadSeedTools(trx: Trx, dir: string, orgIds: Map<string, number>): Promise<number> {
  const seed = readCsv(join(dir, 'tools-seed.csv'))
  const editorial = new Map(readCsv(join(dir, 'tools-editorial.csv')).map((r) => [r.name!, r]))
  const roles = readCsv(join(dir, 'tool-organisations.csv'))
  const ids: number[] = []
  const usedSlugs = new Set<string>()

  for (const s of seed) {
    const name = s.name!
    const ed = editorial.get(name)
    if (!ed) throw new Error(`tools-editorial.csv has no row for ${name}`)
    const status = STATUS_MAP[s.status!]
    if (!status) throw new Error(`Unknown seed status ${s.status} for ${name}`)
    let slug = slugify(name.replace(/\s*\(.*$/, '')) || slugify(name)
    if (usedSlugs.has(slug)) slug = slugify(name)
    usedSlugs.add(slug)

    const tool = await trx
      .insertInto('tools')
      .values({
        slug,
        // A name is stored in the language it is written in; the other language gets a translation only
        // where the tool has an established one (Omgevingswet: Environment and Planning Act).
        name_nl: ed.name_language === 'en' ? null : name,
        name_en: ed.name_language === 'en' ? name : ed.name_en || null,
        description_nl: ed.description_nl || null,
        description_en: s.short_description_in_your_own_words || null,
        process_question_nl: ed.process_question_nl || null,
        process_question_en: ed.process_question_en || null,
        category: s.category!,
        form: s.form!,
        status,
        origin: s.owner!.startsWith('City Deal') ? 'city_deal' : 'existing',
        website_url: s.url || null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    ids.push(tool.id)

    const links = [
      ...(s.url ? [{ kind: 'website', url: s.url, title_nl: 'Website', title_en: 'Website' }] : []),
      ...(s.source_url && s.source_url !== s.url
        ? [{ kind: 'evidence', url: s.source_url, title_nl: 'Bron', title_en: 'Source' }]
        : []),
    ]
    for (const [position, link] of links.entries()) {
      await trx.insertInto('tool_links').values({ tool_id: tool.id, position, ...link }).execute()
    }

    if (ed.name_language !== 'nl' && ed.name_language !== 'en') throw new Error(`tools-editorial.csv: name_language of ${name} must be nl or en`)
    const seen = new Set([name.toLowerCase(), (ed.name_en || name).toLowerCase()])
    for (const alias of splitList(ed.aliases)) {
      if (seen.has(alias.toLowerCase())) continue
      seen.add(alias.toLowerCase())
      const kind = /^[A-Z0-9][A-Z0-9./-]{1,11}$/.test(alias) ? 'acronym' : 'other_name'
      await trx.insertInto('tool_aliases').values({ tool_id: tool.id, alias, kind, language: null }).execute()
    }
    for (const process of splitList(ed.processes)) {
      await trx.insertInto('tool_processes').values({ tool_id: tool.id, process }).execute()
    }
    for (const theme of splitList(ed.themes)) {
      await trx.insertInto('tool_themes').values({ tool_id: tool.id, criterion_code: theme }).execute()
    }
    for (const target of splitList(ed.sdg)) {
      await trx.insertInto('tool_sdg_targets').values({ tool_id: tool.id, target_code: target }).execute()
    }
    for (const r of roles.filter((x) => x.tool_name === name)) {
      const organisationId = orgIds.get(r.cbs_code || slugify(r.organisation!))
      if (!organisationId) throw new Error(`Unknown organisation ${r.organisation}`)
      await trx
        .insertInto('tool_organisations')
        .values({ tool_id: tool.id, organisation_id: organisationId, role: r.role!, involvement: r.involvement || null })
        .onConflict((oc) => oc.doNothing())
        .execute()
    }
  }
  await sql`select tool_refresh_derived(${ids}::bigint[])`.execute(trx)
  // Their lifecycle starts with the status they have: since they became available, or since they were added.
  await sql`insert into tool_status_changes (tool_id, status, changed_on)
    select id, status, coalesce(case when status in ('available', 'secured') then available_on end, started_on, current_date) from tools where id = any(${ids}::bigint[])`.execute(trx)
  await trx
    .insertInto('audit_log')
    .values(ids.map((id) => ({ actor_label: 'system: reference data', action: 'tool.created', entity_type: 'tool', entity_id: String(id), after: JSON.stringify({ source: 'tools-seed.csv' }) })))
    .execute()
  return ids.length
}
