import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Config } from '../../config.ts'
import { ConflictError } from '../../errors.ts'
import { localePath } from '../../i18n/i18n.ts'
import { LOCALES } from '../../i18n/messages.ts'
import { validateInput } from '../../lib/validation.ts'
import { pageContext } from '../../plugins/context.ts'
import { handleFormPost, sendPage, type FormState } from '../../plugins/forms.ts'
import { rateLimit } from '../../plugins/session.ts'
import { formValues, str, type FormValues } from '../../views/form.ts'
import { flashFrom } from '../../views/simple.page.ts'
import type { ReferenceData } from '../reference/reference.service.ts'
import { ReplySchema, ShareFormSchema } from './submissions.schemas.ts'
import { DuplicatesFoundError, summarizeMatches, validateShare, type SubmissionsService } from './submissions.service.ts'
import { sharePage } from './views/share.page.ts'
import { trackingPage } from './views/tracking.page.ts'

export interface ShareRouteDeps {
  config: Config
  reference: ReferenceData
  submissions: SubmissionsService
}

type TokenRequest = FastifyRequest<{ Params: { token: string } }>

/** /tools/share (the public form) and /submissions/{token} (the submitter's private tracking page). */
export function registerSharePages(app: FastifyInstance, deps: ShareRouteDeps) {
  const { submissions, reference, config } = deps
  for (const locale of LOCALES) {
    const p = (path: string) => localePath(locale, path)

    const shareForm = async (request: FastifyRequest, reply: FastifyReply, values: FormValues, state?: FormState) => {
      // Coming from a tool's page ("do you know more?"): this adds to that tool.
      const additionTo = str(values, 'additionTo')
      const tool = additionTo ? await submissions.toolName(additionTo, locale) : undefined
      return sharePage(pageContext(request, config.PUBLIC_URL), reference, {
        values: tool && values.name === undefined ? { ...values, name: tool.name } : values,
        problems: state?.problems ?? [],
        duplicates: state?.error instanceof DuplicatesFoundError ? summarizeMatches(state.error.matches) : [],
        csrfToken: reply.generateCsrf(),
        flash: flashFrom(request.query, { thanks: 'share.thanks' }),
        addition: tool,
      })
    }

    app.get(p('/tools/share'), async (request, reply) => {
      const additionTo = (request.query as Record<string, unknown>).additionTo
      return sendPage(reply, await shareForm(request, reply, typeof additionTo === 'string' ? { additionTo } : {}))
    })

    app.post(p('/tools/share'), rateLimit(config, 'forms', 'share'), async (request, reply) => {
      const { homepage, ...fields } = (request.body ?? {}) as Record<string, unknown>
      // A filled-in hidden field means a robot: thank it and keep nothing.
      if ([homepage ?? []].flat().some((v) => typeof v === 'string' && v.trim() !== '')) {
        request.log.info('share form: honeypot filled, submission dropped')
        return reply.redirect(`${p('/tools/share')}?done=thanks`, 303)
      }
      // On an addition page a candidate's "add to this tool" button repeats additionTo: the button pressed wins.
      if (Array.isArray(fields.additionTo)) fields.additionTo = fields.additionTo.at(-1)
      const values = formValues(fields)
      return handleFormPost(reply, {
        values,
        submit: async () => {
          // The municipality fields of the form are the API's list of municipalities (the field number marks a problem).
          const { municipality1, municipality2, municipality3, ...rest } = fields
          const municipalities = [municipality1, municipality2, municipality3].map((v) => (typeof v === 'string' ? v : ''))
          const input = validateShare(ShareFormSchema, { ...rest, ...(municipalities.some((m) => m.trim() !== '') ? { municipalities } : {}) })
          const { token } = await submissions.submit(input, { locale, source: 'form', confirmDifferent: input.confirmDifferent === 'on' })
          return `${p(`/submissions/${token}`)}?done=submitted`
        },
        render: (state) => shareForm(request, reply, values, state),
      })
    })

    // The tracking page ------------------------------------------------------------------------------
    const tracking = async (request: TokenRequest, reply: FastifyReply, state?: FormState) => {
      const { submission, events, tool } = await submissions.track(request.params.token)
      const conflict = state?.error instanceof ConflictError
      return trackingPage(pageContext(request, config.PUBLIC_URL), reference, {
        token: request.params.token,
        submission,
        events,
        tool,
        csrfToken: reply.generateCsrf(),
        flash: flashFrom(request.query, { submitted: 'submission.received', replied: 'submission.replied' }),
        reply: state ? { values: state.values, problems: conflict ? [] : state.problems, conflict } : undefined,
      })
    }

    app.get<{ Params: { token: string } }>(p('/submissions/:token'), async (request, reply) => {
      // The address is the key to the submission: never cached, never sent on as a Referer.
      reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer')
      return sendPage(reply, await tracking(request, reply))
    })

    app.post<{ Params: { token: string } }>(p('/submissions/:token/reply'), rateLimit(config, 'forms', 'submission-reply'), async (request, reply) =>
      handleFormPost(reply, {
        values: formValues(request.body),
        submit: async () => {
          // Answered meanwhile (another tab): the form is gone, whatever was typed.
          await submissions.awaitingReply(request.params.token)
          await submissions.reply(request.params.token, validateInput(ReplySchema, request.body))
          return `${p(`/submissions/${request.params.token}`)}?done=replied`
        },
        render: (state) => tracking(request, reply, state),
      }),
    )
  }
}
