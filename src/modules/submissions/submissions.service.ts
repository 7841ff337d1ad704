import { createHash, createHmac, randomBytes } from 'node:crypto'
import type { Static } from '@sinclair/typebox'
import { sql, type Selectable, type Transaction } from 'kysely'
import type { DB, OrganisationsTable, SubmissionStatus, SubmissionsTable, ToolsTable } from '../../db/schema.ts'
import { AppError, ConflictError, NotFoundError, ValidationError, type FieldProblem } from '../../errors.ts'
import type { Locale, MessageKey } from '../../i18n/messages.ts'
import { localePath } from '../../i18n/i18n.ts'
import { slugify } from '../../lib/slug.ts'
import type { Actor } from '../accounts/actor.ts'
import type { AuditRepository } from '../audit/audit.repository.ts'
import type { MailService } from '../mail/mail.service.ts'
import type { ReferenceData } from '../reference/reference.service.ts'
import { guessLanguage, normalizeName, rankCandidates, type Match, type MatchQuery } from './similarity.ts'
import { OPEN_STATUSES, type SubmissionEvent, type SubmissionsRepository } from './submissions.repository.ts'
import type { CurationEditSchema, CurationMergeSchema, ShareFormSchema } from './submissions.schemas.ts'

type ToolFields = Omit<Static<typeof ShareFormSchema>, 'confirmDifferent'>
type ToolsRow = Selectable<ToolsTable>
type OrganisationsRow = Selectable<OrganisationsTable>
export type SubmissionRow = Awaited<ReturnType<SubmissionsRepository['findById']>> & {}

/** The submitter saw likely duplicates and has not yet said theirs is different (or added to one). */
export class DuplicatesFoundError extends AppError {
  readonly matches: Match[]
  constructor(matches: Match[]) {
    super('possible-duplicates', 409, 'share.duplicates.problem')
    this.matches = matches
  }
}

/** A curator acted on a submission that changed or was decided in the meantime. */
export class SubmissionConflictError extends ConflictError {
  constructor() {
    super('curation.conflict')
  }
}

export interface SubmitOptions {
  locale: Locale
  source: 'form' | 'api'
  confirmDifferent: boolean
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

/** What a candidate list looks like when stored with a submission and shown to curators. */
export function summarizeMatches(matches: Match[]) {
  return matches.map((m) => ({
    type: m.candidate.type,
    id: m.candidate.id,
    slug: m.candidate.slug,
    name: m.candidate.name,
    status: m.candidate.status,
    score: m.score,
    likely: m.likely,
    reasons: m.reasons,
  }))
}
export type MatchSummary = ReturnType<typeof summarizeMatches>[number]

export interface SubmissionsDeps {
  repository: SubmissionsRepository
  audit: AuditRepository
  mail: MailService
  reference: ReferenceData
  publicUrl: string
  /** Server secret the tracking links are derived from. */
  secret: string
}

/** Sharing tools: duplicate detection, submissions, the submitter's tracking page, and curation. */
export function createSubmissionsService(deps: SubmissionsDeps) {
  const { repository, audit, mail, reference } = deps
  const db = repository.db

  const tokenFor = (nonce: string) => createHmac('sha256', deps.secret).update(`submission:${nonce}`).digest('base64url')
  const trackingUrl = (nonce: string, locale: Locale) => `${deps.publicUrl}${localePath(locale, `/submissions/${tokenFor(nonce)}`)}`
  const toolUrl = (slug: string, locale: Locale) => `${deps.publicUrl}${localePath(locale, `/tools/${slug}`)}`

  /** Codes must be ones we know; the schema checks only their shape. */
  function checkCodes(input: Partial<ToolFields>): FieldProblem[] {
    const problems: FieldProblem[] = []
    const rathenau = new Set(reference.criteria.filter((c) => c.family === 'rathenau').map((c) => c.code))
    const sdg = new Set(reference.sdgTargets.map((t) => t.code))
    if (input.form && !reference.formsByCode.has(input.form)) problems.push({ name: 'form', messageKey: 'validation.unknownValue', params: { value: input.form } })
    const bad = (input.themes ?? []).find((t) => !rathenau.has(t))
    if (bad) problems.push({ name: 'themes', messageKey: 'validation.unknownValue', params: { value: bad.slice(0, 60) } })
    const badSdg = (input.sdgTargets ?? []).find((t) => !sdg.has(t))
    if (badSdg) problems.push({ name: 'sdgTargets', messageKey: 'validation.unknownValue', params: { value: badSdg.slice(0, 60) } })
    return problems
  }

  async function sendMail(submission: { contact_email: string; locale: Locale; name: string; token_nonce: string }, kind: 'received' | 'infoRequested' | 'published' | 'merged' | 'rejected', params: Record<string, string> = {}) {
    await mail.send({
      to: submission.contact_email,
      locale: submission.locale,
      subjectKey: `mail.submission.${kind}.subject` as MessageKey,
      bodyKey: `mail.submission.${kind}.body` as MessageKey,
      params: { name: submission.name, link: trackingUrl(submission.token_nonce, submission.locale), ...params },
    })
  }

  /** Locks an open submission at the version the curator saw; anything else is a conflict. */
  async function lockOpen(trx: Transaction<DB>, id: number, version: number) {
    const row = await repository.lockById(trx, id)
    if (!row) throw new NotFoundError()
    if (row.version !== version || !OPEN_STATUSES.includes(row.status)) throw new SubmissionConflictError()
    return row
  }

  async function decide(trx: Transaction<DB>, actor: Actor, before: SubmissionRow, changes: Partial<{ status: SubmissionStatus; curator_message: string | null; result_tool_id: number | null }>, event: SubmissionEvent, message: string | null) {
    const after = await trx
      .updateTable('submissions')
      .set({ ...changes, version: sql`version + 1`, updated_at: new Date() } as never)
      .where('id', '=', before.id)
      .returningAll()
      .executeTakeFirstOrThrow()
    await repository.addEvent(trx, before.id, event, message)
    await audit.record(trx, actor, { action: `submission.${event}`, entityType: 'submission', entityId: before.id, before: redact(before), after: redact(after) })
    return after
  }

  /** Finds an organisation by name (case and accents ignored), or creates one of kind "other". */
  async function ownerOrganisation(trx: Transaction<DB>, actor: Actor, owner: string | undefined, name: string | null): Promise<number | undefined> {
    if (!owner) return undefined
    if (owner !== 'new') {
      const org = await trx.selectFrom('organisations').select('id').where('id', '=', Number(owner)).where('merged_into_id', 'is', null).executeTakeFirst()
      if (!org) throw new ValidationError([{ name: 'owner', messageKey: 'validation.invalid' }])
      return org.id
    }
    if (!name) throw new ValidationError([{ name: 'owner', messageKey: 'curation.publish.noOwnerName' }])
    const base = slugify(name) || 'organisatie'
    let created: OrganisationsRow | undefined
    for (let n = 1; !created; n++) {
      created = await trx
        .insertInto('organisations')
        .values({ slug: n === 1 ? base : `${base}-${n}`, name, kind: 'other' })
        .onConflict((oc) => oc.column('slug').doNothing())
        .returningAll()
        .executeTakeFirst()
    }
    await audit.record(trx, actor, { action: 'organisation.created', entityType: 'organisation', entityId: created.id, after: created })
    return created.id
  }

  return {
    /** The likely duplicates of a tool, best first: published tools, tools in development, open submissions. */
    async similar(query: MatchQuery, options: { limit?: number; exceptSubmissionId?: number } = {}): Promise<Match[]> {
      const [toolIds, submissionIds, hostTools] = await Promise.all([
        repository.candidateToolIds(query),
        repository.candidateSubmissionIds(query, options.exceptSubmissionId),
        query.url ? repository.toolsOnHost(query.url) : 0,
      ])
      const [tools, submissions] = await Promise.all([repository.toolCandidates(toolIds), repository.submissionCandidates(submissionIds)])
      return rankCandidates({ ...query, hostTools }, [...tools, ...submissions], options.limit ?? 5)
    },

    /**
     * Saves a submission, unless it looks like a duplicate the submitter has not yet seen: then
     * DuplicatesFoundError carries the candidates. Sends the confirmation with the private tracking link.
     */
    async submit(input: ToolFields, options: SubmitOptions) {
      const problems = checkCodes(input)
      if (problems.length > 0) throw new ValidationError(problems)
      let target: { id: number; slug: string } | undefined
      if (input.additionTo) {
        target = await db.selectFrom('tools').select(['id', 'slug']).where('slug', '=', input.additionTo).executeTakeFirst()
        if (!target) throw new ValidationError([{ name: 'additionTo', messageKey: 'share.additionTo.unknown' }])
      }
      const matches = await this.similar({ name: input.name, description: input.description, url: input.websiteUrl })
      if (!target && !options.confirmDifferent && matches.some((m) => m.likely)) throw new DuplicatesFoundError(matches)

      const nonce = randomBytes(18).toString('base64url')
      const token = tokenFor(nonce)
      const submission = await db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('submissions')
          .values({
            kind: target ? 'addition' : 'new_tool',
            locale: options.locale,
            source: options.source,
            ...submissionColumns(input),
            note: input.note ?? null,
            target_tool_id: target?.id ?? null,
            // Only meaningful when there was something to confirm against.
            confirmed_different: options.confirmDifferent && matches.some((m) => m.likely),
            duplicate_candidates: JSON.stringify(summarizeMatches(matches)),
            token_nonce: nonce,
            token_hash: sha256(token),
          })
          .returningAll()
          .executeTakeFirstOrThrow()
        await repository.refreshMatchKeys(trx, row.id)
        await repository.addEvent(trx, row.id, 'submitted')
        await audit.record(trx, { kind: 'anonymous' }, { action: 'submission.submitted', entityType: 'submission', entityId: row.id, after: redact(row) })
        return row
      })
      await sendMail(submission, 'received')
      // Curators hear of it at once, in their own language, with the likely duplicates' names.
      const likely = matches.filter((m) => m.likely).map((m) => m.candidate.name)
      for (const curator of await repository.curators()) {
        await mail.send({
          to: curator.email,
          locale: curator.locale,
          subjectKey: 'mail.curation.new.subject',
          bodyKey: likely.length > 0 ? 'mail.curation.newWithDuplicates.body' : 'mail.curation.new.body',
          params: { name: submission.name, link: `${deps.publicUrl}${localePath(curator.locale, `/curation/${submission.id}`)}`, duplicates: likely.join(', ') },
        })
      }
      return { submission, token, matches }
    },

    /** The submission behind a tracking link, with its timeline. */
    async track(token: string) {
      if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) throw new NotFoundError()
      const submission = await repository.findByTokenHash(sha256(token))
      if (!submission) throw new NotFoundError()
      const [events, tool] = await Promise.all([
        repository.events(submission.id),
        submission.result_tool_id || submission.target_tool_id
          ? db.selectFrom('tools').select(['slug', 'name_nl', 'name_en']).where('id', '=', (submission.result_tool_id ?? submission.target_tool_id)!).executeTakeFirst()
          : undefined,
      ])
      return { submission, events, tool }
    },

    /** The submitter answers a curator's question; the submission goes back to the queue. */
    async reply(token: string, input: { note: string; description?: string | undefined; websiteUrl?: string | undefined }) {
      const { submission } = await this.track(token)
      return db.transaction().execute(async (trx) => {
        const before = (await repository.lockById(trx, submission.id))!
        if (before.status !== 'needs_info') throw new ConflictError('submission.reply.notAsked')
        const after = await trx
          .updateTable('submissions')
          .set({
            // The answer itself is in the timeline (submission_events); the original note stays as it was.
            status: 'pending',
            description: input.description ?? before.description,
            website_url: input.websiteUrl ?? before.website_url,
            version: sql`version + 1`,
            updated_at: new Date(),
          } as never)
          .where('id', '=', before.id)
          .returningAll()
          .executeTakeFirstOrThrow()
        await repository.refreshMatchKeys(trx, before.id)
        await repository.addEvent(trx, before.id, 'replied', input.note)
        await audit.record(trx, { kind: 'anonymous' }, { action: 'submission.replied', entityType: 'submission', entityId: before.id, before: redact(before), after: redact(after) })
        return after
      })
    },

    // Curation ---------------------------------------------------------------------------------------

    queue: repository.queue,
    statusCounts: repository.statusCounts,

    async get(id: number) {
      const submission = await repository.findById(id)
      if (!submission) throw new NotFoundError()
      const [events, matches, target, result] = await Promise.all([
        repository.events(id),
        this.similar({ name: submission.name, description: submission.description, url: submission.website_url ?? undefined }, { limit: 6, exceptSubmissionId: id }),
        submission.target_tool_id ? db.selectFrom('tools').selectAll().where('id', '=', submission.target_tool_id).executeTakeFirst() : undefined,
        submission.result_tool_id ? db.selectFrom('tools').select(['slug', 'name_nl', 'name_en']).where('id', '=', submission.result_tool_id).executeTakeFirst() : undefined,
      ])
      return { submission, events, matches, target, result }
    },

    /** A tool's slug and name in a language, for the share form that adds to it. */
    async toolName(slug: string, locale: Locale) {
      if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug) || slug.length > 120) return undefined
      const tool = await db.selectFrom('tools').select(['slug', 'name_nl', 'name_en']).where('slug', '=', slug).executeTakeFirst()
      return tool ? { slug: tool.slug, name: (locale === 'en' ? (tool.name_en ?? tool.name_nl) : (tool.name_nl ?? tool.name_en))! } : undefined
    },

    /** A tool with the fields a merge compares. */
    async toolForMerge(slug: string) {
      const tool = await db.selectFrom('tools').selectAll().where('slug', '=', slug).executeTakeFirst()
      if (!tool) return undefined
      const [themes, sdg, aliases] = await Promise.all([
        db.selectFrom('tool_themes').select('criterion_code').where('tool_id', '=', tool.id).execute(),
        db.selectFrom('tool_sdg_targets').select('target_code').where('tool_id', '=', tool.id).execute(),
        db.selectFrom('tool_aliases').select('alias').where('tool_id', '=', tool.id).execute(),
      ])
      return { tool, themes: themes.map((t) => t.criterion_code), sdgTargets: sdg.map((s) => s.target_code), aliases: aliases.map((a) => a.alias) }
    },

    async edit(actor: Actor, id: number, input: Static<typeof CurationEditSchema>) {
      const problems = checkCodes(input)
      if (problems.length > 0) throw new ValidationError(problems)
      return db.transaction().execute(async (trx) => {
        const before = await lockOpen(trx, id, input.version)
        const after = await trx
          .updateTable('submissions')
          .set({
            ...submissionColumns(input),
            version: sql`version + 1`,
            updated_at: new Date(),
          } as never)
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirstOrThrow()
        await repository.refreshMatchKeys(trx, id)
        await repository.addEvent(trx, id, 'edited')
        await audit.record(trx, actor, { action: 'submission.edited', entityType: 'submission', entityId: id, before: redact(before), after: redact(after) })
        return after
      })
    },

    async askForInformation(actor: Actor, id: number, version: number, message: string) {
      const after = await db.transaction().execute(async (trx) => {
        const before = await lockOpen(trx, id, version)
        return decide(trx, actor, before, { status: 'needs_info', curator_message: message }, 'info_requested', message)
      })
      await sendMail(after, 'infoRequested', { message })
      return after
    },

    async reject(actor: Actor, id: number, version: number, reason: string) {
      const after = await db.transaction().execute(async (trx) => {
        const before = await lockOpen(trx, id, version)
        return decide(trx, actor, before, { status: 'rejected', curator_message: reason }, 'rejected', reason)
      })
      await sendMail(after, 'rejected', { message: reason })
      return after
    },

    /** Publishes a new-tool submission as a tool of its own ("existing", available). */
    async publish(actor: Actor, id: number, version: number, owner: string | undefined) {
      const { after, slug } = await db.transaction().execute(async (trx) => {
        const before = await lockOpen(trx, id, version)
        // An addition belongs to its tool: publishing it on its own would make the duplicate it reports.
        if (before.kind !== 'new_tool') throw new ValidationError([{ name: 'owner', messageKey: 'curation.publish.onlyNewTools' }])
        const missing: FieldProblem[] = []
        if (!before.form) missing.push({ name: 'form', messageKey: 'curation.publish.needsForm' })
        if (!before.category) missing.push({ name: 'category', messageKey: 'curation.publish.needsCategory' })
        if (missing.length > 0) throw new ValidationError(missing)
        const nameLanguage = guessLanguage(`${before.name} ${before.description}`) ?? before.locale
        const base = slugify(before.name) || 'tool'
        // The slug is claimed by the insert itself (on conflict: the next one), so two publishes at once cannot collide.
        let tool: ToolsRow | undefined
        for (let n = 1; !tool; n++) {
          tool = await trx
            .insertInto('tools')
            .values({
              slug: n === 1 ? base : `${base}-${n}`,
              name_nl: nameLanguage === 'nl' ? before.name : null,
              name_en: nameLanguage === 'en' ? before.name : null,
              description_nl: nameLanguage === 'nl' ? before.description : null,
              description_en: nameLanguage === 'en' ? before.description : null,
              category: before.category!,
              form: before.form!,
              status: 'available',
              origin: 'existing',
              licence: before.licence,
              website_url: before.website_url,
              languages: before.languages,
            })
            .onConflict((oc) => oc.column('slug').doNothing())
            .returningAll()
            .executeTakeFirst()
        }
        const slug = tool.slug
        for (const code of new Set(before.themes)) await trx.insertInto('tool_themes').values({ tool_id: tool.id, criterion_code: code }).onConflict((oc) => oc.doNothing()).execute()
        for (const code of new Set(before.sdg_targets)) await trx.insertInto('tool_sdg_targets').values({ tool_id: tool.id, target_code: code }).onConflict((oc) => oc.doNothing()).execute()
        const organisationId = await ownerOrganisation(trx, actor, owner, before.owner_name)
        if (organisationId) await trx.insertInto('tool_organisations').values({ tool_id: tool.id, organisation_id: organisationId, role: 'owner' }).execute()
        await sql`select tool_refresh_derived(array[${tool.id}]::bigint[])`.execute(trx)
        await audit.record(trx, actor, { action: 'tool.created', entityType: 'tool', entityId: tool.id, after: { ...tool, fromSubmission: id } })
        const after = await decide(trx, actor, before, { status: 'published', result_tool_id: tool.id }, 'published', null)
        return { after, slug }
      })
      await sendMail(after, 'published', { toolLink: toolUrl(slug, after.locale) })
      return { submission: after, slug }
    },

    /**
     * Merges a submission into an existing tool: each field kept or taken from the submission, lists
     * kept or added to, and the submitted name kept as an alias.
     */
    async merge(actor: Actor, id: number, input: Static<typeof CurationMergeSchema>) {
      const { after, slug } = await db.transaction().execute(async (trx) => {
        const before = await lockOpen(trx, id, input.version)
        const tool = await trx.selectFrom('tools').selectAll().where('slug', '=', input.target).forUpdate().executeTakeFirst()
        if (!tool) throw new ValidationError([{ name: 'target', messageKey: 'share.additionTo.unknown' }])
        const language = guessLanguage(before.description) ?? before.locale
        const changes: Record<string, unknown> = {}
        if (input.description === 'submitted') changes[language === 'nl' ? 'description_nl' : 'description_en'] = before.description
        if (input.websiteUrl === 'submitted' && before.website_url) changes.website_url = before.website_url
        if (input.licence === 'submitted' && before.licence) changes.licence = before.licence
        if (input.form === 'submitted' && before.form) changes.form = before.form
        if (input.category === 'submitted' && before.category) changes.category = before.category
        if (input.languages === 'add') changes.languages = [...new Set([...tool.languages, ...before.languages])]
        if (Object.keys(changes).length > 0) await trx.updateTable('tools').set(changes).where('id', '=', tool.id).execute()
        if (input.themes === 'add') {
          for (const code of before.themes) await trx.insertInto('tool_themes').values({ tool_id: tool.id, criterion_code: code }).onConflict((oc) => oc.doNothing()).execute()
        }
        if (input.sdgTargets === 'add') {
          for (const code of before.sdg_targets) await trx.insertInto('tool_sdg_targets').values({ tool_id: tool.id, target_code: code }).onConflict((oc) => oc.doNothing()).execute()
        }
        let alias: string | undefined
        if (input.alias === 'on') {
          const existing = await trx.selectFrom('tool_aliases').select('alias').where('tool_id', '=', tool.id).execute()
          const known = new Set([tool.name_nl, tool.name_en, ...existing.map((a) => a.alias)].filter((n): n is string => !!n).map(normalizeName))
          if (!known.has(normalizeName(before.name))) {
            const aliasLanguage = guessLanguage(before.name)
            const toolLanguage = tool.name_nl ? 'nl' : 'en'
            alias = before.name
            await trx
              .insertInto('tool_aliases')
              .values({ tool_id: tool.id, alias, kind: aliasLanguage && aliasLanguage !== toolLanguage ? 'translation' : 'other_name', language: aliasLanguage ?? null })
              .execute()
          }
        }
        await sql`select tool_refresh_derived(array[${tool.id}]::bigint[])`.execute(trx)
        const toolAfter = await trx.selectFrom('tools').selectAll().where('id', '=', tool.id).executeTakeFirstOrThrow()
        await audit.record(trx, actor, {
          action: 'tool.updated',
          entityType: 'tool',
          entityId: tool.id,
          before: publicToolFields(tool),
          after: { ...publicToolFields(toolAfter), mergedSubmission: id, aliasAdded: alias ?? null, themesAdded: input.themes === 'add' ? before.themes : [], sdgTargetsAdded: input.sdgTargets === 'add' ? before.sdg_targets : [] },
        })
        const after = await decide(trx, actor, before, { status: 'merged', result_tool_id: tool.id }, 'merged', null)
        return { after, slug: tool.slug }
      })
      await sendMail(after, 'merged', { toolLink: toolUrl(slug, after.locale) })
      return { submission: after, slug }
    },
  }
}
export type SubmissionsService = ReturnType<typeof createSubmissionsService>

/** The submission's columns for what describes the tool and the submitter's address. */
function submissionColumns(input: Omit<ToolFields, 'note' | 'additionTo'>) {
  return {
    name: input.name,
    description: input.description,
    form: input.form ?? null,
    category: input.category ?? null,
    owner_name: input.ownerName ?? null,
    website_url: input.websiteUrl ?? null,
    contact_email: input.contactEmail,
    themes: input.themes ?? [],
    sdg_targets: input.sdgTargets ?? [],
    languages: input.languages ?? [],
    licence: input.licence ?? null,
  }
}

/** The audit log keeps what was submitted, never the tracking secret. */
function redact(row: SubmissionsTable | Record<string, unknown>) {
  const { token_hash: _hash, token_nonce: _nonce, match_keys: _keys, ...rest } = row as Record<string, unknown>
  return rest
}

function publicToolFields(tool: Record<string, unknown>) {
  const { search_vector: _v, search_names: _n, facet_keys: _f, match_keys: _m, ...rest } = tool
  return rest
}
