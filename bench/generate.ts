// Synthetic catalogues for the benchmarks: N tools in Dutch and English, with a realistic (skewed) spread
// over the facets, inserted in bulk into a database that is already migrated and seeded, then refreshed with
// tool_refresh_derived() as the app's write paths do. Deterministic: the same seed gives the same catalogue.
//
//   npx tsx bench/generate.ts --size 10000                      # temporary PGlite, timings only
//   npx tsx bench/generate.ts --size 10000 --data-dir /tmp/tb   # keep it: DATA_DIR=/tmp/tb npm start
//   npx tsx bench/generate.ts --size 10000 --database-url postgres://postgres@127.0.0.1:5432/toolbox_bench
//   options: --seed N, --no-analyze (skip VACUUM ANALYZE), --fk-checks (keep per-row foreign-key checks: slower)
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { sql } from 'kysely'
import { openDatabase, type Database } from '../src/db/database.ts'
import { migrateToLatest } from '../src/db/migrate.ts'
import { loadReferenceData } from '../src/db/seed/reference-data.ts'
import { slugify } from '../src/lib/slug.ts'
import { Random, Zipf } from './lib/prng.ts'
import { assertLoopbackUrl, formatMs } from './lib/util.ts'
import {
  ACTIONS,
  ADJECTIVES,
  ARTEFACTS,
  AUDIENCES,
  BIG_MUNICIPALITIES,
  BRAND_HEADS,
  BRAND_MIDDLES,
  BRAND_TAILS,
  DATA_SOURCES,
  LAWS,
  MANNERS,
  OCCASIONS,
  TOPICS,
  type Artefact,
  type Topic,
} from './vocabulary.ts'

export const DEFAULT_SEED = 20240611

/** Facet spreads: most tools are governance tools that exist and are available; forms are skewed. */
const FORM_WEIGHTS = { method: 24, guideline: 22, software: 13, standard: 10, agreement: 9, dataset: 7, ordinance: 6, norm: 5, legislation: 4 }
const STATUS_WEIGHTS = { available: 45, in_development: 14, secured: 10, testing: 8, proposed: 8, idea: 6, retired: 5, selected: 4 }
const ORIGIN_WEIGHTS = { existing: 58, others_initiative: 25, city_deal: 17 }
const PROCESS_WEIGHTS = { govern: 35, manage: 30, design: 20, furnish: 15 }
const THEMES = ['privacy', 'autonomy', 'security', 'control_over_technology', 'human_dignity', 'justice', 'balance_of_power'] as const
const SDG = ['11.1', '11.2', '11.3', '11.4', '11.5', '11.6', '11.7', '11.a', '11.b', '11.c'] as const
const PRINCIPLES = ['sustainable_democratic_city', 'democratic_smart_network', 'designed_for_flexibility', 'designed_to_be_meaningful'] as const
const ROLE_WEIGHTS = { owner: 35, test_municipality: 30, adopter: 25, partner: 10 }
const TEST_STATUS_WEIGHTS = { passed: 35, running: 30, planned: 15, inconclusive: 12, failed: 8 }
/** The first data model's test statuses as pilots (status, outcome), as test/factories.ts maps them. */
const PILOT_OF_TEST_STATUS: Record<string, [string, string | null]> = {
  planned: ['committed', null],
  running: ['running', null],
  passed: ['completed', 'worked'],
  failed: ['completed', 'did_not_work'],
  inconclusive: ['completed', 'partly'],
}
/** Creation dates spread over these years (fixed, so the catalogue does not depend on today's date). */
const FIRST_DAY = Date.UTC(2019, 0, 1)
const LAST_DAY = Date.UTC(2025, 8, 30)
const DAY = 86_400_000

export interface GenerateOptions {
  size: number
  seed?: number
  /** Tools per insert transaction. */
  insertBatch?: number
  /** Tool ids per tool_refresh_derived() call. */
  refreshBatch?: number
  /** VACUUM ANALYZE at the end (as autovacuum would on PostgreSQL; PGlite has no autovacuum). */
  analyze?: boolean
  /**
   * Keep foreign-key checks on during the inserts. Off by default: the generator's rows are consistent by
   * construction (checked afterwards), and the per-row checks take most of the insert time.
   */
  fkChecks?: boolean
  log?: (line: string) => void
}

export interface GenerateResult {
  size: number
  seed: number
  /** Tools in the catalogue afterwards (the synthetic ones plus the 74 seed tools). */
  totalTools: number
  rows: Record<string, number>
  searchWords: number
  timings: { insertMs: number; refreshMs: number; analyzeMs: number; totalMs: number }
  /** Whether foreign keys were checked per row during the inserts (otherwise checked in bulk afterwards). */
  fkChecks: boolean
  /** A synthetic tool linked to a big city, with themes: the "typical popular" tool page. */
  sampleSlug: string
  /** A few synthetic slugs spread over the catalogue, for tool-page timings. */
  sampleSlugs: string[]
  /** Acronym aliases that exist in the catalogue (for queries that must find something). */
  sampleAcronyms: string[]
}

interface Municipality {
  id: number
  name: string
  cbs: string
}

interface ToolRows {
  tool: {
    slug: string
    name_nl: string | null
    name_en: string | null
    description_nl: string | null
    description_en: string | null
    occasion_nl: string | null
    occasion_en: string | null
    process_question_nl: string | null
    process_question_en: string | null
    category: string
    form: string
    status: string
    origin: string
    licence: string | null
    website_url: string | null
    started_on: string | null
    available_on: string | null
    created_at: string
    updated_at: string
  }
  processes: string[]
  themes: string[]
  sdg: { code: string; nl: string | null; en: string | null }[]
  principles: { code: string; rating: string }[]
  municipalities: { municipality: Municipality; role: string; testStatus: string | null }[]
  aliases: { alias: string; kind: string; language: string | null }[]
  links: { kind: string; url: string; title_nl: string | null; title_en: string | null }[]
}

const cap = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s)
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10)

/** Initials of the words of a name: "Afwegingskader Sensordata en Privacy" → "ASP". */
function initials(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter((w) => w.length >= 3 && /^\p{L}/u.test(w))
    .map((w) => w[0]!.toUpperCase())
    .join('')
}

/** Builds one synthetic tool: names, texts, classifications, organisations, aliases, links. */
class ToolFactory {
  readonly #random: Random
  readonly #municipalities: Municipality[]
  readonly #zipf: Zipf
  readonly #brands: string[]
  readonly #usedSlugs: Set<string>
  readonly #slugCounters = new Map<string, number>()

  constructor(random: Random, municipalities: Municipality[], usedSlugs: Set<string>, size: number) {
    this.#random = random
    this.#municipalities = municipalities
    this.#zipf = new Zipf(municipalities.length, 1.0)
    this.#usedSlugs = usedSlugs
    // Product names grow with the catalogue (Heaps' law-ish): a big catalogue has a big vocabulary.
    const brandCount = Math.min(6000, Math.max(60, Math.round(size / 12)))
    const brands = new Set<string>()
    for (let i = 0; brands.size < brandCount && i < brandCount * 20; i++) {
      const r = random
      const middle = r.chance(0.6) ? r.pick(BRAND_MIDDLES) : ''
      brands.add(cap(`${r.pick(BRAND_HEADS)}${middle}${r.pick(BRAND_TAILS)}`) + (r.chance(0.25) ? r.pick(['', ' Pro', ' NL', ' 360', ' One']) : ''))
    }
    this.#brands = [...brands]
  }

  #municipality(): Municipality {
    return this.#municipalities[this.#zipf.sample(this.#random)]!
  }

  #slug(name: string): string {
    const base = slugify(name) || 'tool'
    let slug = base
    let n = this.#slugCounters.get(base) ?? 1
    while (this.#usedSlugs.has(slug)) slug = `${base}-${++n}`
    this.#slugCounters.set(base, n)
    this.#usedSlugs.add(slug)
    return slug
  }

  #names(topic: Topic, artefact: Artefact, form: string): { nl: string; en: string } {
    const r = this.#random
    const pattern = r.weighted({
      compound: artefact.tail && topic.nlCompound ? 30 : 0,
      artefactTopic: 30,
      adjective: 20,
      brand: form === 'software' || form === 'dataset' ? 35 : 4,
    })
    let nl: string
    let en: string
    const topicNl = topic.nl[0]!
    const topicEn = topic.en[0]!
    switch (pattern) {
      case 'compound': {
        nl = cap(`${topic.nlCompound}${artefact.tail}`)
        en = r.chance(0.5) ? `${cap(topicEn)} ${artefact.en.toLowerCase()}` : `${artefact.en} for ${topicEn}`
        break
      }
      case 'artefactTopic': {
        const [cNl, cEn] = r.pick([['', ''], ['voor ', 'for '], ['over ', 'on '], ['', '']] as const)
        nl = `${artefact.nl} ${cNl}${r.pick(topic.nl)}`
        en = `${artefact.en} ${cEn}${r.pick(topic.en)}`
        break
      }
      case 'adjective': {
        const adj = r.pick(ADJECTIVES)
        nl = `${artefact.nl} ${adj.nlInflected} ${topicNl}`
        en = `${artefact.en} ${adj.en} ${topicEn}`
        break
      }
      default: {
        const brand = r.pick(this.#brands)
        if (r.chance(0.4)) {
          nl = brand
          en = brand
        } else if (artefact.tail && topic.nlCompound) {
          nl = `${brand} ${cap(`${topic.nlCompound}${artefact.tail}`)}`
          en = `${brand} ${cap(topicEn)} ${artefact.en.toLowerCase()}`
        } else {
          nl = `${brand} ${artefact.nl.toLowerCase()} ${topicNl}`
          en = `${brand} ${artefact.en.toLowerCase()} ${topicEn}`
        }
      }
    }
    if (r.chance(0.15)) {
      const city = this.#municipality().name
      nl += ` ${city}`
      en += ` ${city}`
    } else if (r.chance(0.08)) {
      const [sNl, sEn] = r.pick([[' 2.0', ' 2.0'], [' (pilot)', ' (pilot)'], [' voor gemeenten', ' for municipalities'], [' voor de regio', ' for the region']] as const)
      nl += sNl
      en += sEn
    }
    return { nl, en }
  }

  #descriptions(topic: Topic, artefact: Artefact) {
    const r = this.#random
    const [audNl, audEn] = r.pick(AUDIENCES)
    const action = r.pick(ACTIONS)
    const [mannerNl, mannerEn] = r.pick(MANNERS)
    const topicIdx = r.int(0, Math.min(topic.nl.length, topic.en.length) - 1)
    const tNl = topic.nl[topicIdx]!
    const tEn = topic.en[topicIdx]!
    let nl = `${artefact.nl} die ${audNl} helpt ${tNl} ${mannerNl} ${action.te}.`
    let en = `${artefact.en} that helps ${audEn} ${action.en} ${tEn} ${mannerEn}.`
    const extra = r.int(0, 3)
    for (let i = 0; i < extra; i++) {
      const other = r.pick(TOPICS)
      switch (r.int(0, 4)) {
        case 0: {
          const [s1Nl, s1En] = r.pick(DATA_SOURCES)
          const [s2Nl, s2En] = r.pick(DATA_SOURCES)
          nl += ` Gebruikt ${s1Nl} en ${s2Nl} over ${r.pick(other.nl)}.`
          en += ` Uses ${s1En} and ${s2En} on ${r.pick(other.en)}.`
          break
        }
        case 1: {
          const year = r.int(2019, 2025)
          const c1 = this.#municipality().name
          const c2 = this.#municipality().name
          nl += ` In ${year} getest in ${c1}${c2 !== c1 ? ` en ${c2}` : ''}.`
          en += ` Tested in ${c1}${c2 !== c1 ? ` and ${c2}` : ''} in ${year}.`
          break
        }
        case 2: {
          const [lawNl, lawEn] = r.pick(LAWS)
          nl += ` Sluit aan bij ${lawNl} en helpt bij ${r.pick(other.nl)}.`
          en += ` In line with ${lawEn}; also helps with ${r.pick(other.en)}.`
          break
        }
        case 3: {
          const n = r.int(3, 40)
          nl += ` Ontwikkeld door ${n} gemeenten binnen de City Deal, met voorbeelden over ${r.pick(other.nl)}.`
          en += ` Developed by ${n} municipalities within the City Deal, with examples on ${r.pick(other.en)}.`
          break
        }
        default: {
          const n = r.int(4, 15)
          const adj = r.pick(ADJECTIVES)
          nl += ` Bevat ${n} stappen, een ${adj.nl} sjabloon en praktijkvoorbeelden van ${r.pick(AUDIENCES)[0]}.`
          en += ` Contains ${n} steps, ${/^[aeiou]/.test(adj.en) ? 'an' : 'a'} ${adj.en} template and practical examples from ${r.pick(AUDIENCES)[1]}.`
        }
      }
    }
    const [asNl, asEn] = r.pick([
      [' als gemeente', ' as a municipality'],
      [' als gemeente', ' as a municipality'],
      [' als regio', ' as a region'],
      [' als provincie', ' as a province'],
      [' samen met inwoners', ' together with residents'],
      ['', ''],
      ['', ''],
    ] as const)
    const questionNl = `Hoe ${action.we} we${asNl} ${tNl} ${mannerNl}${action.particle ? ` ${action.particle}` : ''}?`
    const questionEn = `How do we${asEn} ${action.en} ${tEn} ${mannerEn}?`
    let occasionNl: string | null = null
    let occasionEn: string | null = null
    if (r.chance(0.35)) {
      const [oNl, oEn] = r.pick(OCCASIONS)
      occasionNl = `Aanleiding was ${oNl}.`
      occasionEn = `Prompted by ${oEn}.`
    }
    return { nl, en, questionNl, questionEn, occasionNl, occasionEn }
  }

  make(): ToolRows {
    const r = this.#random
    const form = r.weighted(FORM_WEIGHTS)
    const contentish = form === 'software' || form === 'dataset' || form === 'standard'
    const category = r.chance(contentish ? 0.75 : 0.15) ? 'content' : 'governance'
    const topic = r.pick(TOPICS)
    const artefact = r.pick(ARTEFACTS[form]!)
    const names = this.#names(topic, artefact, form)
    const texts = this.#descriptions(topic, artefact)
    const languages = r.weighted({ both: 80, nl: 14, en: 6 })
    const hasNl = languages !== 'en'
    const hasEn = languages !== 'nl'
    const slug = this.#slug(hasNl ? names.nl : names.en)

    const created = FIRST_DAY + Math.floor(r.next() * (LAST_DAY - FIRST_DAY))
    const updated = Math.min(LAST_DAY, created + r.int(0, 400) * DAY)
    const status = r.weighted(STATUS_WEIGHTS)
    const licence =
      form === 'software'
        ? r.pick(['EUPL-1.2', 'MIT', 'Apache-2.0', 'proprietary', 'AGPL-3.0'])
        : form === 'dataset'
          ? r.pick(['CC-BY-4.0', 'CC0-1.0', 'ODbL-1.0'])
          : r.chance(0.4)
            ? 'CC-BY-4.0'
            : null
    const website = r.chance(0.6) ? `https://www.${slugify(names.nl, 40).replace(/-/g, '')}.nl` : null

    const processes = r.distinct(r.chance(0.35) ? 2 : 1, () => r.weighted(PROCESS_WEIGHTS))
    const themeCount = r.pick([0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3] as const)
    const themes = r.distinct(themeCount, () => (topic.themes && r.chance(0.7) ? r.pick(topic.themes) : r.pick(THEMES)))
    const sdgCount = r.pick([0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 3] as const)
    const sdgCodes = r.distinct(sdgCount, () => (topic.sdg && r.chance(0.7) ? r.pick(topic.sdg) : r.pick(SDG)))
    const sdg = sdgCodes.map((code) =>
      r.chance(0.5)
        ? { code, nl: `Draagt bij aan doel ${code} door ${r.pick(topic.nl)} ${r.pick(MANNERS)[0]}.`, en: `Contributes to target ${code} through ${r.pick(topic.en)}.` }
        : { code, nl: null, en: null },
    )
    const principles: ToolRows['principles'] = []
    if (r.chance(0.25)) for (const code of r.distinct(r.int(1, 2), () => r.pick(PRINCIPLES))) principles.push({ code, rating: 'meets' })
    if (r.chance(0.1)) {
      const code = r.pick(PRINCIPLES)
      if (!principles.some((p) => p.code === code)) principles.push({ code, rating: r.pick(['partly', 'unknown', 'does_not_meet']) })
    }
    const municipalityCount = r.pick([0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 2, 2, 2, 3, 3] as const)
    const municipalities = r.distinct(municipalityCount, () => this.#municipality()).map((municipality) => {
      const role = r.weighted(ROLE_WEIGHTS)
      return { municipality, role, testStatus: role === 'test_municipality' ? r.weighted(TEST_STATUS_WEIGHTS) : null }
    })

    const aliases: ToolRows['aliases'] = []
    const addAlias = (alias: string, kind: string, language: string | null) => {
      if (alias.length >= 2 && !aliases.some((a) => a.alias.toLowerCase() === alias.toLowerCase())) aliases.push({ alias, kind, language })
    }
    if (r.chance(0.1)) {
      const acronym = initials(hasNl ? names.nl : names.en)
      if (acronym.length >= 2 && acronym.length <= 5) addAlias(acronym, 'acronym', null)
    }
    if (topic.acronyms && r.chance(0.12)) addAlias(r.pick(topic.acronyms), 'acronym', null)
    if (hasNl && hasEn && r.chance(0.03)) addAlias(names.en, 'translation', 'en')
    if (r.chance(0.02)) addAlias(r.pick(this.#brands), 'former_name', null)

    const links: ToolRows['links'] = []
    if (website) links.push({ kind: 'website', url: website, title_nl: 'Website', title_en: 'Website' })
    if (r.chance(0.3)) links.push({ kind: 'documentation', url: `https://docs.example.org/${slug}`, title_nl: 'Documentatie', title_en: 'Documentation' })

    return {
      tool: {
        slug,
        name_nl: hasNl ? names.nl.slice(0, 200) : null,
        name_en: hasEn ? names.en.slice(0, 200) : null,
        description_nl: hasNl ? texts.nl : null,
        description_en: hasEn ? texts.en : null,
        occasion_nl: hasNl ? texts.occasionNl : null,
        occasion_en: hasEn ? texts.occasionEn : null,
        process_question_nl: hasNl ? texts.questionNl.slice(0, 300) : null,
        process_question_en: hasEn ? texts.questionEn.slice(0, 300) : null,
        category,
        form,
        status,
        origin: r.weighted(ORIGIN_WEIGHTS),
        licence,
        website_url: website,
        started_on: r.chance(0.5) ? isoDay(created - r.int(30, 700) * DAY) : null,
        available_on: status === 'available' || status === 'secured' ? isoDay(created + r.int(0, 200) * DAY) : null,
        created_at: new Date(created).toISOString(),
        updated_at: new Date(updated).toISOString(),
      },
      processes,
      themes,
      sdg,
      principles,
      municipalities,
      aliases,
      links,
    }
  }
}

/** Inserts rows in multi-row statements of at most `maxParams` parameters. */
async function insertChunked(db: Database, table: string, rows: Record<string, unknown>[], maxParams = 30_000) {
  if (rows.length === 0) return
  const perRow = Object.keys(rows[0]!).length
  const chunk = Math.max(1, Math.floor(maxParams / perRow))
  for (let i = 0; i < rows.length; i += chunk) {
    await db
      .insertInto(table as never)
      .values(rows.slice(i, i + chunk) as never)
      .execute()
  }
}

/** What the skipped foreign-key checks would have checked, in bulk: every reference resolves. */
async function checkIntegrity(db: Database): Promise<void> {
  const { rows } = await sql<{ n: number }>`
    select
      (select count(*) from tool_processes x where not exists (select 1 from tools t where t.id = x.tool_id))
      + (select count(*) from tool_themes x where not exists (select 1 from tools t where t.id = x.tool_id)
          or not exists (select 1 from criteria c where c.code = x.criterion_code))
      + (select count(*) from tool_sdg_targets x where not exists (select 1 from tools t where t.id = x.tool_id)
          or not exists (select 1 from sdg_targets s where s.code = x.target_code))
      + (select count(*) from tool_assessments x where not exists (select 1 from tools t where t.id = x.tool_id)
          or not exists (select 1 from criteria c where c.code = x.criterion_code))
      + (select count(*) from tool_organisations x where not exists (select 1 from tools t where t.id = x.tool_id)
          or not exists (select 1 from organisations o where o.id = x.organisation_id))
      + (select count(*) from tool_aliases x where not exists (select 1 from tools t where t.id = x.tool_id))
      + (select count(*) from tool_links x where not exists (select 1 from tools t where t.id = x.tool_id))
      + (select count(*) from tools t where not exists (select 1 from tool_forms f where f.code = t.form)) as n`.execute(db)
  const broken = Number(rows[0]?.n ?? 0)
  if (broken > 0) throw new Error(`generated catalogue has ${broken} rows with a dangling reference`)
}

async function municipalitiesBySize(db: Database): Promise<Municipality[]> {
  const rows = await db
    .selectFrom('organisations')
    .select(['id', 'name', 'cbs_code'])
    .where('kind', '=', 'municipality')
    .orderBy('cbs_code')
    .execute()
  const all = rows.map((r) => ({ id: Number(r.id), name: r.name, cbs: r.cbs_code! }))
  const rank = new Map<string, number>(BIG_MUNICIPALITIES.map((name, i) => [name, i]))
  const big = all.filter((m) => rank.has(m.name)).sort((a, b) => rank.get(a.name)! - rank.get(b.name)!)
  if (big.length !== BIG_MUNICIPALITIES.length) throw new Error(`expected ${BIG_MUNICIPALITIES.length} big municipalities, found ${big.length}`)
  return [...big, ...all.filter((m) => !rank.has(m.name))]
}

/**
 * Adds `size` synthetic tools to a migrated and seeded catalogue, refreshes their derived search and facet
 * columns, and (by default) VACUUM ANALYZEs. Prints progress through `log`.
 */
export async function generateCatalogue(db: Database, options: GenerateOptions): Promise<GenerateResult> {
  const seed = options.seed ?? DEFAULT_SEED
  const insertBatch = options.insertBatch ?? 1000
  const refreshBatch = options.refreshBatch ?? 2000
  const log = options.log ?? (() => {})
  const random = new Random(seed)
  const started = performance.now()

  const municipalities = await municipalitiesBySize(db)
  const existing = await db.selectFrom('tools').select('slug').execute()
  const factory = new ToolFactory(random, municipalities, new Set(existing.map((t) => t.slug)), options.size)
  const counts: Record<string, number> = { tools: 0, tool_processes: 0, tool_themes: 0, tool_sdg_targets: 0, tool_assessments: 0, tool_organisations: 0, pilots: 0, adoptions: 0, tool_aliases: 0, tool_links: 0 }
  const ids: number[] = []
  let sampleSlug: string | undefined
  const sampleSlugs: string[] = []
  const acronyms = new Set<string>()
  const bigCities = new Set(municipalities.slice(0, 5).map((m) => m.id))

  // Foreign-key checks off (per transaction) needs a superuser; without one they simply stay on.
  const superuser = await sql<{ s: string }>`select current_setting('is_superuser') as s`.execute(db)
  const fkChecks = options.fkChecks === true || superuser.rows[0]?.s !== 'on'

  const insertStarted = performance.now()
  let lastLog = insertStarted
  for (let done = 0; done < options.size; ) {
    const n = Math.min(insertBatch, options.size - done)
    const tools = Array.from({ length: n }, () => factory.make())
    await db.transaction().execute(async (trx) => {
      if (!fkChecks) await sql`set local session_replication_role = replica`.execute(trx)
      const inserted = await trx
        .insertInto('tools')
        .values(tools.map((t) => t.tool))
        .returning(['id', 'slug'])
        .execute()
      const idBySlug = new Map(inserted.map((t) => [t.slug, Number(t.id)]))
      const child = <T,>(pick: (t: ToolRows, id: number) => T[]) => tools.flatMap((t) => pick(t, idBySlug.get(t.tool.slug)!))
      const rows = {
        tool_processes: child((t, id) => t.processes.map((process) => ({ tool_id: id, process }))),
        tool_themes: child((t, id) => t.themes.map((criterion_code) => ({ tool_id: id, criterion_code }))),
        tool_sdg_targets: child((t, id) => t.sdg.map((s) => ({ tool_id: id, target_code: s.code, contribution_nl: s.nl, contribution_en: s.en }))),
        tool_assessments: child((t, id) =>
          t.principles.map((p) => ({
            tool_id: id,
            criterion_code: p.code,
            rating: p.rating,
            explanation_nl: 'Beoordeeld door de werkgroep.',
            explanation_en: 'Assessed by the working group.',
            assessed_on: t.tool.updated_at.slice(0, 10),
          })),
        ),
        // A test municipality is a pilot and an adopter an adoption (pilots, adoptions); other roles are roles.
        tool_organisations: child((t, id) =>
          t.municipalities
            .filter((m) => m.role !== 'test_municipality' && m.role !== 'adopter')
            .map((m) => ({ tool_id: id, organisation_id: m.municipality.id, role: m.role, involvement: m.role === 'owner' ? 'lead' : 'active' })),
        ),
        pilots: child((t, id) =>
          t.municipalities
            .filter((m) => m.role === 'test_municipality')
            .map((m) => {
              const [status, outcome] = PILOT_OF_TEST_STATUS[m.testStatus ?? 'planned'] ?? ['committed', null]
              return {
                tool_id: id,
                municipality_id: m.municipality.id,
                status,
                outcome,
                lessons_nl: outcome === 'worked' ? `Getest in ${m.municipality.name}: bruikbaar.` : null,
                lessons_en: outcome === 'worked' ? `Tested in ${m.municipality.name}: usable.` : null,
              }
            }),
        ),
        adoptions: child((t, id) => t.municipalities.filter((m) => m.role === 'adopter').map((m) => ({ tool_id: id, organisation_id: m.municipality.id }))),
        tool_aliases: child((t, id) => t.aliases.map((a) => ({ tool_id: id, alias: a.alias, kind: a.kind, language: a.language }))),
        tool_links: child((t, id) => t.links.map((l, position) => ({ tool_id: id, kind: l.kind, url: l.url, title_nl: l.title_nl, title_en: l.title_en, language: null, position }))),
      }
      for (const [table, list] of Object.entries(rows)) {
        await insertChunked(trx, table, list)
        counts[table] = (counts[table] ?? 0) + list.length
      }
      for (const t of tools) {
        const id = idBySlug.get(t.tool.slug)!
        ids.push(id)
        if (!sampleSlug && t.themes.length > 0 && t.municipalities.some((m) => bigCities.has(m.municipality.id))) sampleSlug = t.tool.slug
        for (const a of t.aliases) if (a.kind === 'acronym' && acronyms.size < 40) acronyms.add(a.alias)
      }
    })
    counts.tools = (counts.tools ?? 0) + n
    done += n
    if (performance.now() - lastLog > 5000 || done === options.size) {
      lastLog = performance.now()
      log(`  inserted ${done}/${options.size} tools (${formatMs(lastLog - insertStarted)})`)
    }
  }
  if (!fkChecks) await checkIntegrity(db)
  const insertMs = performance.now() - insertStarted

  const refreshStarted = performance.now()
  lastLog = refreshStarted
  for (let i = 0; i < ids.length; i += refreshBatch) {
    await sql`select tool_refresh_derived(${ids.slice(i, i + refreshBatch)}::bigint[])`.execute(db)
    if (performance.now() - lastLog > 5000 || i + refreshBatch >= ids.length) {
      lastLog = performance.now()
      log(`  refreshed ${Math.min(i + refreshBatch, ids.length)}/${ids.length} tools (${formatMs(lastLog - refreshStarted)})`)
    }
  }
  const refreshMs = performance.now() - refreshStarted

  let analyzeMs = 0
  if (options.analyze !== false) {
    const analyzeStarted = performance.now()
    await sql`vacuum analyze`.execute(db)
    analyzeMs = performance.now() - analyzeStarted
    log(`  vacuum analyze (${formatMs(analyzeMs)})`)
  }

  const step = Math.max(1, Math.floor(ids.length / 12))
  const slugRows = await db
    .selectFrom('tools')
    .select(['id', 'slug'])
    .where('id', 'in', ids.filter((_, i) => i % step === 0).slice(0, 12))
    .orderBy('id')
    .execute()
  sampleSlugs.push(...slugRows.map((r) => r.slug))
  const total = await db.selectFrom('tools').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  const words = await db.selectFrom('search_words').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return {
    size: options.size,
    seed,
    totalTools: Number(total.n),
    rows: counts,
    searchWords: Number(words.n),
    timings: { insertMs, refreshMs, analyzeMs, totalMs: performance.now() - started },
    fkChecks,
    sampleSlug: sampleSlug ?? sampleSlugs[0] ?? '',
    sampleSlugs,
    sampleAcronyms: [...acronyms],
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      size: { type: 'string', default: '1000' },
      seed: { type: 'string', default: String(DEFAULT_SEED) },
      'data-dir': { type: 'string' },
      'database-url': { type: 'string' },
      'no-analyze': { type: 'boolean', default: false },
      'fk-checks': { type: 'boolean', default: false },
    },
  })
  const size = Number(values.size)
  if (!Number.isInteger(size) || size < 1 || size > 1_000_000) throw new Error('--size must be an integer from 1 to 1000000')
  if (values['database-url']) assertLoopbackUrl(values['database-url'])
  const tempDir = values['data-dir'] || values['database-url'] ? undefined : mkdtempSync(join(tmpdir(), 'toolbox-bench-gen-'))
  const handle = await openDatabase(
    // Bulk statements (a refresh of 2,000 tools) may take longer than the app's 15 s statement timeout on a loaded machine.
    values['database-url'] ? { databaseUrl: values['database-url'], poolSize: 2, queryTimeoutMs: 600_000 } : { dataDir: values['data-dir'] ?? tempDir },
  )
  try {
    const t0 = performance.now()
    await migrateToLatest(handle.db)
    await loadReferenceData(handle.db)
    console.log(`migrated and seeded ${handle.kind} in ${formatMs(performance.now() - t0)}`)
    const result = await generateCatalogue(handle.db, {
      size,
      seed: Number(values.seed),
      analyze: !values['no-analyze'],
      fkChecks: values['fk-checks'],
      log: (line) => console.log(line),
    })
    const t = result.timings
    console.log(
      `generated ${size} tools on ${handle.kind} in ${formatMs(t.totalMs)} (insert ${formatMs(t.insertMs)}, ` +
        `tool_refresh_derived ${formatMs(t.refreshMs)}, vacuum analyze ${formatMs(t.analyzeMs)}; foreign keys ${result.fkChecks ? 'checked per row' : 'checked in bulk afterwards'}); ` +
        `catalogue now ${result.totalTools} tools, ${result.searchWords} search words`,
    )
    console.log(`rows: ${Object.entries(result.rows).map(([k, v]) => `${k} ${v}`).join(', ')}`)
    console.log(`sample tool page: /tools/${result.sampleSlug}`)
  } finally {
    await handle.close()
    if (tempDir) rmSync(tempDir, { recursive: true, force: true })
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error) => {
    console.error(error)
    process.exit(1)
  })
}
