import { randomBytes } from 'node:crypto'
import { sql } from 'kysely'
import type { Database } from '../src/db/database.ts'

export interface ToolInput {
  slug?: string
  name_nl?: string | null
  name_en?: string | null
  description_nl?: string | null
  description_en?: string | null
  category?: string
  form?: string
  status?: string
  origin?: string
  processes?: string[]
  themes?: string[]
  sdg?: string[]
  aliases?: string[]
  /** Roles of municipalities; 'test_municipality' makes a pilot (testStatus: planned … inconclusive), 'adopter' an adoption. */
  municipalities?: { cbsCode: string; role: string; testStatus?: string; resultNl?: string; resultEn?: string; testedOn?: string }[]
  principlesMet?: string[]
  /** Living-in.EU MIMs the tool relates to. */
  mims?: { code: string; relation: 'implements' | 'supports' | 'references' }[]
}

export const unique = (prefix: string) => `${prefix}-${randomBytes(4).toString('hex')}`

/** Inserts a tool with unique values and refreshes its search and facet columns, as the app does. */
export async function createTool(db: Database, input: ToolInput = {}) {
  const slug = input.slug ?? unique('tool')
  const tool = await db
    .insertInto('tools')
    .values({
      slug,
      name_nl: input.name_nl === undefined ? `Testtool ${slug}` : input.name_nl,
      name_en: input.name_en === undefined ? `Test tool ${slug}` : input.name_en,
      description_nl: input.description_nl === undefined ? 'Een tool om te testen.' : input.description_nl,
      description_en: input.description_en === undefined ? 'A tool for testing.' : input.description_en,
      category: input.category ?? 'content',
      form: input.form ?? 'method',
      status: input.status ?? 'available',
      origin: input.origin ?? 'existing',
    })
    .returning(['id', 'slug'])
    .executeTakeFirstOrThrow()
  for (const process of input.processes ?? []) await db.insertInto('tool_processes').values({ tool_id: tool.id, process }).execute()
  for (const theme of input.themes ?? []) await db.insertInto('tool_themes').values({ tool_id: tool.id, criterion_code: theme }).execute()
  for (const target of input.sdg ?? []) await db.insertInto('tool_sdg_targets').values({ tool_id: tool.id, target_code: target }).execute()
  for (const alias of input.aliases ?? []) await db.insertInto('tool_aliases').values({ tool_id: tool.id, alias, kind: 'other_name', language: null }).execute()
  for (const code of input.principlesMet ?? []) {
    await db.insertInto('tool_assessments').values({ tool_id: tool.id, criterion_code: code, rating: 'meets', explanation_nl: 'Voldoet.', explanation_en: 'Meets.', assessed_on: null }).execute()
  }
  for (const m of input.mims ?? []) await db.insertInto('tool_mims').values({ tool_id: tool.id, mim_code: m.code, relation: m.relation }).execute()
  for (const m of input.municipalities ?? []) {
    const org = await db.selectFrom('organisations').select('id').where('cbs_code', '=', m.cbsCode).executeTakeFirstOrThrow()
    if (m.role === 'test_municipality') {
      // A test municipality is a pilot; a test status of the first data model says how far it got.
      const pilot = { planned: ['committed', null], running: ['running', null], passed: ['completed', 'worked'], failed: ['completed', 'did_not_work'], inconclusive: ['completed', 'partly'] } as const
      const [status, outcome] = pilot[(m.testStatus ?? 'planned') as keyof typeof pilot]
      await db
        .insertInto('pilots')
        .values({ tool_id: tool.id, municipality_id: org.id, status, outcome, lessons_nl: m.resultNl ?? null, lessons_en: m.resultEn ?? null, completed_on: status === 'completed' ? (m.testedOn ?? null) : null })
        .execute()
    } else if (m.role === 'adopter') {
      await db.insertInto('adoptions').values({ tool_id: tool.id, organisation_id: org.id }).execute()
    } else {
      await db.insertInto('tool_organisations').values({ tool_id: tool.id, organisation_id: org.id, role: m.role }).execute()
    }
  }
  await sql`select tool_refresh_derived(${[tool.id]}::bigint[])`.execute(db)
  return tool
}

export interface UserInput {
  role?: 'partner' | 'curator' | 'admin'
  organisationCbs?: string
  organisationId?: number
  email?: string
  name?: string
  locale?: 'nl' | 'en'
  password?: string
}

/** A user with a password (argon2id, as the app stores it) and an organisation when a partner. */
export async function createUser(db: Database, input: UserInput = {}) {
  const { hash } = await import('@node-rs/argon2')
  let organisationId = input.organisationId ?? null
  if (input.organisationCbs) {
    organisationId = (await db.selectFrom('organisations').select('id').where('cbs_code', '=', input.organisationCbs).executeTakeFirstOrThrow()).id
  }
  const role = input.role ?? 'partner'
  if (role === 'partner' && !organisationId) {
    organisationId = (await db.selectFrom('organisations').select('id').where('cbs_code', '=', 'GM0200').executeTakeFirstOrThrow()).id
  }
  const password = input.password ?? 'correct horse battery staple'
  const user = await db
    .insertInto('users')
    .values({
      email: input.email ?? `${unique('user')}@example.org`,
      name: input.name ?? `Test ${role}`,
      role,
      organisation_id: organisationId,
      locale: input.locale ?? 'nl',
      password_hash: await hash(password, { algorithm: 2 }),
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  return { ...user, password }
}

export interface AssessmentInput {
  criterion: string
  rating: 'meets' | 'partly' | 'does_not_meet' | 'not_applicable' | 'unknown'
  explanationNl?: string | null
  explanationEn?: string | null
  evidenceUrl?: string | null
  /** The assessing organisation, by id. */
  assessedBy?: number | null
  assessedOn?: string | null
}

/** Records verdicts on criteria for a tool, as an editor would. */
export async function addAssessments(db: Database, toolId: number, rows: AssessmentInput[]) {
  for (const r of rows) {
    await db
      .insertInto('tool_assessments')
      .values({
        tool_id: toolId,
        criterion_code: r.criterion,
        rating: r.rating,
        explanation_nl: r.explanationNl ?? null,
        explanation_en: r.explanationEn ?? null,
        evidence_url: r.evidenceUrl ?? null,
        assessed_by_organisation_id: r.assessedBy ?? null,
        assessed_on: r.assessedOn ?? null,
      })
      .execute()
  }
  await sql`select tool_refresh_derived(${[toolId]}::bigint[])`.execute(db)
}

/** Retires a tool with a date, a reason and optionally its successor. */
export async function retireTool(db: Database, toolId: number, input: { on?: string | null; reasonNl?: string | null; reasonEn?: string | null; replacedBy?: number | null } = {}) {
  await db
    .updateTable('tools')
    .set({
      status: 'retired',
      retired_on: input.on === undefined ? '2026-03-01' : input.on,
      retired_reason_nl: input.reasonNl ?? null,
      retired_reason_en: input.reasonEn ?? null,
      replaced_by_tool_id: input.replacedBy ?? null,
    })
    .where('id', '=', toolId)
    .execute()
  await sql`select tool_refresh_derived(${[toolId]}::bigint[])`.execute(db)
}

/** An old slug that now points to a tool (a rename or a merge). */
export const addSlugRedirect = (db: Database, slug: string, toolId: number) => db.insertInto('tool_slug_redirects').values({ slug, tool_id: toolId }).execute()

/** An organisation's id and slug, by CBS code. */
export const organisationByCbs = (db: Database, cbsCode: string) =>
  db.selectFrom('organisations').select(['id', 'slug', 'name']).where('cbs_code', '=', cbsCode).executeTakeFirstOrThrow()

/** A dated status change of a tool (tool_status_changes), as the lifecycle records it. */
export const addStatusChange = (db: Database, toolId: number, status: string, on: string) =>
  db.insertInto('tool_status_changes').values({ tool_id: toolId, status, changed_on: on }).execute()

/** A new organisation, a partner since the programme's start (or a former one). */
export async function partnerOrganisation(db: Database, options: { until?: string; kind?: string } = {}) {
  const org = await db.insertInto('organisations').values({ slug: unique('partner'), name: unique('Partner'), kind: options.kind ?? 'company' }).returning(['id', 'name']).executeTakeFirstOrThrow()
  await db.insertInto('partnerships').values({ organisation_id: org.id, since: '2026-01-01', until: options.until ?? null }).execute()
  return org
}
