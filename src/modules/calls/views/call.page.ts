import type { AppError, FieldProblem } from '../../../errors.ts'
import { label, localePath, translate, translator } from '../../../i18n/i18n.ts'
import type { MessageKey } from '../../../i18n/messages.ts'
import { alert, button, dataList, heading, link, paragraph } from '../../../views/components/index.ts'
import { errorSummary, postForm, renderFields, str, type FormValues } from '../../../views/form.ts'
import { callNeeds } from '../../../views/call-needs.ts'
import { formatDate } from '../../../views/format.ts'
import { html, type SafeHtml } from '../../../views/html.ts'
import type { PageContext } from '../../../views/layout.ts'
import { localizedText } from '../../../views/localized.ts'
import { simplePage } from '../../../views/simple.page.ts'
import { organisationDatalist, type PickerEntry } from '../../organisations/views/organisation.picker.ts'
import { localized } from '../../tools/tools.presenter.ts'
import { CALL_LIMITS as L } from '../calls.schemas.ts'
import type { CallsService } from '../calls.service.ts'

type Loaded = Awaited<ReturnType<CallsService['load']>>

export interface CallPageModel extends Loaded {
  /** What was typed in the form that was refused (which form: `form`). */
  values: FormValues
  /** Which form the refused post came from. */
  form?: 'answer' | 'manage' | undefined
  refusal?: AppError | undefined
  flash?: MessageKey | undefined
  /** The municipalities the public form chooses from. */
  municipalities: PickerEntry[]
  csrfToken: string
}

/** The manage form as the open call is now (empty, three municipalities, for a new one). */
export function callValues(loaded: Loaded): FormValues {
  const c = loaded.call
  return {
    askedNl: c?.asked_nl ?? '',
    askedEn: c?.asked_en ?? '',
    effortNl: c?.effort_nl ?? '',
    effortEn: c?.effort_en ?? '',
    opensOn: c?.opens_on ?? '',
    closesOn: c?.closes_on ?? '',
    municipalitiesNeeded: String(c?.municipalities_needed ?? 3),
    ...(c ? { version: String(c.version) } : {}),
  }
}

/** /tools/{slug}/call: a tool's call for test municipalities; members and visitors answer it, owners manage it. */
export function callPage(ctx: PageContext, model: CallPageModel): string {
  const { locale } = ctx
  const t = translator(locale)
  const { tool, call } = model
  const name = (locale === 'en' ? (tool.name_en ?? tool.name_nl) : (tool.name_nl ?? tool.name_en)) ?? tool.slug
  const base = localePath(locale, `/tools/${tool.slug}/call`)
  const date = (d: Date | string) => formatDate(locale, d)
  const problemsOf = (form: 'answer' | 'manage'): FieldProblem[] => (model.form === form ? (model.refusal?.details ?? []) : [])
  const valuesOf = (form: 'answer' | 'manage', fallback: FormValues) => (model.form === form ? model.values : fallback)
  // A refusal whose problems a form shows beside its fields is said there; any other (a call closed meanwhile, an
  // answer decided already) is said above everything.
  let shownInForm = false
  const problemsShown = (problems: FieldProblem[]) => {
    if (problems.length > 0) shownInForm = true
    return problems
  }

  const details = call
    ? html`${dataList([
        { key: t('calls.asked'), value: localizedText(localized(call.asked_nl, call.asked_en, locale), locale, '–') },
        { key: t('calls.effort'), value: localizedText(localized(call.effort_nl, call.effort_en, locale), locale, t('tool.notRecorded')) },
        { key: t('calls.period'), value: call.closes_on ? t('calls.periodUntil', { from: date(call.opens_on), until: date(call.closes_on) }) : t('calls.periodOpen', { from: date(call.opens_on) }) },
        { key: t('calls.wanted'), value: html`${callNeeds(locale, { stillNeeded: call.stillNeeded, closesOn: call.closes_on })} <span class="citydeal-meta">(${t('calls.acceptedOf', { accepted: call.accepted, needed: call.municipalities_needed })})</span>` },
      ])}`
    : paragraph(t('calls.noneForTool'))

  // Answering: a member for their municipality in one step; a visitor through the public form.
  let answer: SafeHtml | string = ''
  if (call) {
    const member = model.member
    if (member?.answer) {
      answer = alert('info', paragraph(t(`calls.yourAnswer.${member.answer.status}`, { municipality: member.name, date: date(member.answer.created_at) })))
    } else if (member?.isMunicipality) {
      const problems = problemsShown(problemsOf('answer'))
      answer = html`${heading(2, t('calls.answerHeading'))}
${errorSummary({ id: 'answer', problems, locale })}
${postForm(
  { action: `${base}/answer`, csrfToken: model.csrfToken, className: 'citydeal-form' },
  html`${renderFields({ id: 'answer', problems, locale, fields: [{ name: 'note', type: 'textarea', value: str(valuesOf('answer', {}), 'note') ?? '', maxLength: L.note, rows: 4, hint: t('calls.hint.note') }] })}
<p class="utrecht-paragraph">${button(t('calls.answerAs', { municipality: member.name }))}</p>`,
)}`
    } else if (member && !model.manage) {
      answer = paragraph(t('calls.onlyMunicipalities', { organisation: member.name }))
    } else if (!member && !model.manage) {
      const problems = problemsShown(problemsOf('answer'))
      const v = valuesOf('answer', {})
      answer = html`${heading(2, t('calls.answerHeading'))}
${paragraph(t('calls.publicIntro'))}
${errorSummary({ id: 'answer', problems, locale })}
${postForm(
  { action: `${base}/answer`, csrfToken: model.csrfToken, className: 'citydeal-form' },
  html`${renderFields({
    id: 'answer',
    problems,
    locale,
    fields: [
      { name: 'name', type: 'text', value: str(v, 'name') ?? '', maxLength: L.name, autocomplete: 'name', required: true, label: t('calls.field.name') },
      { name: 'municipality', type: 'text', value: str(v, 'municipality') ?? '', maxLength: L.municipality, required: true, list: 'call-municipalities', label: t('calls.field.municipality'), hint: t('calls.hint.municipality') },
      { name: 'email', type: 'email', value: str(v, 'email') ?? '', maxLength: L.email, autocomplete: 'email', required: true, label: t('calls.field.email'), hint: t('calls.hint.email') },
      { name: 'note', type: 'textarea', value: str(v, 'note') ?? '', maxLength: L.note, rows: 4, hint: t('calls.hint.note') },
    ],
  })}
${organisationDatalist('call-municipalities', locale, model.municipalities)}
<div class="citydeal-hp"><label for="answer-homepage">${t('share.honeypot')}</label><input type="text" id="answer-homepage" name="homepage" tabindex="-1" autocomplete="off"></div>
<p class="utrecht-paragraph">${button(t('calls.answerPublic'))}</p>`,
)}`
    }
  }

  const manage = model.manage ? manageSection(ctx, model, base, problemsShown(problemsOf('manage')), valuesOf('manage', callValues(model))) : ''
  const refusal =
    model.refusal && !shownInForm ? alert('error', paragraph(translate(locale, model.refusal.messageKey, model.refusal.params)), { role: 'alert' }) : ''
  const content = html`${paragraph(link(localePath(locale, `/tools/${tool.slug}`), t('adoption.back')))}
${refusal}
${details}
${answer}
${manage}
${paragraph(link(localePath(locale, '/calls'), t('calls.allCalls')))}`
  return simplePage(ctx, { title: t('calls.pageTitle', { name }), flash: model.flash, section: 'tools' }, content)
}

/** For the tool's owners and the curators: the answers with their contact, to accept or decline; the call's own form. */
function manageSection(ctx: PageContext, model: CallPageModel, base: string, problems: FieldProblem[], values: FormValues): SafeHtml {
  const { locale } = ctx
  const t = translator(locale)
  const v = (field: string) => str(values, field) ?? ''
  const answers = model.call
    ? html`${heading(2, t('calls.answers'))}
${
  model.answers.length === 0
    ? paragraph(t('calls.noAnswers'))
    : html`<ul class="utrecht-unordered-list citydeal-spaced-list citydeal-requests">${model.answers.map((a) => {
        const who = a.source === 'member' ? `${a.member_name ?? ''} <${a.member_email ?? ''}>` : `${a.contact_name ?? ''} <${a.contact_email ?? ''}>`
        return html`<li class="utrecht-unordered-list__item"><strong>${a.municipality_name}</strong> – ${label(locale, 'answerStatus', a.status)}
<span class="citydeal-note citydeal-meta">${t(a.source === 'member' ? 'calls.answeredByMember' : 'calls.answeredPublicly', { date: formatDate(locale, a.created_at), who })}</span>${
          a.note ? html`<span class="citydeal-note">${a.note}</span>` : ''
        }${
          a.status === 'open'
            ? html`<div class="citydeal-request-actions">${postForm({ action: `${base}/answers/${a.id}`, csrfToken: model.csrfToken, className: 'citydeal-inline-form', hidden: { decision: 'accept' } }, button(t('calls.accept', { municipality: a.municipality_name })))}
${postForm({ action: `${base}/answers/${a.id}`, csrfToken: model.csrfToken, className: 'citydeal-inline-form', hidden: { decision: 'decline' } }, button(t('calls.decline', { municipality: a.municipality_name }), { secondary: true }))}</div>`
            : ''
        }</li>`
      })}</ul>`
}`
    : ''
  if (!model.callable && !model.call) return html`${answers}${paragraph(t('calls.notCallable', { status: label(locale, 'status', model.tool.status) }))}`
  const form = html`${heading(2, model.call ? t('calls.changeHeading') : t('calls.openHeading'))}
${errorSummary({ id: 'call', problems, locale })}
${postForm(
  { action: base, csrfToken: model.csrfToken, className: 'citydeal-form', hidden: v('version') ? { version: v('version') } : {} },
  html`${renderFields({
    id: 'call',
    problems,
    locale,
    fields: [
      { name: 'askedNl', type: 'textarea', value: v('askedNl'), maxLength: L.asked, rows: 4, label: t('field.askedNl'), hint: t('calls.hint.asked') },
      { name: 'askedEn', type: 'textarea', value: v('askedEn'), maxLength: L.asked, rows: 4, label: t('field.askedEn') },
      { name: 'effortNl', type: 'textarea', value: v('effortNl'), maxLength: L.effort, rows: 2, label: t('field.effortNl'), hint: t('calls.hint.effort') },
      { name: 'effortEn', type: 'textarea', value: v('effortEn'), maxLength: L.effort, rows: 2, label: t('field.effortEn') },
      { name: 'opensOn', type: 'date', value: v('opensOn'), label: t('field.opensOn'), hint: t('calls.hint.opensOn') },
      { name: 'closesOn', type: 'date', value: v('closesOn'), label: t('field.closesOn'), hint: t('calls.hint.closesOn') },
      { name: 'municipalitiesNeeded', type: 'text', value: v('municipalitiesNeeded'), maxLength: 2, label: t('field.municipalitiesNeeded'), hint: t('calls.hint.needed') },
    ],
  })}
<p class="utrecht-paragraph">${button(model.call ? t('calls.save') : t('calls.open'))}</p>`,
)}
${model.call ? postForm({ action: `${base}/close`, csrfToken: model.csrfToken, className: 'citydeal-inline-form', hidden: { version: String(model.call.version) } }, button(t('calls.close'), { secondary: true })) : ''}`
  return html`${answers}${form}`
}
