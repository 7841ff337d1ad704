import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppContext } from '../../app-context.ts'
import { ConflictError, ValidationError, type FieldProblem } from '../../errors.ts'
import { label, localePath, translate } from '../../i18n/i18n.ts'
import { LOCALES, type MessageKey } from '../../i18n/messages.ts'
import { validateInput } from '../../lib/validation.ts'
import { pageContext } from '../../plugins/context.ts'
import { rateLimit } from '../../plugins/session.ts'
import { alert, dataList, heading, link, paragraph, statusBadge, unorderedList } from '../../views/components/index.ts'
import { renderForm } from '../../views/form.ts'
import { html } from '../../views/html.ts'
import { flashFrom, simplePage } from '../../views/simple.page.ts'
import { ReplySchema, ShareFormSchema } from './submissions.schemas.ts'
import { DuplicatesFoundError, summarizeMatches } from './submissions.service.ts'
import { formValues, type FormValues } from './views/share.fields.ts'
import { sharePage, type CandidateView } from './views/share.page.ts'

const send = (reply: FastifyReply, body: string, status = 200) => reply.code(status).type('text/html; charset=utf-8').send(body)

const STATUS_VARIANT = { pending: 'neutral', needs_info: 'warning', published: 'success', merged: 'success', rejected: 'inactive' } as const

/** /tools/share (the public form) and /submissions/{token} (the submitter's private tracking page). */
export function registerSharePages(app: FastifyInstance, ctx: AppContext) {
  for (const locale of LOCALES) {
    const p = (path: string) => localePath(locale, path)
    const t = (key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params)
    const date = (value: Date | string) => new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Amsterdam' }).format(new Date(value))

    const shareForm = async (request: FastifyRequest, reply: FastifyReply, values: FormValues = {}, problems: FieldProblem[] = [], duplicates: CandidateView[] = []) => {
      // Coming from a tool's page ("do you know more?"): this adds to that tool.
      const additionTo = typeof values.additionTo === 'string' ? values.additionTo : undefined
      const tool = additionTo ? await ctx.submissions.toolName(additionTo, locale) : undefined
      return sharePage(pageContext(request, ctx.config.PUBLIC_URL), ctx.reference, {
        values: tool && values.name === undefined ? { ...values, name: tool.name } : values,
        problems,
        duplicates,
        csrfToken: reply.generateCsrf(),
        flash: flashFrom(request.query, { thanks: 'share.thanks' }),
        addition: tool,
      })
    }

    app.get(p('/tools/share'), async (request, reply) => {
      const additionTo = (request.query as Record<string, unknown>).additionTo
      return send(reply, await shareForm(request, reply, typeof additionTo === 'string' ? { additionTo } : {}))
    })

    app.post(p('/tools/share'), rateLimit(ctx.config, 'forms'), async (request, reply) => {
      const values = formValues(request.body)
      // A filled-in hidden field means a robot: thank it and keep nothing.
      if ([values.homepage ?? []].flat().some((v) => v.trim() !== '')) {
        request.log.info('share form: honeypot filled, submission dropped')
        return reply.redirect(`${p('/tools/share')}?done=thanks`, 303)
      }
      delete values.homepage
      try {
        const { homepage: _ignored, ...fields } = (request.body ?? {}) as Record<string, unknown>
        // On an addition page a candidate's "add to this tool" button repeats additionTo: the button pressed wins.
        if (Array.isArray(fields.additionTo)) fields.additionTo = fields.additionTo.at(-1)
        if (Array.isArray(values.additionTo)) values.additionTo = values.additionTo.at(-1)
        const input = validateInput(ShareFormSchema, fields)
        const { token } = await ctx.submissions.submit(input, { locale, source: 'form', confirmDifferent: input.confirmDifferent === 'on' })
        return reply.redirect(`${p(`/submissions/${token}`)}?done=submitted`, 303)
      } catch (error) {
        if (error instanceof ValidationError) return send(reply, await shareForm(request, reply, values, error.details), 400)
        if (error instanceof DuplicatesFoundError) return send(reply, await shareForm(request, reply, values, [], summarizeMatches(error.matches)), 409)
        throw error
      }
    })

    // The tracking page ------------------------------------------------------------------------------
    const trackingPage = async (request: FastifyRequest<{ Params: { token: string } }>, reply: FastifyReply, replyValues: FormValues = {}, problems: FieldProblem[] = [], conflict = false) => {
      const { submission: s, events, tool } = await ctx.submissions.track(request.params.token)
      const toolName = tool ? (locale === 'en' ? (tool.name_en ?? tool.name_nl) : (tool.name_nl ?? tool.name_en)) : undefined
      const statusText = t(`submission.status.${s.status}.explanation` as MessageKey)
      const content = html`${conflict ? alert('error', t('submission.reply.notAsked'), { role: 'alert' }) : ''}
${paragraph(html`${statusBadge(t(`submission.status.${s.status}` as MessageKey), STATUS_VARIANT[s.status])} ${statusText}`, { lead: true })}
${s.status === 'needs_info' && s.curator_message ? alert('warning', html`${heading(2, t('submission.question'))}<p class="utrecht-paragraph citydeal-prewrap">${s.curator_message}</p>`) : ''}
${s.status === 'rejected' && s.curator_message ? alert('info', html`${heading(2, t('submission.reason'))}<p class="utrecht-paragraph citydeal-prewrap">${s.curator_message}</p>`) : ''}
${tool && toolName && (s.status === 'published' || s.status === 'merged') ? paragraph(html`${t('submission.seeTool')} ${link(p(`/tools/${tool.slug}`), toolName)}`) : ''}
${
  s.status === 'needs_info'
    ? html`${heading(2, t('submission.reply.heading'))}${renderForm({
        id: 'reply',
        action: p(`/submissions/${request.params.token}/reply`),
        csrfToken: reply.generateCsrf(),
        locale,
        problems,
        submitLabel: t('submission.reply.submit'),
        fields: [
          { name: 'note', type: 'textarea', value: typeof replyValues.note === 'string' ? replyValues.note : '', maxLength: 2000, required: true, label: t('submission.reply.note') },
          { name: 'description', type: 'textarea', value: typeof replyValues.description === 'string' ? replyValues.description : s.description, maxLength: 1000 },
          { name: 'websiteUrl', type: 'url', value: typeof replyValues.websiteUrl === 'string' ? replyValues.websiteUrl : (s.website_url ?? ''), maxLength: 2000 },
        ],
      })}`
    : ''
}
${heading(2, t('submission.what'))}
${dataList([
  { key: t('field.name'), value: s.name },
  { key: t('field.description'), value: html`<span class="citydeal-prewrap">${s.description}</span>` },
  ...(s.website_url ? [{ key: t('field.websiteUrl'), value: s.website_url }] : []),
  ...(s.kind === 'addition' && tool && toolName ? [{ key: t('submission.additionTo'), value: link(p(`/tools/${tool.slug}`), toolName) }] : []),
  ...(s.owner_name ? [{ key: t('field.ownerName'), value: s.owner_name }] : []),
  ...(s.form && ctx.reference.formsByCode.has(s.form) ? [{ key: t('field.form'), value: locale === 'nl' ? ctx.reference.formsByCode.get(s.form)!.name_nl : ctx.reference.formsByCode.get(s.form)!.name_en }] : []),
  ...(s.category ? [{ key: t('field.category'), value: label(locale, 'category', s.category) }] : []),
  ...(s.note ? [{ key: t('field.note'), value: html`<span class="citydeal-prewrap">${s.note}</span>` }] : []),
])}
${heading(2, t('submission.timeline'))}
${unorderedList(
  events.map(
    (e) => html`<time datetime="${new Date(e.occurred_at).toISOString()}">${date(e.occurred_at)}</time>: ${t(`submission.event.${e.event}` as MessageKey)}${
      e.message ? html`<br><span class="citydeal-prewrap">${e.message}</span>` : ''
    }`,
  ),
)}
${paragraph(t('submission.keepLink'))}`
      return simplePage(
        pageContext(request, ctx.config.PUBLIC_URL),
        { title: t('submission.title', { name: s.name }), flash: flashFrom(request.query, { submitted: 'submission.received', replied: 'submission.replied' }) },
        content,
      )
    }

    app.get<{ Params: { token: string } }>(p('/submissions/:token'), async (request, reply) => {
      // The address is the key to the submission: never cached, never sent on as a Referer.
      reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer')
      return send(reply, await trackingPage(request, reply))
    })

    app.post<{ Params: { token: string } }>(p('/submissions/:token/reply'), rateLimit(ctx.config, 'forms'), async (request, reply) => {
      const values = formValues(request.body)
      try {
        const input = validateInput(ReplySchema, request.body)
        await ctx.submissions.reply(request.params.token, input)
        return reply.redirect(`${p(`/submissions/${request.params.token}`)}?done=replied`, 303)
      } catch (error) {
        if (error instanceof ValidationError) {
          // No question open any more: the form is gone, so say so rather than show problems with nothing to fix.
          const { submission } = await ctx.submissions.track(request.params.token)
          if (submission.status !== 'needs_info') return send(reply, await trackingPage(request, reply, values, [], true), 409)
          return send(reply, await trackingPage(request, reply, values, error.details), 400)
        }
        if (error instanceof ConflictError) return send(reply, await trackingPage(request, reply, values, [], true), 409)
        throw error
      }
    })
  }
}
