import type { SubmissionEventsTable } from '../../../db/schema.ts'
import type { FieldProblem } from '../../../errors.ts'
import { label, localePath, translator } from '../../../i18n/i18n.ts'
import type { MessageKey } from '../../../i18n/messages.ts'
import { alert, button, dataList, heading, link, paragraph, statusBadge, unorderedList } from '../../../views/components/index.ts'
import { errorSummary, postForm, renderFields, renderForm, str, type FormValues } from '../../../views/form.ts'
import { html, type SafeHtml } from '../../../views/html.ts'
import type { PageContext } from '../../../views/layout.ts'
import { simplePage } from '../../../views/simple.page.ts'
import { organisationDatalist, pickerHint, type PickerEntry } from '../../organisations/views/organisation.picker.ts'
import type { ReferenceData } from '../../reference/reference.service.ts'
import { MESSAGE_MAX, OWNER_MAX } from '../../submissions/submissions.schemas.ts'
import { candidatesOf, sharedDetailsOf } from '../../submissions/submission.details.ts'
import type { MatchSummary, SubmissionRow } from '../../submissions/submissions.service.ts'
import { candidateStatus, curatorStatusBadge, eventText, reasonsText } from '../../submissions/views/submission.components.ts'
import { toolFieldSpecs } from '../../submissions/views/submission.fields.ts'
import { criterionName, formatDateTime, formName, toolName } from './curation.format.ts'

export type CurationForm = 'edit' | 'publish' | 'ask' | 'reject'

/** What the page shows again after a refused action: which form, what was typed, what went wrong. */
export interface ActionState {
  form: CurationForm
  values: FormValues
  problems: FieldProblem[]
  conflict: boolean
}

export interface SubmissionPageModel {
  submission: SubmissionRow
  events: { occurred_at: Date | string; event: SubmissionEventsTable['event']; message: string | null }[]
  /** The duplicate candidates as ranked now. */
  candidates: MatchSummary[]
  target: { slug: string; name_nl: string | null; name_en: string | null } | undefined
  result: { slug: string; name_nl: string | null; name_en: string | null } | undefined
  /** The owner picker: organisations to choose from, and the one going by the submitted owner name (if one does). */
  owner: { entries: PickerEntry[]; known: { name: string } | undefined; namesakes: boolean }
  csrfToken: string
  flash?: MessageKey | undefined
  state?: ActionState | undefined
}

/** /curation/{id}: a submission beside its possible duplicates, and the decisions a curator can take. */
export function submissionPage(ctx: PageContext, reference: ReferenceData, model: SubmissionPageModel): string {
  const { locale } = ctx
  const t = translator(locale)
  const p = (path: string) => localePath(locale, path)
  const { submission: s, state } = model
  const id = s.id
  const open = s.status === 'pending' || s.status === 'needs_info'
  const problemsFor = (form: CurationForm) => (state?.form === form ? state.problems : [])
  const typed = (form: CurationForm, key: string) => (state?.form === form ? str(state.values, key) : undefined)
  const seen = candidatesOf(s.duplicate_candidates)
  const shared = sharedDetailsOf(s.duplicate_candidates)

  const submissionColumn = html`${heading(2, t('curation.submission'))}
${dataList([
  { key: t('curation.table.status'), value: curatorStatusBadge(locale, s.status) },
  { key: t('curation.table.kind'), value: s.kind === 'addition' && model.target ? html`${t('curation.kind.addition')}: ${link(p(`/tools/${model.target.slug}`), toolName(locale, model.target))}` : t('curation.kind.new_tool') },
  { key: t('field.name'), value: s.name },
  { key: t('field.description'), value: html`<span class="citydeal-prewrap">${s.description}</span>` },
  { key: t('field.websiteUrl'), value: s.website_url ?? '–' },
  { key: t('field.form'), value: formName(locale, reference, s.form) },
  { key: t('field.category'), value: s.category ? label(locale, 'category', s.category) : '–' },
  { key: t('field.processes'), value: shared.processes.map((c) => label(locale, 'process', c)).join(', ') || '–' },
  { key: t('field.toolStatus'), value: shared.toolStatus ? label(locale, 'status', shared.toolStatus) : '–' },
  { key: t('curation.municipalities'), value: shared.municipalities.map((c) => reference.municipalities.get(c)?.name ?? c).join(', ') || '–' },
  { key: t('field.ownerName'), value: s.owner_name ?? '–' },
  { key: t('field.themes'), value: s.themes.map((c) => criterionName(locale, reference, c)).join(', ') || '–' },
  { key: t('field.sdgTargets'), value: s.sdg_targets.join(', ') || '–' },
  { key: t('field.languages'), value: s.languages.map((l) => label(locale, 'language', l)).join(', ') || '–' },
  { key: t('field.licence'), value: s.licence ?? '–' },
  { key: t('field.note'), value: s.note ? html`<span class="citydeal-prewrap">${s.note}</span>` : '–' },
  { key: t('field.contactEmail'), value: s.contact_email ?? t('curation.contactEmailErased', { date: formatDateTime(locale, s.contact_email_erased_at ?? s.updated_at) }) },
  { key: t('curation.submittedVia'), value: `${t(`curation.source.${s.source}` as const)} · ${label(locale, 'locale', s.locale)} · ${formatDateTime(locale, s.created_at)}` },
  ...(s.confirmed_different ? [{ key: t('curation.confirmedDifferentKey'), value: t('curation.confirmedDifferentValue') }] : []),
  ...(model.result ? [{ key: t('curation.result'), value: link(p(`/tools/${model.result.slug}`), toolName(locale, model.result)) }] : []),
])}
${heading(3, t('submission.timeline'))}
${unorderedList(model.events.map((e) => html`${formatDateTime(locale, e.occurred_at)}: ${eventText(locale, e.event)}${e.message ? html`<br><span class="citydeal-prewrap">${e.message}</span>` : ''}`))}`

  const candidatesColumn = html`${heading(2, t('curation.candidates'))}
${
  model.candidates.length === 0
    ? paragraph(t('curation.noCandidates'))
    : // A list, not a table: it reads the same on a phone (a five-column table scrolled sideways there).
      html`<ul class="citydeal-results" aria-label="${t('curation.candidates.caption')}">${model.candidates.map(
        (c) => html`<li class="citydeal-result citydeal-candidate">
${heading(3, c.slug ? link(p(`/tools/${c.slug}`), c.name) : c.type === 'submission' ? link(p(`/curation/${c.id}`), c.name) : c.name)}
<ul class="citydeal-badges"><li>${candidateStatus(locale, c)}</li>${c.likely ? html`<li>${statusBadge(t('curation.likely'), 'warning')}</li>` : ''}</ul>
${dataList([
  { key: t('curation.table.score'), value: c.score.toFixed(2) },
  { key: t('curation.table.reasons'), value: reasonsText(locale, c.reasons) },
])}
${c.slug ? paragraph(link(`${p(`/curation/${id}/merge`)}?target=${encodeURIComponent(c.slug)}`, t('curation.mergeInto'), { label: t('curation.mergeIntoNamed', { name: c.name }) })) : ''}
</li>`,
      )}</ul>`
}
${seen.some((c) => c.likely) ? paragraph(t('curation.seenBySubmitter', { names: seen.filter((c) => c.likely).map((c) => c.name).join(', ') })) : ''}
${open ? paragraph(link(p(`/curation/${id}/merge`), t('curation.mergeOther'))) : ''}`

  const version = { name: 'version', type: 'hidden' as const, value: String(s.version) }
  // The owner: the organisation going by the submitted name, else that name with "create" ticked (unless namesakes
  // share it: then the curator chooses one). After a refusal, what the curator typed and ticked.
  const typedOwner = state?.form === 'publish' ? { name: str(state.values, 'owner') ?? '', create: str(state.values, 'createOwner') ?? '' } : undefined
  const owner = typedOwner ?? {
    name: model.owner.known?.name ?? s.owner_name ?? '',
    create: s.owner_name && !model.owner.known && !model.owner.namesakes ? 'on' : '',
  }
  // Form and kind can be chosen here, in the publish step itself; the submission's own are chosen already.
  const [formSpec, categorySpec] = toolFieldSpecs(locale, reference, {
    form: typed('publish', 'form') ?? s.form ?? undefined,
    category: typed('publish', 'category') ?? s.category ?? undefined,
  }).details
  // The problems of publishing are summed up at the top of the page (publishSummary), not again above the form.
  const publish = html`${heading(3, t('curation.publish.heading'))}${paragraph(t('curation.publish.intro'))}${postForm(
    { action: p(`/curation/${id}/publish`), csrfToken: model.csrfToken, className: 'citydeal-form' },
    html`${renderFields({
      id: 'publish',
      locale,
      problems: problemsFor('publish'),
      fields: [
        version,
        { ...formSpec!, required: true },
        { ...categorySpec!, required: true },
        { name: 'owner', type: 'text', label: t('curation.publish.owner'), value: owner.name, maxLength: OWNER_MAX, list: 'publish-organisations', hint: `${pickerHint(locale)} ${t('curation.publish.ownerHint')}` },
        { name: 'createOwner', type: 'checkbox', label: t('curation.publish.createOwner'), value: owner.create },
      ],
    })}
<p class="utrecht-paragraph">${button(t('curation.publish.submit'))}</p>`,
  )}${organisationDatalist('publish-organisations', locale, model.owner.entries)}`
  // A refused publication: its problems at the top of the page, where focus goes (the form may be far below).
  const publishSummary =
    state?.form === 'publish' && state.problems.length > 0
      ? html`<div class="citydeal-error-summary" tabindex="-1" autofocus>${errorSummary({ id: 'publish', problems: state.problems, locale, labelFor: (name) => (name === 'owner' ? t('curation.publish.owner') : undefined) })}</div>`
      : ''
  const messageForm = (form: 'ask' | 'reject', messageLabel: string, submitLabel: string) =>
    renderForm({
      id: form,
      action: p(`/curation/${id}/${form}`),
      csrfToken: model.csrfToken,
      locale,
      problems: problemsFor(form),
      submitLabel,
      fields: [version, { name: 'message', type: 'textarea', value: typed(form, 'message') ?? '', maxLength: MESSAGE_MAX, required: true, label: messageLabel }],
    })
  const editValues: FormValues =
    state?.form === 'edit'
      ? state.values
      : {
          name: s.name,
          description: s.description,
          websiteUrl: s.website_url ?? undefined,
          form: s.form ?? undefined,
          category: s.category ?? undefined,
          ownerName: s.owner_name ?? undefined,
          themes: s.themes,
          sdgTargets: s.sdg_targets,
          languages: s.languages,
          licence: s.licence ?? undefined,
          contactEmail: s.contact_email ?? undefined,
        }
  const fields = toolFieldSpecs(locale, reference, editValues)

  const actions: SafeHtml = open
    ? html`${heading(2, t('curation.decide'))}
${state?.conflict ? alert('error', t('curation.conflict'), { role: 'alert' }) : ''}
${
  s.kind === 'new_tool'
    ? publish
    : paragraph(html`${t('curation.addition.intro')} ${model.target ? link(`${p(`/curation/${id}/merge`)}?target=${model.target.slug}`, t('curation.mergeIntoNamed', { name: toolName(locale, model.target) })) : ''}`)
}
${heading(3, t('curation.ask.heading'))}
${messageForm('ask', t('curation.ask.message'), t('curation.ask.submit'))}
${heading(3, t('curation.reject.heading'))}
${messageForm('reject', t('curation.reject.reason'), t('curation.reject.submit'))}
${heading(3, t('curation.edit.heading'))}
${renderForm({
  id: 'edit',
  action: p(`/curation/${id}`),
  csrfToken: model.csrfToken,
  locale,
  problems: problemsFor('edit'),
  submitLabel: t('curation.edit.submit'),
  fields: [version, ...fields.identity, ...fields.details, { name: 'contactEmail', type: 'email', value: str(editValues, 'contactEmail'), maxLength: 254, required: true }],
})}`
    : paragraph(t('curation.decided'))

  return simplePage(
    ctx,
    { title: t('curation.detail.title', { name: s.name }), section: 'curation', flash: model.flash },
    html`${publishSummary}${paragraph(link(p('/curation'), t('curation.back')))}
${state?.conflict && !open ? alert('error', t('curation.conflict'), { role: 'alert' }) : ''}
<div class="citydeal-side-by-side"><div>${submissionColumn}</div><div>${candidatesColumn}</div></div>
${actions}`,
  )
}
