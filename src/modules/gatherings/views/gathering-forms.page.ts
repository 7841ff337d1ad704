import type { FieldProblem } from '../../../errors.ts'
import { localePath, translator } from '../../../i18n/i18n.ts'
import type { Locale } from '../../../i18n/messages.ts'
import { amsterdamParts } from '../../../lib/amsterdam-time.ts'
import { button, heading, link, paragraph, select, textbox, formField } from '../../../views/components/index.ts'
import { errorSummary, postForm, renderForm, renderFields, str, list, type FormValues } from '../../../views/form.ts'
import { html } from '../../../views/html.ts'
import { layout, type PageContext } from '../../../views/layout.ts'
import { EMPTY_ROWS, GATHERING_LIMITS } from '../gatherings.schemas.ts'
import type { GatheringsService } from '../gatherings.service.ts'
import { gatheringTitle } from '../gatherings.service.ts'

type Gathering = Awaited<ReturnType<GatheringsService['find']>>
type Agenda = Awaited<ReturnType<GatheringsService['agenda']>>
type Documents = Awaited<ReturnType<GatheringsService['documents']>>

interface FormModel {
  csrfToken: string
  values: FormValues
  problems: FieldProblem[]
}

/** What the gathering form shows for a saved gathering: its Dutch date and times. */
export function gatheringValues(g: Gathering): FormValues {
  const start = amsterdamParts(new Date(g.starts_at))
  return { titleNl: g.title_nl, titleEn: g.title_en, date: start.date, startTime: start.time, endTime: amsterdamParts(new Date(g.ends_at)).time, place: g.place ?? '', onlineUrl: g.online_url ?? '', version: String(g.version) }
}

const back = (locale: Locale, g: Gathering) => paragraph(link(localePath(locale, `/gatherings/${g.slug}`), translator(locale)('gatherings.backTo', { title: gatheringTitle(g, locale) })))

/** /gatherings/new and /gatherings/{slug}/edit: title in both languages, Dutch date and times, place or link. */
export function gatheringFormPage(ctx: PageContext, model: FormModel & { gathering?: Gathering }): string {
  const { locale } = ctx
  const t = translator(locale)
  const g = model.gathering
  const v = (name: string) => str(model.values, name) ?? ''
  const title = g ? t('gatherings.edit.title', { title: gatheringTitle(g, locale) }) : t('gatherings.new.title')
  const main = html`${heading(1, title)}
${paragraph(t('gatherings.form.intro'))}
${renderForm({
  id: 'gathering',
  action: localePath(locale, g ? `/gatherings/${g.slug}` : '/gatherings'),
  csrfToken: model.csrfToken,
  locale,
  problems: model.problems,
  submitLabel: g ? t('gatherings.edit.submit') : t('gatherings.new.submit'),
  fields: [
    { name: 'titleNl', type: 'text', value: v('titleNl'), maxLength: GATHERING_LIMITS.title, required: true, label: t('gatherings.field.titleNl') },
    { name: 'titleEn', type: 'text', value: v('titleEn'), maxLength: GATHERING_LIMITS.title, required: true, label: t('gatherings.field.titleEn') },
    { name: 'date', type: 'date', value: v('date'), required: true, label: t('gatherings.field.date') },
    { name: 'startTime', type: 'text', value: v('startTime'), maxLength: 5, required: true, label: t('gatherings.field.startTime'), hint: t('gatherings.field.timeHint') },
    { name: 'endTime', type: 'text', value: v('endTime'), maxLength: 5, required: true, label: t('gatherings.field.endTime'), hint: t('gatherings.field.timeHint') },
    { name: 'place', type: 'text', value: v('place'), maxLength: GATHERING_LIMITS.place, label: t('gatherings.field.place'), hint: t('gatherings.field.placeHint') },
    { name: 'onlineUrl', type: 'url', value: v('onlineUrl'), maxLength: GATHERING_LIMITS.onlineUrl, label: t('gatherings.field.onlineUrl') },
    ...(g ? [{ name: 'version', type: 'hidden' as const, value: v('version') }] : []),
  ],
})}
${g ? back(locale, g) : paragraph(link(localePath(locale, '/gatherings'), t('gatherings.back')))}`
  return layout(ctx, { title, section: 'tools', canonical: g ? `/gatherings/${g.slug}/edit` : '/gatherings/new' }, main)
}

/** The agenda rows of a saved agenda, for the form. */
export function agendaValues(agenda: Agenda): FormValues {
  const values: FormValues = {}
  agenda.forEach((item, i) => {
    values[`item-${i}-nl`] = item.title_nl
    values[`item-${i}-en`] = item.title_en
    values[`item-${i}-level`] = item.parent_id === null ? 'main' : 'sub'
    if (item.proposal_id !== null) values[`item-${i}-proposal`] = String(item.proposal_id)
  })
  return values
}

/** Rows as typed or saved, then EMPTY_ROWS empty ones: the form needs no JavaScript to add items. */
function rowCount(values: FormValues, prefix: string) {
  let max = -1
  for (const key of Object.keys(values)) {
    const match = new RegExp(`^${prefix}-(\\d{1,3})-`).exec(key)
    if (match) max = Math.max(max, Number(match[1]))
  }
  return max + 1 + EMPTY_ROWS
}

/** /gatherings/{slug}/agenda: the agenda in order, one row per item; a sub-item belongs to the main item above it. */
export function agendaFormPage(ctx: PageContext, model: FormModel & { gathering: Gathering }): string {
  const { locale } = ctx
  const t = translator(locale)
  const g = model.gathering
  const problems = new Map(model.problems.map((p) => [p.name, t(p.messageKey, p.params)]))
  const rows = Array.from({ length: rowCount(model.values, 'item') }, (_, i) => {
    const id = (field: string) => `agenda-item-${i}-${field}`
    const proposal = str(model.values, `item-${i}-proposal`)
    const level = str(model.values, `item-${i}-level`) ?? 'main'
    const error = (field: string) => problems.get(`item-${i}-${field}`)
    const err = (field: string) => (error(field) ? { id: `${id(field)}-error`, text: error(field) ?? '' } : undefined)
    return html`<fieldset class="utrecht-form-fieldset citydeal-row"><legend class="utrecht-form-fieldset__legend">${t('gatherings.agenda.row', { n: i + 1 })}${proposal ? html` (${t('gatherings.agenda.decisionItem')})` : ''}</legend>
${proposal ? html`<input type="hidden" name="item-${i}-proposal" value="${proposal}">` : ''}
${formField(id('nl'), t('gatherings.field.itemNl'), textbox({ id: id('nl'), name: `item-${i}-nl`, value: str(model.values, `item-${i}-nl`) ?? '', maxLength: GATHERING_LIMITS.agendaTitle, invalid: !!error('nl'), describedBy: error('nl') ? `${id('nl')}-error` : undefined }), undefined, err('nl'))}
${formField(id('en'), t('gatherings.field.itemEn'), textbox({ id: id('en'), name: `item-${i}-en`, value: str(model.values, `item-${i}-en`) ?? '', maxLength: GATHERING_LIMITS.agendaTitle, invalid: !!error('en'), describedBy: error('en') ? `${id('en')}-error` : undefined }), undefined, err('en'))}
${formField(id('level'), t('gatherings.field.level'), select({ id: id('level'), name: `item-${i}-level`, invalid: !!error('level'), describedBy: error('level') ? `${id('level')}-error` : undefined, options: [{ value: 'main', label: t('gatherings.level.main'), selected: level === 'main' }, { value: 'sub', label: t('gatherings.level.sub'), selected: level === 'sub' }] }), undefined, err('level'))}
</fieldset>`
  })
  const title = t('gatherings.agenda.formTitle', { title: gatheringTitle(g, locale) })
  const main = html`${heading(1, title)}
${paragraph(t('gatherings.agenda.formIntro'))}
${errorSummary({ id: 'agenda', problems: model.problems, locale, labelFor: (name) => (/-level$/.test(name) ? t('gatherings.field.level') : /-en$/.test(name) ? t('gatherings.field.itemEn') : t('gatherings.field.itemNl')) })}
${postForm({ action: localePath(locale, `/gatherings/${g.slug}/agenda`), csrfToken: model.csrfToken, className: 'citydeal-form' }, html`${rows}<p class="utrecht-paragraph">${button(t('gatherings.agenda.submit'))}</p>`)}
${back(locale, g)}`
  return layout(ctx, { title, section: 'tools', canonical: `/gatherings/${g.slug}/agenda` }, main)
}

export function documentValues(documents: Documents): FormValues {
  const values: FormValues = {}
  documents.forEach((d, i) => {
    values[`doc-${i}-title`] = d.title
    values[`doc-${i}-url`] = d.url
  })
  return values
}

/** /gatherings/{slug}/documents: a title and a web address per row. */
export function documentsFormPage(ctx: PageContext, model: FormModel & { gathering: Gathering }): string {
  const { locale } = ctx
  const t = translator(locale)
  const g = model.gathering
  const fields = Array.from({ length: rowCount(model.values, 'doc') }, (_, i) => [
    { name: `doc-${i}-title`, type: 'text' as const, value: str(model.values, `doc-${i}-title`) ?? '', maxLength: GATHERING_LIMITS.documentTitle, label: t('gatherings.field.documentTitle', { n: i + 1 }) },
    { name: `doc-${i}-url`, type: 'url' as const, value: str(model.values, `doc-${i}-url`) ?? '', maxLength: GATHERING_LIMITS.documentUrl, label: t('gatherings.field.documentUrl', { n: i + 1 }) },
  ]).flat()
  const title = t('gatherings.documents.formTitle', { title: gatheringTitle(g, locale) })
  const main = html`${heading(1, title)}
${paragraph(t('gatherings.documents.formIntro'))}
${errorSummary({ id: 'documents', problems: model.problems, locale, labelFor: (name) => fields.find((f) => f.name === name)?.label })}
${postForm({ action: localePath(locale, `/gatherings/${g.slug}/documents`), csrfToken: model.csrfToken, className: 'citydeal-form' }, html`${renderFields({ id: 'documents', fields, problems: model.problems, locale })}<p class="utrecht-paragraph">${button(t('gatherings.documents.submit'))}</p>`)}
${back(locale, g)}`
  return layout(ctx, { title, section: 'tools', canonical: `/gatherings/${g.slug}/documents` }, main)
}

/** /gatherings/{slug}/minutes: the minutes in Dutch and English, and the partner organisations that were there. */
export function minutesFormPage(ctx: PageContext, model: FormModel & { gathering: Gathering; partners: { id: number; name: string }[] }): string {
  const { locale } = ctx
  const t = translator(locale)
  const g = model.gathering
  const title = t('gatherings.minutes.formTitle', { title: gatheringTitle(g, locale) })
  const main = html`${heading(1, title)}
${renderForm({
  id: 'minutes',
  action: localePath(locale, `/gatherings/${g.slug}/minutes`),
  csrfToken: model.csrfToken,
  locale,
  problems: model.problems,
  submitLabel: t('gatherings.minutes.submit'),
  fields: [
    { name: 'minutesNl', type: 'textarea', rows: 10, maxLength: GATHERING_LIMITS.minutes, value: str(model.values, 'minutesNl') ?? '', label: t('gatherings.field.minutesNl'), hint: t('gatherings.field.minutesHint') },
    { name: 'minutesEn', type: 'textarea', rows: 10, maxLength: GATHERING_LIMITS.minutes, value: str(model.values, 'minutesEn') ?? '', label: t('gatherings.field.minutesEn') },
    { name: 'attendance', type: 'checkboxes', values: list(model.values, 'attendance'), label: t('gatherings.field.attendance'), hint: t('gatherings.field.attendanceHint'), options: model.partners.map((p) => ({ value: String(p.id), label: p.name })) },
  ],
})}
${back(locale, g)}`
  return layout(ctx, { title, section: 'tools', canonical: `/gatherings/${g.slug}/minutes` }, main)
}
