import type { FieldProblem } from '../../../errors.ts'
import { label, localePath, translator } from '../../../i18n/i18n.ts'
import type { MessageKey } from '../../../i18n/messages.ts'
import { alert, button, dataList, heading, link, paragraph, radioGroup, table, unorderedList } from '../../../views/components/index.ts'
import { errorSummary, postForm, renderFields, str, type FormValues } from '../../../views/form.ts'
import { formatDate } from '../../../views/format.ts'
import { html, type SafeHtml } from '../../../views/html.ts'
import { layout, type PageContext } from '../../../views/layout.ts'
import { localizedText } from '../../../views/localized.ts'
import { refusalAlert } from '../../admin/views/admin.format.ts'
import type { ReferenceData } from '../../reference/reference.service.ts'
import type { AppError } from '../../../errors.ts'
import { PROPOSAL_LIMITS, RESPONSE_KINDS } from '../proposals.schemas.ts'
import type { ProposalsService } from '../proposals.service.ts'
import { proposalStatusBadge } from './proposal.components.ts'
import { proposalManageForms } from './proposal-manage.ts'

type Loaded = Awaited<ReturnType<ProposalsService['load']>>

export interface ProposalPageModel extends Loaded {
  /** The viewer's partner organisation (they may respond for it), if any. */
  partner?: { id: number; name: string } | undefined
  signedIn: boolean
  csrfToken?: string | undefined
  flash?: MessageKey | undefined
  /** A refused post: which form, what was typed, and why. */
  refused?: { form: 'respond' | 'comment' | 'decline' | 'merge'; values: FormValues; problems: FieldProblem[]; error?: AppError | undefined } | undefined
  /** For curators: the open proposals this one may be merged into (the decline and merge forms show then). */
  manage?: { targets: { id: number; title: string }[] } | undefined
  /** What follows the proposal elsewhere (decisions on it), rendered by their module. */
  more?: SafeHtml | undefined
}

/** /proposals/{id}: the proposal, the organisations' responses, the comments; forms for partners and members. */
export function proposalPage(ctx: PageContext, reference: ReferenceData, model: ProposalPageModel): string {
  const { locale } = ctx
  const t = translator(locale)
  const { proposal: p } = model
  const own = (text: string) => localizedText({ text, lang: p.locale, fallback: p.locale !== locale }, locale)
  const criterion = (code: string) => {
    const c = reference.criteriaByCode.get(code)
    return c ? (locale === 'nl' ? c.name_nl : c.name_en) : code
  }
  const sdg = (code: string) => {
    const s = reference.sdgTargets.find((x) => x.code === code)
    return s ? `${s.code} ${locale === 'nl' ? s.title_nl : s.title_en}` : code
  }
  const form = reference.formsByCode.get(p.form)
  const none = t('proposals.none.short')
  const listOr = (items: string[]) => (items.length > 0 ? unorderedList(items) : none)
  const ownResponse = model.partner ? model.responses.find((r) => r.organisation_id === model.partner!.id) : undefined
  const refused = model.refused
  const open = p.status === 'submitted' || p.status === 'on_agenda'

  const details = dataList([
    { key: t('proposals.col.status'), value: proposalStatusBadge(locale, p.status) },
    ...(p.merged_into_id !== null ? [{ key: t('proposals.mergedInto'), value: html`<span lang="${p.merged_into_locale ?? p.locale}">${link(localePath(locale, `/proposals/${p.merged_into_id}`), p.merged_into_title ?? String(p.merged_into_id))}</span>` }] : []),
    ...(p.status_reason ? [{ key: t('proposals.statusReason'), value: own(p.status_reason) }] : []),
    { key: t('proposals.col.by'), value: html`${p.proposed_by_name}, ${formatDate(locale, p.created_at)}` },
    { key: t('proposals.field.summary'), value: own(p.summary) },
    { key: t('proposals.field.processQuestion'), value: own(p.process_question) },
    { key: t('proposals.field.occasion'), value: p.occasion ? own(p.occasion) : none },
    { key: t('proposals.field.category'), value: label(locale, 'category', p.category) },
    { key: t('proposals.field.form'), value: form ? (locale === 'nl' ? form.name_nl : form.name_en) : p.form },
    { key: t('proposals.field.principles'), value: listOr(p.principles.map(criterion)) },
    { key: t('proposals.field.themes'), value: listOr(p.themes.map(criterion)) },
    { key: t('proposals.field.sdgTargets'), value: listOr(p.sdg_targets.map(sdg)) },
    { key: t('proposals.field.proposedOwner'), value: p.proposed_owner_name ?? t('proposals.field.noOwnerYet') },
    { key: t('proposals.field.municipalities'), value: listOr(model.municipalities.map((m) => m.name)) },
    ...(p.tool_slug ? [{ key: t('proposals.tool'), value: link(localePath(locale, `/tools/${p.tool_slug}`), t('proposals.toolLink')) }] : []),
  ])

  const responses =
    model.responses.length > 0
      ? table(
          t('proposals.responses.caption'),
          [t('proposals.col.organisation'), t('proposals.col.response'), t('proposals.col.date')],
          model.responses.map((r) => [r.organisation_name, t(`proposals.response.${r.kind}`), formatDate(locale, r.updated_at)]),
        )
      : paragraph(t('proposals.responses.none'))

  const respondForm =
    model.partner && model.csrfToken && open
      ? postForm(
          { action: localePath(locale, `/proposals/${p.id}/respond`), csrfToken: model.csrfToken, className: 'citydeal-form' },
          html`${refused?.form === 'respond' ? errorSummary({ id: 'respond', problems: refused.problems, locale }) : ''}
${radioGroup({
  id: 'respond-kind',
  name: 'kind',
  legend: t('proposals.respond.legend', { organisation: model.partner.name }),
  options: RESPONSE_KINDS.map((k) => ({ value: k, label: t(`proposals.response.${k}`) })),
  checked: (refused?.form === 'respond' ? str(refused.values, 'kind') : undefined) ?? ownResponse?.kind,
})}
<p class="utrecht-paragraph">${button(ownResponse ? t('proposals.respond.change') : t('proposals.respond.submit'))}</p>`,
        )
      : ''

  const comments =
    model.comments.length > 0
      ? html`<ol class="citydeal-comments">${model.comments.map(
          (c) => html`<li><p class="utrecht-paragraph citydeal-meta">${c.author_name ?? '–'}${c.organisation_name ? html` (${c.organisation_name})` : ''}, ${formatDate(locale, c.created_at, { time: true })}</p>
<p class="utrecht-paragraph" lang="${c.locale}">${c.body}</p></li>`,
        )}</ol>`
      : paragraph(t('proposals.comments.none'))
  const commentForm =
    model.signedIn && model.csrfToken
      ? postForm(
          { action: localePath(locale, `/proposals/${p.id}/comments`), csrfToken: model.csrfToken, className: 'citydeal-form' },
          html`${renderFields({
            id: 'comment',
            locale,
            problems: refused?.form === 'comment' ? refused.problems : [],
            fields: [{ name: 'body', type: 'textarea', rows: 3, maxLength: PROPOSAL_LIMITS.comment, required: true, value: refused?.form === 'comment' ? (str(refused.values, 'body') ?? '') : '', label: t('proposals.comments.field') }],
          })}
<p class="utrecht-paragraph">${button(t('proposals.comments.submit'))}</p>`,
        )
      : paragraph(link(localePath(locale, '/login'), t('proposals.comments.signIn')))

  const content = html`${refusalAlert(locale, refused?.error, true)}
${details}
${model.more ?? ''}
${model.manage && model.csrfToken && open ? proposalManageForms(locale, { proposalId: p.id, csrfToken: model.csrfToken, targets: model.manage.targets, refused: refused?.form === 'decline' || refused?.form === 'merge' ? { ...refused, form: refused.form } : undefined }) : ''}
${heading(2, t('proposals.responses.heading'))}
${responses}
${respondForm}
${heading(2, t('proposals.comments.heading'))}
${comments}
${commentForm}
${paragraph(link(localePath(locale, '/proposals'), t('proposals.back')))}`
  const main = html`${heading(1, p.locale === locale ? p.title : html`<span lang="${p.locale}">${p.title}</span>`)}
${model.flash ? alert('ok', t(model.flash), { role: 'status' }) : ''}
${content}`
  return layout(ctx, { title: p.title, section: 'tools', canonical: `/proposals/${p.id}` }, main)
}
