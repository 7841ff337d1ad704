import type { SubmissionEventsTable } from '../../../db/schema.ts'
import type { FieldProblem } from '../../../errors.ts'
import { label, localePath, translator } from '../../../i18n/i18n.ts'
import type { MessageKey } from '../../../i18n/messages.ts'
import { alert, dataList, heading, link, paragraph, unorderedList } from '../../../views/components/index.ts'
import { renderForm, str, type FormValues } from '../../../views/form.ts'
import { formatDate } from '../../../views/format.ts'
import { html } from '../../../views/html.ts'
import type { PageContext } from '../../../views/layout.ts'
import { simplePage } from '../../../views/simple.page.ts'
import type { ReferenceData } from '../../reference/reference.service.ts'
import { DESCRIPTION_MAX, NOTE_MAX, URL_MAX } from '../submissions.schemas.ts'
import type { SubmissionRow } from '../submissions.service.ts'
import { eventText, submitterStatusBadge } from './submission.components.ts'

export interface TrackingPageModel {
  token: string
  submission: SubmissionRow
  events: { occurred_at: Date | string; event: SubmissionEventsTable['event']; message: string | null }[]
  tool: { slug: string; name_nl: string | null; name_en: string | null } | undefined
  csrfToken: string
  flash?: MessageKey | undefined
  /** A refused answer: what was typed and what is wrong, or that no question is open any more. */
  reply?: { values: FormValues; problems: FieldProblem[]; conflict: boolean } | undefined
}

/** /submissions/{token}: the submitter's private page, with the status, the question to answer and the timeline. */
export function trackingPage(ctx: PageContext, reference: ReferenceData, model: TrackingPageModel): string {
  const { locale } = ctx
  const t = translator(locale)
  const p = (path: string) => localePath(locale, path)
  const { submission: s, tool } = model
  const toolName = tool ? (locale === 'en' ? (tool.name_en ?? tool.name_nl) : (tool.name_nl ?? tool.name_en)) : undefined
  const typed = model.reply?.values ?? {}
  const date = (value: Date | string) => formatDate(locale, value, { time: true })
  const form = s.form ? reference.formsByCode.get(s.form) : undefined

  const content = html`${model.reply?.conflict ? alert('error', t('submission.reply.notAsked'), { role: 'alert' }) : ''}
${paragraph(html`${submitterStatusBadge(locale, s.status)} ${t(`submission.status.${s.status}.explanation` as const)}`, { lead: true })}
${s.status === 'needs_info' && s.curator_message ? alert('warning', html`${heading(2, t('submission.question'))}<p class="utrecht-paragraph citydeal-prewrap">${s.curator_message}</p>`) : ''}
${s.status === 'rejected' && s.curator_message ? alert('info', html`${heading(2, t('submission.reason'))}<p class="utrecht-paragraph citydeal-prewrap">${s.curator_message}</p>`) : ''}
${tool && toolName && (s.status === 'published' || s.status === 'merged') ? paragraph(html`${t('submission.seeTool')} ${link(p(`/tools/${tool.slug}`), toolName)}`) : ''}
${
  s.status === 'needs_info'
    ? html`${heading(2, t('submission.reply.heading'))}${renderForm({
        id: 'reply',
        action: p(`/submissions/${model.token}/reply`),
        csrfToken: model.csrfToken,
        locale,
        problems: model.reply?.problems ?? [],
        submitLabel: t('submission.reply.submit'),
        fields: [
          { name: 'note', type: 'textarea', value: str(typed, 'note') ?? '', maxLength: NOTE_MAX, required: true, label: t('submission.reply.note') },
          { name: 'description', type: 'textarea', value: str(typed, 'description') ?? s.description, maxLength: DESCRIPTION_MAX },
          { name: 'websiteUrl', type: 'url', value: str(typed, 'websiteUrl') ?? s.website_url ?? '', maxLength: URL_MAX },
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
  ...(form ? [{ key: t('field.form'), value: locale === 'nl' ? form.name_nl : form.name_en }] : []),
  ...(s.category ? [{ key: t('field.category'), value: label(locale, 'category', s.category) }] : []),
  ...(s.note ? [{ key: t('field.note'), value: html`<span class="citydeal-prewrap">${s.note}</span>` }] : []),
])}
${heading(2, t('submission.timeline'))}
${unorderedList(
  model.events.map(
    (e) => html`<time datetime="${new Date(e.occurred_at).toISOString()}">${date(e.occurred_at)}</time>: ${eventText(locale, e.event)}${
      e.message ? html`<br><span class="citydeal-prewrap">${e.message}</span>` : ''
    }`,
  ),
)}
${paragraph(t('submission.keepLink'))}`
  return simplePage(ctx, { title: t('submission.title', { name: s.name }), flash: model.flash }, content)
}
