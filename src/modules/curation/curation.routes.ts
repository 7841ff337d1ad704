import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Config } from '../../config.ts'
import type { SubmissionStatus } from '../../db/schema.ts'
import { ConflictError, NotFoundError } from '../../errors.ts'
import { localePath } from '../../i18n/i18n.ts'
import { LOCALES } from '../../i18n/messages.ts'
import type { Actor } from '../../lib/actor.ts'
import { isSlug } from '../../lib/slug.ts'
import { validateInput } from '../../lib/validation.ts'
import { pageContext } from '../../plugins/context.ts'
import { handleFormPost, sendPage } from '../../plugins/forms.ts'
import { formValues, str, type FormValues } from '../../views/form.ts'
import { flashFrom } from '../../views/simple.page.ts'
import { authorize } from '../../lib/policy.ts'
import type { ReferenceData } from '../reference/reference.service.ts'
import { CurationEditSchema, CurationMergeSchema, CurationMessageSchema, CurationPublishSchema } from '../submissions/submissions.schemas.ts'
import { summarizeMatches } from '../submissions/submissions.service.ts'
import type { CurationService } from './curation.service.ts'
import { mergePage } from './views/merge.page.ts'
import { queuePage, STATUS_FILTERS, type StatusFilter } from './views/queue.page.ts'
import { submissionPage, type ActionState, type CurationForm } from './views/submission.page.ts'

const PAGE = 25
const ID = /^[1-9][0-9]{0,14}$/

export interface CurationRouteDeps {
  config: Config
  reference: ReferenceData
  curation: CurationService
}

type IdRequest = FastifyRequest<{ Params: { id: string } }>

function parseId(value: string): number {
  if (!ID.test(value)) throw new NotFoundError()
  return Number(value)
}

function one(value: unknown): string | undefined {
  const v = Array.isArray(value) ? value.at(-1) : value
  return typeof v === 'string' ? v : undefined
}

/** /curation: curators review shared tools, beside their possible duplicates, and decide. */
export function registerCurationPages(app: FastifyInstance, deps: CurationRouteDeps) {
  const { curation, reference } = deps
  for (const locale of LOCALES) {
    const p = (path: string) => localePath(locale, path)
    const context = (request: FastifyRequest) => pageContext(request, deps.config.PUBLIC_URL)

    app.get(p('/curation'), async (request, reply) => {
      authorize(request.actor, 'curation.manage')
      const query = request.query as Record<string, unknown>
      const statusFilter: StatusFilter = STATUS_FILTERS.find((s) => s === one(query.status)) ?? 'open'
      const kind = one(query.kind) === 'new_tool' || one(query.kind) === 'addition' ? (one(query.kind) as 'new_tool' | 'addition') : undefined
      const q = (one(query.q) ?? '').trim().slice(0, 100)
      const page = Math.min(Math.max(Number.parseInt(one(query.page) ?? '1', 10) || 1, 1), 10_000)
      const statuses: SubmissionStatus[] = statusFilter === 'open' ? ['pending', 'needs_info'] : statusFilter === 'all' ? [] : [statusFilter]
      const [{ rows, total }, counts] = await Promise.all([
        curation.queue({ statuses, kind, q: q || undefined, limit: PAGE, offset: (page - 1) * PAGE }),
        curation.statusCounts(),
      ])
      return sendPage(reply, queuePage(context(request), { statusFilter, kind, q, page, pages: Math.max(1, Math.ceil(total / PAGE)), total, rows, counts }))
    })

    const detail = async (request: IdRequest, reply: FastifyReply, state?: ActionState) => {
      const { submission, events, matches, target, result } = await curation.get(parseId(request.params.id))
      return submissionPage(context(request), reference, {
        submission,
        events,
        candidates: summarizeMatches(matches),
        target,
        result,
        owner: await curation.ownerPicker(submission.owner_name),
        csrfToken: reply.generateCsrf(),
        flash: flashFrom(request.query, { edited: 'curation.done.edited', asked: 'curation.done.asked', rejected: 'curation.done.rejected', published: 'curation.done.published', merged: 'curation.done.merged' }),
        state,
      })
    }

    app.get<{ Params: { id: string } }>(p('/curation/:id'), async (request, reply) => {
      authorize(request.actor, 'curation.manage')
      return sendPage(reply, await detail(request, reply))
    })

    /** A decision on a submission: refused input or a conflict shows the page again with what was typed. */
    const decision = (path: string, form: CurationForm, run: (body: unknown, id: number, actor: Actor) => Promise<unknown>, done: string) =>
      app.post<{ Params: { id: string } }>(p(path), async (request, reply) => {
        const actor = authorize(request.actor, 'curation.manage')
        const id = parseId(request.params.id)
        return handleFormPost(reply, {
          values: formValues(request.body),
          submit: async () => {
            await run(request.body, id, actor)
            return `${p(`/curation/${id}`)}?done=${done}`
          },
          render: (state) => detail(request, reply, { form, values: state.values, problems: state.problems, conflict: state.error instanceof ConflictError }),
        })
      })

    decision('/curation/:id', 'edit', (body, id, actor) => curation.edit(actor, id, validateInput(CurationEditSchema, body)), 'edited')
    decision('/curation/:id/ask', 'ask', (body, id, actor) => {
      const input = validateInput(CurationMessageSchema, body)
      return curation.askForInformation(actor, id, input.version, input.message)
    }, 'asked')
    decision('/curation/:id/reject', 'reject', (body, id, actor) => {
      const input = validateInput(CurationMessageSchema, body)
      return curation.reject(actor, id, input.version, input.message)
    }, 'rejected')
    decision('/curation/:id/publish', 'publish', (body, id, actor) => {
      const input = validateInput(CurationPublishSchema, body)
      return curation.publish(actor, id, input.version, { name: input.owner, create: input.createOwner === 'on' }, { form: input.form, category: input.category })
    }, 'published')

    // Merging into an existing tool, field by field -----------------------------------------------------------
    const merge = async (request: IdRequest, reply: FastifyReply, targetSlug: string | undefined, state: { values?: FormValues; problems?: ActionState['problems']; conflict?: boolean } = {}) => {
      const { submission, matches, target } = await curation.get(parseId(request.params.id))
      const slug = targetSlug ?? target?.slug
      const chosen = slug && isSlug(slug) ? await curation.toolForMerge(slug) : undefined
      return mergePage(context(request), reference, {
        submission,
        candidates: summarizeMatches(matches),
        merge: chosen,
        unknownTarget: !!slug && !chosen,
        csrfToken: reply.generateCsrf(),
        ...state,
      })
    }

    app.get<{ Params: { id: string } }>(p('/curation/:id/merge'), async (request, reply) => {
      authorize(request.actor, 'curation.manage')
      return sendPage(reply, await merge(request, reply, one((request.query as Record<string, unknown>).target)))
    })

    app.post<{ Params: { id: string } }>(p('/curation/:id/merge'), async (request, reply) => {
      const actor = authorize(request.actor, 'curation.manage')
      const id = parseId(request.params.id)
      const values = formValues(request.body)
      return handleFormPost(reply, {
        values,
        submit: async () => {
          await curation.merge(actor, id, validateInput(CurationMergeSchema, request.body))
          return `${p(`/curation/${id}`)}?done=merged`
        },
        render: (state) => merge(request, reply, str(values, 'target'), { values, problems: state.problems, conflict: state.error instanceof ConflictError }),
      })
    })
  }
}
