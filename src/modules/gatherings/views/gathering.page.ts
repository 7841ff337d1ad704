import type { AppError, FieldProblem } from '../../../errors.ts'
import { localePath, translator } from '../../../i18n/i18n.ts'
import type { Locale, MessageKey } from '../../../i18n/messages.ts'
import { alert, button, checkboxField, dataList, fieldset, heading, link, paragraph, table, unorderedList } from '../../../views/components/index.ts'
import { errorSummary, postForm, renderForm, str, type FormValues } from '../../../views/form.ts'
import { html, type SafeHtml } from '../../../views/html.ts'
import { layout, type PageContext } from '../../../views/layout.ts'
import { refusalAlert } from '../../admin/views/admin.format.ts'
import { DEFAULT_QUORUM_PERCENT } from '../../decisions/decisions.schemas.ts'
import { outcomeBadge } from '../../decisions/views/decisions.page.ts'
import { proposalStatusBadge } from '../../proposals/views/proposal.components.ts'
import type { GatheringsService } from '../gatherings.service.ts'
import { gatheringTitle, isPast } from '../gatherings.service.ts'
import { whenText } from './gathering.components.ts'

type Loaded = Awaited<ReturnType<GatheringsService['load']>>

export interface GatheringPageModel extends Loaded {
  signedIn: boolean
  csrfToken?: string | undefined
  flash?: MessageKey | undefined
  /** A refused post on this page: which form, what was typed, why. */
  refused?: { form: 'register' | 'put' | 'vote'; item?: number; values: FormValues; problems: FieldProblem[]; error?: AppError | undefined } | undefined
}

type Item = Loaded['agenda'][number]

/** The agenda as an ordered list; sub-items in a list inside their main item. */
function agendaList(locale: Locale, model: GatheringPageModel, itemContent: (item: Item) => SafeHtml): SafeHtml {
  const mains = model.agenda.filter((i) => i.parent_id === null)
  if (mains.length === 0) return paragraph(translator(locale)('gatherings.agenda.none'))
  return html`<ol class="citydeal-agenda">${mains.map((m) => {
    const subs = model.agenda.filter((i) => i.parent_id === m.id)
    return html`<li>${itemContent(m)}${subs.length > 0 ? html`<ol class="citydeal-agenda__sub">${subs.map((s) => html`<li>${itemContent(s)}</li>`)}</ol>` : ''}</li>`
  })}</ol>`
}

/** /gatherings/{slug}: when and where, the agenda with its decision items, documents, who attends; minutes after. */
export function gatheringPage(ctx: PageContext, model: GatheringPageModel): string {
  const { locale } = ctx
  const t = translator(locale)
  const g = model.gathering
  const past = isPast(g)
  const refused = model.refused
  const other: Locale = locale === 'nl' ? 'en' : 'nl'

  const details = dataList([
    { key: t('gatherings.col.when'), value: html`${whenText(locale, g)} ${html`<span class="citydeal-meta">${t('gatherings.dutchTime')}</span>`}` },
    ...(g.place ? [{ key: t('gatherings.col.where'), value: g.place }] : []),
    ...(g.online_url ? [{ key: t('gatherings.onlineLink'), value: link(g.online_url, g.online_url) }] : []),
    { key: t('gatherings.calendar'), value: link(localePath(locale, `/gatherings/${g.slug}.ics`), t('gatherings.calendarLink')) },
  ])

  const decisionOf = (proposalId: number) => model.decisions.filter((d) => d.proposal_id === proposalId).at(-1)
  const itemContent = (item: Item): SafeHtml => {
    const title = locale === 'en' ? item.title_en : item.title_nl
    if (item.proposal_id === null) return html`${title}`
    const decision = decisionOf(item.proposal_id)
    const mayOpen = model.manage && model.csrfToken && item.proposal_status === 'on_agenda' && (!decision || decision.closed_at !== null)
    const voteRefused = refused?.form === 'vote' && refused.item === item.id ? refused : undefined
    // The vote's state once there is one; before, the proposal's status.
    return html`<span lang="${item.proposal_locale ?? locale}">${link(localePath(locale, `/proposals/${item.proposal_id}`), title)}</span>
${decision ? html` ${link(localePath(locale, `/decisions/${decision.id}`), t('gatherings.agenda.decision'))} ${outcomeBadge(locale, decision)}` : proposalStatusBadge(locale, item.proposal_status ?? 'submitted')}
${
  mayOpen && model.csrfToken
    ? html`<details class="citydeal-agenda__vote"${voteRefused ? html` open` : ''}><summary>${t('gatherings.agenda.openVote')}</summary>${renderForm({
        id: `vote-${item.id}`,
        action: localePath(locale, `/gatherings/${g.slug}/agenda/${item.id}/vote`),
        csrfToken: model.csrfToken,
        locale,
        problems: voteRefused?.problems ?? [],
        submitLabel: t('decisions.open.submit'),
        fields: [
          { name: 'closesOn', type: 'date', value: str(voteRefused?.values ?? {}, 'closesOn') ?? '', label: t('decisions.open.closesOn'), hint: t('decisions.open.closesOnHint') },
          { name: 'quorumPercent', type: 'text', value: str(voteRefused?.values ?? {}, 'quorumPercent') ?? String(DEFAULT_QUORUM_PERCENT), maxLength: 3, label: t('decisions.open.quorum') },
        ],
      })}</details>`
    : ''
}`
  }

  // Who attends, per organisation: names for signed-in members, how many for the public.
  const byOrganisation = new Map<number, { name: string; people: string[] }>()
  for (const r of model.registrations) {
    const entry = byOrganisation.get(r.organisation_id) ?? { name: r.organisation_name, people: [] }
    entry.people.push(r.user_name)
    byOrganisation.set(r.organisation_id, entry)
  }
  const attendees =
    byOrganisation.size > 0
      ? table(t('gatherings.attendees.caption'), [t('gatherings.col.organisation'), model.signedIn ? t('gatherings.col.people') : t('gatherings.col.count')], [...byOrganisation.values()].map((o) => [o.name, model.signedIn ? o.people.join(', ') : String(o.people.length)]))
      : paragraph(t('gatherings.attendees.none'))

  const registering = model.registering
  const own = new Set(registering ? model.registrations.filter((r) => r.organisation_id === registering.organisation.id).map((r) => r.user_id) : [])
  const ticked = refused?.form === 'register' ? new Set((Array.isArray(refused.values.attendees) ? refused.values.attendees : [refused.values.attendees ?? '']).map(String)) : undefined
  const registerForm =
    registering && model.csrfToken
      ? postForm(
          { action: localePath(locale, `/gatherings/${g.slug}/registrations`), csrfToken: model.csrfToken, className: 'citydeal-form' },
          html`${refused?.form === 'register' ? errorSummary({ id: 'register', problems: refused.problems, locale }) : ''}${fieldset(
            t('gatherings.register.legend', { organisation: registering.organisation.name }),
            html`${registering.colleagues.map((c) => checkboxField({ id: `register-${c.id}`, name: 'attendees', value: String(c.id), checked: ticked ? ticked.has(String(c.id)) : own.has(c.id), label: c.name }))}`,
          )}
<p class="utrecht-paragraph">${button(t('gatherings.register.submit'))}</p>`,
        )
      : ''

  const minutesText = (lang: Locale) => (lang === 'nl' ? g.minutes_nl : g.minutes_en)
  const minutes = minutesText(locale) ?? minutesText(other)
  const minutesLang = minutesText(locale) ? locale : other
  const pastPart = past
    ? html`${heading(2, t('gatherings.minutes.heading'))}
${minutes ? html`<div class="citydeal-minutes" lang="${minutesLang}">${minutes.split(/\n{2,}/).map((para) => paragraph(para))}</div>${minutesLang !== locale ? paragraph(t('gatherings.minutes.otherLanguage'), {}) : ''}` : paragraph(t('gatherings.minutes.none'))}
${heading(2, t('gatherings.attendance.heading'))}
${model.attendance.length > 0 ? unorderedList(model.attendance.map((o) => link(localePath(locale, `/organisations/${o.slug}`), o.name))) : paragraph(t('gatherings.attendance.none'))}`
    : ''

  const decisions = model.decisions.length > 0 ? unorderedList(model.decisions.map((d) => html`<span lang="${d.proposal_locale}">${link(localePath(locale, `/decisions/${d.id}`), d.proposal_title)}</span> ${outcomeBadge(locale, d)}`)) : paragraph(t('gatherings.decisions.none'))

  const curator =
    model.manage && model.csrfToken
      ? html`${heading(2, t('gatherings.manage.heading'))}
${unorderedList([
  link(localePath(locale, `/gatherings/${g.slug}/edit`), t('gatherings.manage.edit')),
  link(localePath(locale, `/gatherings/${g.slug}/agenda`), t('gatherings.manage.agenda')),
  link(localePath(locale, `/gatherings/${g.slug}/documents`), t('gatherings.manage.documents')),
  link(localePath(locale, `/gatherings/${g.slug}/minutes`), t('gatherings.manage.minutes')),
])}
${
  model.submitted.length > 0 || refused?.form === 'put'
    ? html`${heading(3, t('gatherings.put.heading'))}${renderForm({
        id: 'put',
        action: localePath(locale, `/gatherings/${g.slug}/agenda/proposals`),
        csrfToken: model.csrfToken,
        locale,
        problems: refused?.form === 'put' ? refused.problems : [],
        submitLabel: t('gatherings.put.submit'),
        fields: [{ name: 'proposal', type: 'select', label: t('gatherings.put.proposal'), hint: t('gatherings.put.hint'), value: refused?.form === 'put' ? (str(refused.values, 'proposal') ?? '') : '', options: [{ value: '', label: t('gatherings.put.choose') }, ...model.submitted.map((p) => ({ value: String(p.id), label: p.title }))] }],
      })}`
    : paragraph(t('gatherings.put.noneSubmitted'))
}`
      : ''

  const main = html`${heading(1, gatheringTitle(g, locale))}
${model.flash ? alert('ok', t(model.flash), { role: 'status' }) : ''}
${refusalAlert(locale, refused?.error, true)}
${details}
${heading(2, t('gatherings.agenda.heading'))}
${agendaList(locale, model, itemContent)}
${heading(2, t('gatherings.documents.heading'))}
${model.documents.length > 0 ? unorderedList(model.documents.map((d) => link(d.url, d.title))) : paragraph(t('gatherings.documents.none'))}
${heading(2, past ? t('gatherings.attendees.headingPast') : t('gatherings.attendees.heading'))}
${attendees}
${registerForm}
${!past && !registering && !model.manage ? paragraph(t('gatherings.register.who')) : ''}
${pastPart}
${heading(2, t('gatherings.decisions.heading'))}
${decisions}
${curator}
${paragraph(link(localePath(locale, '/gatherings'), t('gatherings.back')))}`
  return layout(ctx, { title: gatheringTitle(g, locale), section: 'tools', canonical: `/gatherings/${g.slug}` }, main)
}
