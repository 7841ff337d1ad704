import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Config } from '../../config.ts'
import { NotFoundError } from '../../errors.ts'
import { localePath } from '../../i18n/i18n.ts'
import { LOCALES } from '../../i18n/messages.ts'
import { can } from '../../lib/policy.ts'
import { isSlug } from '../../lib/slug.ts'
import { validateInput } from '../../lib/validation.ts'
import { pageContext } from '../../plugins/context.ts'
import { handleFormPost, sendPage, type FormState } from '../../plugins/forms.ts'
import { formValues, type FormValues } from '../../views/form.ts'
import { flashFrom } from '../../views/simple.page.ts'
import { OpenVoteSchema } from '../decisions/decisions.schemas.ts'
import { agendaRows, documentRows } from './gatherings.rows.ts'
import { gatheringEvent, gatheringsCalendar } from './gatherings.ics.ts'
import { GatheringSchema, MinutesSchema, PutOnAgendaSchema, RegistrationSchema } from './gatherings.schemas.ts'
import type { GatheringsService } from './gatherings.service.ts'
import { agendaFormPage, agendaValues, documentsFormPage, documentValues, gatheringFormPage, gatheringValues, minutesFormPage } from './views/gathering-forms.page.ts'
import { gatheringPage, type GatheringPageModel } from './views/gathering.page.ts'
import { gatheringsPage } from './views/gatherings.page.ts'

type SlugRequest = FastifyRequest<{ Params: { slug: string } }>

const slugOf = (raw: string) => {
  if (!isSlug(raw)) throw new NotFoundError('gatherings.notFound')
  return raw
}
const idOf = (raw: string) => {
  if (!/^[0-9]{1,15}$/.test(raw)) throw new NotFoundError('gatherings.notFound')
  return Number(raw)
}

const DONE = {
  created: 'gatherings.done.created',
  updated: 'gatherings.done.updated',
  agenda: 'gatherings.done.agenda',
  documents: 'gatherings.done.documents',
  minutes: 'gatherings.done.minutes',
  registered: 'gatherings.done.registered',
  put: 'gatherings.done.put',
} as const

const ICS_TYPE = 'text/calendar; charset=utf-8'

/** /gatherings, a gathering's page and its forms, the .ics of one gathering and the feed of all. */
export function registerGatheringPages(app: FastifyInstance, deps: { config: Config; gatherings: GatheringsService }) {
  const { config, gatherings } = deps
  for (const locale of LOCALES) {
    const p = (path: string) => localePath(locale, path)
    const context = (request: FastifyRequest) => pageContext(request, config.PUBLIC_URL)
    const privateIfSignedIn = (request: FastifyRequest, reply: FastifyReply) => {
      if (request.actor.kind === 'user') reply.header('cache-control', 'no-store')
    }

    app.get(p('/gatherings'), async (request, reply) => {
      privateIfSignedIn(request, reply)
      return sendPage(reply, gatheringsPage(context(request), { gatherings: await gatherings.list(), manage: can(request.actor, 'gatherings.manage') }))
    })

    app.get(p('/gatherings.ics'), async (_request, reply) => {
      const events = (await gatherings.list()).map((g) => gatheringEvent(locale, config.PUBLIC_URL, g))
      return reply.type(ICS_TYPE).header('content-disposition', 'inline; filename="gatherings.ics"').send(gatheringsCalendar(locale, events))
    })

    const render = async (request: SlugRequest, reply: FastifyReply, refused?: GatheringPageModel['refused']) => {
      const loaded = await gatherings.load(request.actor, slugOf(request.params.slug))
      const signedIn = request.actor.kind === 'user'
      privateIfSignedIn(request, reply)
      return gatheringPage(context(request), { ...loaded, signedIn, csrfToken: signedIn ? reply.generateCsrf() : undefined, flash: refused ? undefined : flashFrom(request.query, DONE), refused })
    }

    app.get<{ Params: { slug: string } }>(p('/gatherings/:slug'), async (request, reply) => {
      // One gathering's calendar file: /gatherings/{slug}.ics
      const ics = /^(.+)\.ics$/.exec(request.params.slug)
      if (ics) {
        const g = await gatherings.find(slugOf(ics[1]!))
        const event = gatheringEvent(locale, config.PUBLIC_URL, g, await gatherings.agenda(g.id))
        return reply.type(ICS_TYPE).header('content-disposition', `inline; filename="${g.slug}.ics"`).send(gatheringsCalendar(locale, [event]))
      }
      return sendPage(reply, await render(request, reply))
    })

    // Curators: a new gathering, and changing one.
    const form = async (request: FastifyRequest, reply: FastifyReply, values: FormValues, state?: FormState, slug?: string) => {
      gatherings.authorizeManage(request.actor)
      reply.header('cache-control', 'no-store')
      const gathering = slug ? await gatherings.find(slug) : undefined
      return gatheringFormPage(context(request), { csrfToken: reply.generateCsrf(), values, problems: state?.problems ?? [], ...(gathering ? { gathering } : {}) })
    }
    app.get(p('/gatherings/new'), async (request, reply) => sendPage(reply, await form(request, reply, {})))
    app.post(p('/gatherings'), async (request, reply) => {
      gatherings.authorizeManage(request.actor)
      const values = formValues(request.body)
      return handleFormPost(reply, {
        values,
        submit: async () => `${p(`/gatherings/${(await gatherings.create(request.actor, validateInput(GatheringSchema, request.body))).slug}`)}?done=created`,
        render: (state) => form(request, reply, values, state),
      })
    })
    app.get<{ Params: { slug: string } }>(p('/gatherings/:slug/edit'), async (request, reply) => {
      gatherings.authorizeManage(request.actor)
      return sendPage(reply, await form(request, reply, gatheringValues(await gatherings.find(slugOf(request.params.slug))), undefined, request.params.slug))
    })
    app.post<{ Params: { slug: string } }>(p('/gatherings/:slug'), async (request, reply) => {
      gatherings.authorizeManage(request.actor)
      const g = await gatherings.find(slugOf(request.params.slug))
      const values = formValues(request.body)
      return handleFormPost(reply, {
        values,
        submit: async () => `${p(`/gatherings/${(await gatherings.update(request.actor, g.id, validateInput(GatheringSchema, request.body))).slug}`)}?done=updated`,
        render: (state) => form(request, reply, values, state, g.slug),
      })
    })

    // Curators: the agenda, the documents, the minutes: each a page with one form.
    const editPage = (
      path: string,
      done: keyof typeof DONE,
      load: (g: Awaited<ReturnType<GatheringsService['find']>>) => Promise<FormValues>,
      page: (request: FastifyRequest, g: Awaited<ReturnType<GatheringsService['find']>>, model: { csrfToken: string; values: FormValues; problems: FormState['problems'] }) => Promise<string>,
      save: (request: FastifyRequest, id: number, values: FormValues) => Promise<unknown>,
    ) => {
      app.get<{ Params: { slug: string } }>(p(`/gatherings/:slug/${path}`), async (request, reply) => {
        gatherings.authorizeManage(request.actor)
        reply.header('cache-control', 'no-store')
        const g = await gatherings.find(slugOf(request.params.slug))
        return sendPage(reply, await page(request, g, { csrfToken: reply.generateCsrf(), values: await load(g), problems: [] }))
      })
      app.post<{ Params: { slug: string } }>(p(`/gatherings/:slug/${path}`), async (request, reply) => {
        gatherings.authorizeManage(request.actor)
        const g = await gatherings.find(slugOf(request.params.slug))
        const values = formValues(request.body)
        return handleFormPost(reply, {
          values,
          submit: async () => {
            await save(request, g.id, values)
            return `${p(`/gatherings/${g.slug}`)}?done=${done}`
          },
          render: async (state) => page(request, g, { csrfToken: reply.generateCsrf(), values, problems: state.problems }),
        })
      })
    }
    editPage('agenda', 'agenda', async (g) => agendaValues(await gatherings.agenda(g.id)), async (request, gathering, model) => agendaFormPage(context(request), { ...model, gathering }), (request, id, values) => gatherings.saveAgenda(request.actor, id, agendaRows(values)))
    editPage('documents', 'documents', async (g) => documentValues(await gatherings.documents(g.id)), async (request, gathering, model) => documentsFormPage(context(request), { ...model, gathering }), (request, id, values) => gatherings.saveDocuments(request.actor, id, documentRows(values)))
    editPage(
      'minutes',
      'minutes',
      async (g) => ({ minutesNl: g.minutes_nl ?? '', minutesEn: g.minutes_en ?? '', attendance: (await gatherings.attendance(g.id)).map((o) => String(o.id)) }),
      async (request, gathering, model) => minutesFormPage(context(request), { ...model, gathering, partners: await gatherings.partnersOnDayOf(gathering) }),
      (request, id) => gatherings.saveMinutes(request.actor, id, validateInput(MinutesSchema, request.body)),
    )

    // On the gathering's page: put a proposal on the agenda, open the vote on it, register who attends.
    app.post<{ Params: { slug: string } }>(p('/gatherings/:slug/agenda/proposals'), async (request, reply) => {
      gatherings.authorizeManage(request.actor)
      const g = await gatherings.find(slugOf(request.params.slug))
      const values = formValues(request.body)
      return handleFormPost(reply, {
        values,
        submit: async () => {
          await gatherings.putOnAgenda(request.actor, g.id, validateInput(PutOnAgendaSchema, request.body))
          return `${p(`/gatherings/${g.slug}`)}?done=put`
        },
        render: (state) => render(request, reply, { form: 'put', ...state }),
      })
    })

    app.post<{ Params: { slug: string; item: string } }>(p('/gatherings/:slug/agenda/:item/vote'), async (request, reply) => {
      gatherings.authorizeManage(request.actor)
      const g = await gatherings.find(slugOf(request.params.slug))
      const item = idOf(request.params.item)
      const values = formValues(request.body)
      return handleFormPost(reply, {
        values,
        submit: async () => `${p(`/decisions/${(await gatherings.openVote(request.actor, g.id, item, validateInput(OpenVoteSchema, request.body))).id}`)}?done=opened`,
        render: (state) => render(request, reply, { form: 'vote', item, ...state }),
      })
    })

    app.post<{ Params: { slug: string } }>(p('/gatherings/:slug/registrations'), async (request, reply) => {
      await gatherings.authorizeRegister(request.actor)
      const g = await gatherings.find(slugOf(request.params.slug))
      const values = formValues(request.body)
      return handleFormPost(reply, {
        values,
        submit: async () => {
          await gatherings.register(request.actor, g.id, validateInput(RegistrationSchema, request.body))
          return `${p(`/gatherings/${g.slug}`)}?done=registered`
        },
        render: (state) => render(request, reply, { form: 'register', ...state }),
      })
    })
  }
}
