import type { AppError, FieldProblem } from '../../../errors.ts'
import { label, localePath, translate, translator } from '../../../i18n/i18n.ts'
import type { MessageKey } from '../../../i18n/messages.ts'
import { alert, button, heading, link, paragraph } from '../../../views/components/index.ts'
import { errorSummary, postForm, renderFields, str, type FormValues } from '../../../views/form.ts'
import { formatDate } from '../../../views/format.ts'
import { html } from '../../../views/html.ts'
import type { PageContext } from '../../../views/layout.ts'
import { simplePage } from '../../../views/simple.page.ts'
import { INVOLVEMENTS } from '../../tools/tools.constants.ts'
import { initiativeStatement } from '../../tools/views/initiative.ts'
import { NOTE_MAX_LENGTH } from '../involvement.schemas.ts'
import type { InvolvementService } from '../involvement.service.ts'

type Loaded = Awaited<ReturnType<InvolvementService['load']>>

export interface InvolvementPageModel extends Loaded {
  values: FormValues
  /** A refused request or decision: its problems per field, or (none) the refusal itself. */
  refusal?: AppError | undefined
  flash?: MessageKey | undefined
  csrfToken: string
}

const capitalised = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1)

/** /tools/{slug}/involvement: a partner asks to be involved in an initiative of others; curators and the organiser decide. */
export function involvementPage(ctx: PageContext, model: InvolvementPageModel): string {
  const { locale } = ctx
  const t = translator(locale)
  const { tool } = model
  const name = (locale === 'en' ? (tool.name_en ?? tool.name_nl) : (tool.name_nl ?? tool.name_en)) ?? tool.slug
  const base = localePath(locale, `/tools/${tool.slug}/involvement`)
  const problems: FieldProblem[] = model.refusal?.details ?? []
  const statement = initiativeStatement(
    locale,
    model.organisations.map((o) => ({ slug: o.organisation_slug, name: o.organisation_name, role: o.role, involvement: o.involvement })),
  )

  // The form shows its own problems; any other refusal (a request open already, a request decided meanwhile) is said above.
  const showForm = !!model.own && !model.ownOpen && (!model.cannotAsk || problems.length > 0)
  const refusal =
    model.refusal && (problems.length === 0 || !showForm)
      ? alert('error', paragraph(problems.length > 0 ? problems.map((p) => translate(locale, p.messageKey, p.params)).join(' ') : translate(locale, model.refusal.messageKey, model.refusal.params)), { role: 'alert' })
      : ''
  let ask: ReturnType<typeof html> | string = ''
  if (model.own && model.ownOpen) {
    const open = model.ownOpen
    ask = alert('info', paragraph(t('involvementRequest.openSince', { organisation: model.own.name, date: formatDate(locale, open.created_at), involvement: label(locale, 'involvement', open.involvement) })))
  } else if (model.own && showForm) {
    ask = html`${heading(2, t('involvementRequest.askHeading', { organisation: model.own.name }))}
${errorSummary({ id: 'involvement', problems, locale })}
${postForm(
  { action: base, csrfToken: model.csrfToken, className: 'citydeal-form' },
  html`${renderFields({
    id: 'involvement',
    problems,
    locale,
    fields: [
      {
        name: 'involvement',
        type: 'select',
        value: str(model.values, 'involvement') ?? '',
        options: [{ value: '', label: t('lifecycle.create.choose') }, ...INVOLVEMENTS.map((i) => ({ value: i, label: capitalised(label(locale, 'involvement', i)) }))],
        hint: t('involvementRequest.hint.involvement'),
      },
      { name: 'note', type: 'textarea', value: str(model.values, 'note') ?? '', maxLength: NOTE_MAX_LENGTH, rows: 4, hint: t('involvementRequest.hint.note') },
    ],
  })}
<p class="utrecht-paragraph">${button(t('involvementRequest.submit'))}</p>`,
)}`
  } else if (model.cannotAsk && !(model.mayDecide && !model.own)) {
    ask = paragraph(translate(locale, model.cannotAsk.messageKey, model.cannotAsk.params))
  }

  const requests = model.mayDecide
    ? html`${heading(2, t('involvementRequest.pending'))}
${
  model.requests.length === 0
    ? paragraph(t('involvementRequest.none'))
    : html`<ul class="utrecht-unordered-list citydeal-spaced-list citydeal-requests">${model.requests.map(
        (r) => html`<li class="utrecht-unordered-list__item">${t('involvementRequest.entry', { organisation: r.organisation_name, date: formatDate(locale, r.created_at), involvement: label(locale, 'involvement', r.involvement) })}${
          r.note ? html`<span class="citydeal-note">${r.note}</span>` : ''
        }
<div class="citydeal-request-actions">${postForm({ action: `${base}/${r.id}/decide`, csrfToken: model.csrfToken, className: 'citydeal-inline-form', hidden: { decision: 'accept' } }, button(t('involvementRequest.accept', { organisation: r.organisation_name })))}
${postForm({ action: `${base}/${r.id}/decide`, csrfToken: model.csrfToken, className: 'citydeal-inline-form', hidden: { decision: 'decline' } }, button(t('involvementRequest.decline', { organisation: r.organisation_name }), { secondary: true }))}</div></li>`,
      )}</ul>`
}`
    : ''

  const content = html`${paragraph(link(localePath(locale, `/tools/${tool.slug}`), t('adoption.back')))}
${statement}
${refusal}
${ask}
${requests}`
  return simplePage(ctx, { title: t('involvementRequest.title', { name }), intro: t('involvementRequest.intro'), flash: model.flash, section: 'tools' }, content)
}
