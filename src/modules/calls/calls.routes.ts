import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Config } from '../../config.ts'
import { NotFoundError } from '../../errors.ts'
import { localePath } from '../../i18n/i18n.ts'
import { LOCALES } from '../../i18n/messages.ts'
import { isSlug } from '../../lib/slug.ts'
import { validateInput } from '../../lib/validation.ts'
import { pageContext } from '../../plugins/context.ts'
import { handleFormPost, sendPage, type FormState } from '../../plugins/forms.ts'
import { rateLimit } from '../../plugins/session.ts'
import { formValues } from '../../views/form.ts'
import { flashFrom } from '../../views/simple.page.ts'
import type { OrganisationsService } from '../organisations/organisations.service.ts'
import { AnswerDecisionSchema, CallSchema, CloseCallSchema, MemberAnswerSchema, PublicAnswerSchema } from './calls.schemas.ts'
import type { CallsService } from './calls.service.ts'
import { callPage } from './views/call.page.ts'
import { callsPage } from './views/calls.page.ts'

export interface CallRouteDeps {
  config: Config
  calls: CallsService
  organisations: Pick<OrganisationsService, 'pickerEntries'>
}

type SlugRequest = FastifyRequest<{ Params: { slug: string } }>

const DONE = {
  opened: 'calls.done.opened',
  saved: 'calls.done.saved',
  closed: 'calls.done.closed',
  answered: 'calls.done.answered',
  thanks: 'calls.done.thanks',
  accepted: 'calls.done.accepted',
  declined: 'calls.done.declined',
} as const

/** /calls (every open call) and /tools/{slug}/call (one tool's call: answered by municipalities, managed by its owners). */
export function registerCallPages(app: FastifyInstance, deps: CallRouteDeps) {
  const { calls, config } = deps
  for (const locale of LOCALES) {
    const p = (path: string) => localePath(locale, path)
    const slugOf = (request: SlugRequest) => {
      if (!isSlug(request.params.slug)) throw new NotFoundError('error.toolNotFound', { slug: request.params.slug.slice(0, 80) })
      return request.params.slug
    }
    const done = (slug: string, what: keyof typeof DONE) => `${p(`/tools/${slug}/call`)}?done=${what}`

    app.get(p('/calls'), async (request, reply) => sendPage(reply, callsPage(pageContext(request, config.PUBLIC_URL), await calls.listOpen())))

    /** The page as things are now, or with a refused post of one of its forms: what was typed, and why it was refused. */
    const render = async (request: SlugRequest, reply: FastifyReply, form?: 'answer' | 'manage', state?: FormState) => {
      const loaded = await calls.load(request.actor, slugOf(request))
      const anonymous = request.actor.kind === 'anonymous'
      if (!anonymous) reply.header('cache-control', 'no-store')
      return callPage(pageContext(request, config.PUBLIC_URL), {
        ...loaded,
        values: state?.values ?? {},
        form,
        refusal: state?.error,
        flash: state ? undefined : flashFrom(request.query, DONE),
        municipalities: anonymous && loaded.call ? (await deps.organisations.pickerEntries()).filter((o) => o.kind === 'municipality') : [],
        csrfToken: reply.generateCsrf(),
      })
    }

    const path = p('/tools/:slug/call')
    app.get<{ Params: { slug: string } }>(path, async (request, reply) => sendPage(reply, await render(request, reply)))

    // The owner's form: open a call, or change the open one.
    app.post<{ Params: { slug: string } }>(path, async (request, reply) => {
      const slug = slugOf(request)
      await calls.authorizeManage(request.actor, slug)
      const values = formValues(request.body)
      return handleFormPost(reply, {
        values,
        submit: async () => {
          const input = validateInput(CallSchema, request.body)
          await calls.save(request.actor, slug, input)
          return done(slug, input.version ? 'saved' : 'opened')
        },
        render: (state) => render(request, reply, 'manage', state),
      })
    })

    app.post<{ Params: { slug: string } }>(p('/tools/:slug/call/close'), async (request, reply) => {
      const slug = slugOf(request)
      await calls.authorizeManage(request.actor, slug)
      return handleFormPost(reply, {
        values: formValues(request.body),
        submit: async () => {
          await calls.close(request.actor, slug, validateInput(CloseCallSchema, request.body))
          return done(slug, 'closed')
        },
        render: (state) => render(request, reply, 'manage', state),
      })
    })

    // A member answers for their municipality in one step; a visitor through the public form (honeypot, rate limit).
    app.post<{ Params: { slug: string } }>(p('/tools/:slug/call/answer'), rateLimit(config, 'forms', 'call-answer'), async (request, reply) => {
      const slug = slugOf(request)
      const { homepage, ...fields } = (request.body ?? {}) as Record<string, unknown>
      if (request.actor.kind === 'anonymous' && [homepage ?? []].flat().some((v) => typeof v === 'string' && v.trim() !== '')) {
        request.log.info('call answer form: honeypot filled, answer dropped')
        return reply.redirect(done(slug, 'thanks'), 303)
      }
      return handleFormPost(reply, {
        values: formValues(fields),
        submit: async () => {
          if (request.actor.kind === 'anonymous') {
            await calls.answerPublicly(slug, validateInput(PublicAnswerSchema, fields), locale)
            return done(slug, 'thanks')
          }
          await calls.answerAsMember(request.actor, slug, validateInput(MemberAnswerSchema, fields))
          return done(slug, 'answered')
        },
        render: (state) => render(request, reply, 'answer', state),
      })
    })

    app.post<{ Params: { slug: string; id: string } }>(p('/tools/:slug/call/answers/:id'), async (request, reply) => {
      const slug = slugOf(request)
      const id = /^[0-9]{1,15}$/.test(request.params.id) ? Number(request.params.id) : undefined
      if (id === undefined) throw new NotFoundError()
      await calls.authorizeManage(request.actor, slug)
      return handleFormPost(reply, {
        values: formValues(request.body),
        submit: async () => {
          const { status } = await calls.decide(request.actor, slug, id, validateInput(AnswerDecisionSchema, request.body))
          return done(slug, status)
        },
        // A decision has no fields: its refusal (decided meanwhile, already testing) is said above the answers.
        render: (state) => render(request, reply, undefined, state),
      })
    })
  }
}
