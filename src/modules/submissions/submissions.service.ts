import { createHash, createHmac, randomBytes } from 'node:crypto'
import type { Static, TSchema } from '@sinclair/typebox'
import { validateInput } from '../../lib/validation.ts'
import type { SubmissionsTable } from '../../db/schema.ts'
import type { RunInTransaction, Tx } from '../../db/transaction.ts'
import { AppError, ConflictError, NotFoundError, ValidationError, type FieldProblem } from '../../errors.ts'
import { localePath } from '../../i18n/i18n.ts'
import type { Locale } from '../../i18n/messages.ts'
import { isSlug } from '../../lib/slug.ts'
import type { AccountsRepository } from '../accounts/accounts.repository.ts'
import type { AuditRepository } from '../audit/audit.repository.ts'
import type { MailService } from '../mail/mail.service.ts'
import type { ReferenceData } from '../reference/reference.service.ts'
import type { ToolsRepository } from '../tools/tools.repository.ts'
import { normalizeName } from './similarity.text.ts'
import { rankCandidates, type Match, type MatchQuery } from './similarity.ts'
import { storedCandidates, summarizeMatches, type MatchSummary, type SharedDetails } from './submission.details.ts'
import type { SubmissionsRepository } from './submissions.repository.ts'
import type { ShareFormSchema } from './submissions.schemas.ts'

export type ToolFields = Omit<Static<typeof ShareFormSchema>, 'confirmDifferent' | 'description' | 'processes' | 'toolStatus' | 'municipalities'> & { description: string }
export type SharedFields = Omit<Static<typeof ShareFormSchema>, 'confirmDifferent'>
export type SubmissionRow = Awaited<ReturnType<SubmissionsRepository['findById']>> & {}

/** The submitter saw likely duplicates and has not yet said theirs is different (or added to one). */
export class DuplicatesFoundError extends AppError {
  readonly matches: Match[]
  constructor(matches: Match[]) {
    super('possible-duplicates', 409, 'share.duplicates.problem')
    this.matches = matches
  }
}

export interface SubmitOptions {
  locale: Locale
  source: 'form' | 'api'
  confirmDifferent: boolean
}

/** The e-mails a submitter gets, one per step of their submission. */
const SUBMITTER_MAIL = {
  received: { subjectKey: 'mail.submission.received.subject', bodyKey: 'mail.submission.received.body' },
  infoRequested: { subjectKey: 'mail.submission.infoRequested.subject', bodyKey: 'mail.submission.infoRequested.body' },
  published: { subjectKey: 'mail.submission.published.subject', bodyKey: 'mail.submission.published.body' },
  merged: { subjectKey: 'mail.submission.merged.subject', bodyKey: 'mail.submission.merged.body' },
  rejected: { subjectKey: 'mail.submission.rejected.subject', bodyKey: 'mail.submission.rejected.body' },
} as const
export type SubmitterMail = keyof typeof SUBMITTER_MAIL

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

/**
 * Validates a share (form or API) against its schema, and at once whether a new tool has its description: every
 * problem shows together (an addition to a tool needs none of its own).
 */
export function validateShare<S extends TSchema>(schema: S, raw: Record<string, unknown>): Static<S> {
  const description = typeof raw.description === 'string' ? raw.description.trim() : ''
  const missing: FieldProblem[] = !raw.additionTo && !description ? [{ name: 'description', messageKey: 'validation.required' }] : []
  let input: Static<S>
  try {
    input = validateInput(schema, raw)
  } catch (error) {
    if (error instanceof ValidationError) throw new ValidationError([...error.details, ...missing])
    throw error
  }
  if (missing.length > 0) throw new ValidationError(missing)
  return input
}

export { summarizeMatches, type MatchSummary }

/** The submission's columns for what describes the tool and the submitter's address. */
export function submissionColumns(input: Omit<ToolFields, 'note' | 'additionTo'>) {
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
export function redact(row: SubmissionsTable | Record<string, unknown>) {
  const { token_hash: _hash, token_nonce: _nonce, match_keys: _keys, ...rest } = row as Record<string, unknown>
  return rest
}

export interface SubmissionsDeps {
  repository: SubmissionsRepository
  transaction: RunInTransaction
  tools: Pick<ToolsRepository, 'nameBySlug' | 'nameOf'>
  accounts: Pick<AccountsRepository, 'activeCurators'>
  audit: AuditRepository
  mail: MailService
  reference: ReferenceData
  publicUrl: string
  /** Server secret the tracking links are derived from. */
  secret: string
}

/** Sharing tools: duplicate detection, submissions, the submitter's tracking page and answers. */
export function createSubmissionsService(deps: SubmissionsDeps) {
  const { repository, transaction, audit, mail, reference } = deps

  const tokenFor = (nonce: string) => createHmac('sha256', deps.secret).update(`submission:${nonce}`).digest('base64url')
  const trackingUrl = (nonce: string, locale: Locale) => `${deps.publicUrl}${localePath(locale, `/submissions/${tokenFor(nonce)}`)}`

  return {
    /** Codes must be ones we know; the schema checks only their shape. */
    checkCodes(input: Partial<ToolFields>): FieldProblem[] {
      const problems: FieldProblem[] = []
      const rathenau = new Set(reference.criteria.filter((c) => c.family === 'rathenau').map((c) => c.code))
      const sdg = new Set(reference.sdgTargets.map((t) => t.code))
      if (input.form && !reference.formsByCode.has(input.form)) problems.push({ name: 'form', messageKey: 'validation.unknownValue', params: { value: input.form } })
      const bad = (input.themes ?? []).find((t) => !rathenau.has(t))
      if (bad) problems.push({ name: 'themes', messageKey: 'validation.unknownValue', params: { value: bad.slice(0, 60) } })
      const badSdg = (input.sdgTargets ?? []).find((t) => !sdg.has(t))
      if (badSdg) problems.push({ name: 'sdgTargets', messageKey: 'validation.unknownValue', params: { value: badSdg.slice(0, 60) } })
      return problems
    },

    /**
     * The CBS codes of the municipalities a submitter named, by CBS code, name or other name (case and accents
     * aside), each once; an unknown one is a problem of the field it was typed in (municipality1 … on the form).
     */
    municipalityCodes(texts: readonly string[], problems: FieldProblem[], field: (index: number) => string): string[] {
      const byName = new Map<string, string>()
      for (const [code, m] of reference.municipalities) for (const n of [m.name, ...m.aliases, `gemeente ${m.name}`]) byName.set(normalizeName(n), code)
      const codes: string[] = []
      texts.forEach((text, i) => {
        const typed = text.trim()
        if (!typed) return
        const code = reference.municipalities.has(typed.toUpperCase()) ? typed.toUpperCase() : byName.get(normalizeName(typed))
        if (code) codes.push(code)
        else problems.push({ name: field(i), messageKey: 'share.municipality.unknown', params: { value: typed.slice(0, 60) } })
      })
      return [...new Set(codes)]
    },

    /** Queues the e-mail for a step of the submission, with the private tracking link, inside the step's transaction. */
    async notifySubmitter(trx: Tx, submission: { contact_email: string | null; locale: Locale; name: string; token_nonce: string }, kind: SubmitterMail, params: Record<string, string> = {}) {
      // Erased after the retention period (retention.service.ts): nobody to write to.
      if (submission.contact_email === null) return
      await mail.queue(trx, {
        to: submission.contact_email,
        locale: submission.locale,
        ...SUBMITTER_MAIL[kind],
        params: { name: submission.name, link: trackingUrl(submission.token_nonce, submission.locale), ...params },
      })
    },

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
     * DuplicatesFoundError carries the candidates. Queues the confirmation with the private tracking link, and a
     * note to every curator in their language with the likely duplicates' names.
     */
    async submit(shared: SharedFields, options: SubmitOptions) {
      const problems = this.checkCodes(shared)
      const municipalities = this.municipalityCodes(shared.municipalities ?? [], problems, (i) => (options.source === 'api' ? 'municipalities' : `municipality${i + 1}`))
      let target: { id: number; slug: string } | undefined
      if (shared.additionTo) {
        target = await deps.tools.nameBySlug(shared.additionTo)
        if (!target) problems.push({ name: 'additionTo', messageKey: 'share.additionTo.unknown' })
      }
      // A new tool needs a description; an addition may bring only what the submitter knows more.
      const description = shared.description?.trim() || (target ? await repository.toolDescription(target.id, options.locale) : '')
      if (!description) problems.push({ name: 'description', messageKey: 'validation.required' })
      if (problems.length > 0) throw new ValidationError(problems)
      const { processes, toolStatus, municipalities: _names, ...rest } = shared
      const input: ToolFields = { ...rest, description }
      const details: SharedDetails = { processes: processes ?? [], toolStatus: toolStatus ?? null, municipalities }
      const matches = await this.similar({ name: input.name, description: input.description, url: input.websiteUrl })
      if (!target && !options.confirmDifferent && matches.some((m) => m.likely)) throw new DuplicatesFoundError(matches)

      const nonce = randomBytes(18).toString('base64url')
      const token = tokenFor(nonce)
      const likely = matches.filter((m) => m.likely).map((m) => m.candidate.name)
      const curators = await deps.accounts.activeCurators()
      const submission = await transaction(async (trx) => {
        const row = await repository.insert(trx, {
          kind: target ? 'addition' : 'new_tool',
          locale: options.locale,
          source: options.source,
          ...submissionColumns(input),
          note: input.note ?? null,
          target_tool_id: target?.id ?? null,
          // Only meaningful when there was something to confirm against.
          confirmed_different: options.confirmDifferent && matches.some((m) => m.likely),
          duplicate_candidates: storedCandidates(summarizeMatches(matches), details),
          token_nonce: nonce,
          token_hash: sha256(token),
        })
        await repository.refreshMatchKeys(trx, row.id)
        await repository.addEvent(trx, row.id, 'submitted')
        await audit.record(trx, { kind: 'anonymous' }, { action: 'submission.submitted', entityType: 'submission', entityId: row.id, after: redact(row) })
        await this.notifySubmitter(trx, row, 'received')
        for (const curator of curators) {
          await mail.queue(trx, {
            to: curator.email,
            locale: curator.locale,
            subjectKey: 'mail.curation.new.subject',
            bodyKey: likely.length > 0 ? 'mail.curation.newWithDuplicates.body' : 'mail.curation.new.body',
            // Subjects carry no text a visitor typed (the name is in the body only).
            params: { id: row.id, name: row.name, link: `${deps.publicUrl}${localePath(curator.locale, `/curation/${row.id}`)}`, duplicates: likely.join(', ') },
          })
        }
        return row
      })
      return { submission, token, matches }
    },

    /**
     * The import command holds a likely duplicate back for curation: a submission from a file, inside the import's
     * transaction, with the candidates it resembles. Nobody submitted it, so nobody is mailed; the curation queue shows it.
     */
    async holdImported(trx: Tx, input: Omit<ToolFields, 'note' | 'additionTo' | 'contactEmail'>, note: string, matches: Match[]) {
      const nonce = randomBytes(18).toString('base64url')
      const row = await repository.insert(trx, {
        kind: 'new_tool',
        locale: 'nl',
        source: 'import',
        ...submissionColumns({ ...input, contactEmail: '' }),
        contact_email: null,
        note: note.slice(0, 2000),
        target_tool_id: null,
        confirmed_different: false,
        duplicate_candidates: JSON.stringify(summarizeMatches(matches)),
        token_nonce: nonce,
        token_hash: sha256(tokenFor(nonce)),
      })
      await repository.refreshMatchKeys(trx, row.id)
      await repository.addEvent(trx, row.id, 'submitted')
      await audit.record(trx, { kind: 'system', label: 'import' }, { action: 'submission.imported', entityType: 'submission', entityId: row.id, after: redact(row) })
      return row
    },

    /** The submission behind a tracking link, with its timeline. */
    async track(token: string) {
      if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) throw new NotFoundError()
      const submission = await repository.findByTokenHash(sha256(token))
      if (!submission) throw new NotFoundError()
      const toolId = submission.result_tool_id ?? submission.target_tool_id
      const [events, tool] = await Promise.all([repository.events(submission.id), toolId ? deps.tools.nameOf(toolId) : undefined])
      return { submission, events, tool }
    },

    /** Throws a conflict unless a curator's question waits for the submitter's answer. */
    async awaitingReply(token: string) {
      const { submission } = await this.track(token)
      if (submission.status !== 'needs_info') throw new ConflictError('submission.reply.notAsked')
    },

    /** The submitter answers a curator's question; the submission goes back to the queue. */
    async reply(token: string, input: { note: string; description?: string | undefined; websiteUrl?: string | undefined }) {
      const { submission } = await this.track(token)
      return transaction(async (trx) => {
        const before = (await repository.lockById(trx, submission.id))!
        if (before.status !== 'needs_info') throw new ConflictError('submission.reply.notAsked')
        // The answer itself is in the timeline (submission_events); the original note stays as it was.
        const after = await repository.update(trx, before.id, {
          status: 'pending',
          description: input.description ?? before.description,
          website_url: input.websiteUrl ?? before.website_url,
        })
        await repository.refreshMatchKeys(trx, before.id)
        await repository.addEvent(trx, before.id, 'replied', input.note)
        await audit.record(trx, { kind: 'anonymous' }, { action: 'submission.replied', entityType: 'submission', entityId: before.id, before: redact(before), after: redact(after) })
        return after
      })
    },

    /** A tool's slug and name in a language, for the share form that adds to it. */
    async toolName(slug: string, locale: Locale) {
      if (!isSlug(slug)) return undefined
      const tool = await deps.tools.nameBySlug(slug)
      return tool ? { slug: tool.slug, name: (locale === 'en' ? (tool.name_en ?? tool.name_nl) : (tool.name_nl ?? tool.name_en))! } : undefined
    },
  }
}
export type SubmissionsService = ReturnType<typeof createSubmissionsService>
