import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppContext } from '../../app-context.ts'
import type { SubmissionStatus } from '../../db/schema.ts'
import { ConflictError, NotFoundError, ValidationError, type FieldProblem } from '../../errors.ts'
import { label, localePath, translate } from '../../i18n/i18n.ts'
import { LOCALES, type Locale, type MessageKey } from '../../i18n/messages.ts'
import { validateInput } from '../../lib/validation.ts'
import { pageContext } from '../../plugins/context.ts'
import { alert, button, checkboxField, dataList, heading, link, paragraph, select, statusBadge, table, textbox, unorderedList } from '../../views/components/index.ts'
import { errorSummary, renderFields, renderForm } from '../../views/form.ts'
import { html, type SafeHtml } from '../../views/html.ts'
import { flashFrom, simplePage } from '../../views/simple.page.ts'
import { authorize } from '../accounts/accounts.policy.ts'
import type { Actor } from '../accounts/actor.ts'
import { CurationEditSchema, CurationMergeSchema, CurationMessageSchema, CurationPublishSchema, MESSAGE_MAX } from '../submissions/submissions.schemas.ts'
import { summarizeMatches, type MatchSummary } from '../submissions/submissions.service.ts'
import { formValues, str, toolFieldSpecs, type FormValues } from '../submissions/views/share.fields.ts'
import { candidateStatus, reasonsText } from '../submissions/views/share.page.ts'
import { guessLanguage, normalizeName } from '../submissions/similarity.ts'

const PAGE = 25
const ID = /^[1-9][0-9]{0,14}$/
const STATUS_FILTERS = ['open', 'pending', 'needs_info', 'published', 'merged', 'rejected', 'all'] as const
const STATUS_VARIANT = { pending: 'neutral', needs_info: 'warning', published: 'success', merged: 'success', rejected: 'inactive' } as const

const send = (reply: FastifyReply, body: string, status = 200) => reply.code(status).type('text/html; charset=utf-8').send(body)

function parseId(value: string): number {
  if (!ID.test(value)) throw new NotFoundError()
  return Number(value)
}

function one(value: unknown): string | undefined {
  const v = Array.isArray(value) ? value.at(-1) : value
  return typeof v === 'string' ? v : undefined
}

/** What the detail page re-shows after a failed action: which form, what was typed, what went wrong. */
interface ActionState {
  form?: 'edit' | 'publish' | 'ask' | 'reject'
  values?: FormValues
  problems?: FieldProblem[]
  conflict?: boolean
}

/** /curation: curators review shared tools, beside their possible duplicates, and decide. */
export function registerCurationPages(app: FastifyInstance, ctx: AppContext) {
  for (const locale of LOCALES) {
    const p = (path: string) => localePath(locale, path)
    const t = (key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params)
    const date = (value: Date | string) => new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Amsterdam' }).format(new Date(value))
    const formName = (code: string | null) => (code ? (locale === 'nl' ? ctx.reference.formsByCode.get(code)?.name_nl : ctx.reference.formsByCode.get(code)?.name_en) ?? code : '–')
    const criterionName = (code: string) => {
      const c = ctx.reference.criteriaByCode.get(code)
      return c ? (locale === 'nl' ? c.name_nl : c.name_en) : code
    }
    const toolName = (tool: { name_nl: string | null; name_en: string | null }) => (locale === 'en' ? (tool.name_en ?? tool.name_nl) : (tool.name_nl ?? tool.name_en)) ?? ''

    // The queue ----------------------------------------------------------------------------------------
    app.get(p('/curation'), async (request, reply) => {
      authorize(request.actor, 'curation.manage')
      const query = request.query as Record<string, unknown>
      const statusFilter = (STATUS_FILTERS as readonly string[]).includes(one(query.status) ?? '') ? (one(query.status) as (typeof STATUS_FILTERS)[number]) : 'open'
      const kind = one(query.kind) === 'new_tool' || one(query.kind) === 'addition' ? (one(query.kind) as 'new_tool' | 'addition') : undefined
      const q = (one(query.q) ?? '').trim().slice(0, 100)
      const page = Math.min(Math.max(Number.parseInt(one(query.page) ?? '1', 10) || 1, 1), 10_000)
      const statuses: SubmissionStatus[] = statusFilter === 'open' ? ['pending', 'needs_info'] : statusFilter === 'all' ? [] : [statusFilter]
      const [{ rows, total }, counts] = await Promise.all([
        ctx.submissions.queue({ statuses, kind, q: q || undefined, limit: PAGE, offset: (page - 1) * PAGE }),
        ctx.submissions.statusCounts(),
      ])
      const pages = Math.max(1, Math.ceil(total / PAGE))
      const pageLink = (n: number) => {
        const params = new URLSearchParams({ status: statusFilter, ...(kind ? { kind } : {}), ...(q ? { q } : {}), page: String(n) })
        return `${p('/curation')}?${params}`
      }
      const content = html`<form method="get" action="${p('/curation')}" class="citydeal-filter-row">
<div class="utrecht-form-field"><div class="utrecht-form-field__label"><label class="utrecht-form-label" for="queue-status">${t('curation.filter.status')}</label></div>
<div class="utrecht-form-field__input">${select({
        id: 'queue-status',
        name: 'status',
        options: STATUS_FILTERS.map((s) => ({
          value: s,
          label: `${t(`curation.filter.status.${s}` as MessageKey)}${s === 'open' ? ` (${(counts.get('pending') ?? 0) + (counts.get('needs_info') ?? 0)})` : s !== 'all' ? ` (${counts.get(s) ?? 0})` : ''}`,
          selected: s === statusFilter,
        })),
      })}</div></div>
<div class="utrecht-form-field"><div class="utrecht-form-field__label"><label class="utrecht-form-label" for="queue-kind">${t('curation.filter.kind')}</label></div>
<div class="utrecht-form-field__input">${select({
        id: 'queue-kind',
        name: 'kind',
        options: [
          { value: '', label: t('curation.filter.kind.all'), selected: !kind },
          { value: 'new_tool', label: t('curation.kind.new_tool'), selected: kind === 'new_tool' },
          { value: 'addition', label: t('curation.kind.addition'), selected: kind === 'addition' },
        ],
      })}</div></div>
<div class="utrecht-form-field"><div class="utrecht-form-field__label"><label class="utrecht-form-label" for="queue-q">${t('curation.filter.q')}</label></div>
<div class="utrecht-form-field__input">${textbox({ id: 'queue-q', name: 'q', value: q, type: 'search', maxLength: 100 })}</div></div>
<p class="utrecht-paragraph">${button(t('curation.filter.apply'))}</p>
</form>
${paragraph(total === 1 ? t('curation.queue.countOne') : t('curation.queue.count', { count: total }))}
${
  rows.length === 0
    ? paragraph(t('curation.queue.empty'))
    : table(
        t('curation.queue.caption'),
        [t('field.name'), t('curation.table.kind'), t('curation.table.status'), t('curation.table.submitted'), t('curation.table.duplicates')],
        rows.map((r) => {
          const likely = ((r.duplicate_candidates as MatchSummary[] | null) ?? []).filter((c) => c.likely)
          return [
            link(p(`/curation/${r.id}`), r.name),
            r.kind === 'addition' && r.target_slug ? html`${t('curation.kind.addition')}: ${toolName({ name_nl: r.target_name_nl, name_en: r.target_name_en })}` : t('curation.kind.new_tool'),
            statusBadge(t(`curation.filter.status.${r.status}` as MessageKey), STATUS_VARIANT[r.status]),
            date(r.created_at),
            likely.length === 0 ? '–' : html`${likely.map((c) => c.name).join(', ')}${r.confirmed_different ? html` (${t('curation.confirmedDifferent')})` : ''}`,
          ]
        }),
      )
}
${
  pages > 1
    ? html`<nav aria-label="${t('catalogue.pagination.label')}"><p class="utrecht-paragraph">${page > 1 ? link(pageLink(page - 1), t('curation.previous'), { rel: 'prev' }) : ''} ${t('curation.pageOf', { page, pages })} ${
        page < pages ? link(pageLink(page + 1), t('curation.next'), { rel: 'next' }) : ''
      }</p></nav>`
    : ''
}`
      return send(reply, simplePage(pageContext(request, ctx.config.PUBLIC_URL), { title: t('curation.title'), intro: t('curation.intro'), section: 'curation' }, content))
    })

    // One submission -------------------------------------------------------------------------------------
    const candidatesTable = (id: number, candidates: MatchSummary[]): SafeHtml =>
      candidates.length === 0
        ? paragraph(t('curation.noCandidates'))
        : table(
            t('curation.candidates.caption'),
            [t('field.name'), t('curation.table.status'), t('curation.table.score'), t('curation.table.reasons'), t('curation.table.action')],
            candidates.map((c) => [
              c.slug ? link(p(`/tools/${c.slug}`), c.name) : c.type === 'submission' ? link(p(`/curation/${c.id}`), c.name) : c.name,
              candidateStatus(locale, c),
              html`${c.score.toFixed(2)}${c.likely ? html` ${statusBadge(t('curation.likely'), 'warning')}` : ''}`,
              reasonsText(locale, c.reasons),
              c.slug ? link(`${p(`/curation/${id}/merge`)}?target=${encodeURIComponent(c.slug)}`, t('curation.mergeInto'), { label: t('curation.mergeIntoNamed', { name: c.name }) }) : '–',
            ]),
          )

    const detailPage = async (request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply, state: ActionState = {}) => {
      const id = parseId(request.params.id)
      const { submission: s, events, matches, target, result } = await ctx.submissions.get(id)
      const csrf = reply.generateCsrf()
      const open = s.status === 'pending' || s.status === 'needs_info'
      const editValues: FormValues =
        state.form === 'edit' && state.values
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
              contactEmail: s.contact_email,
            }
      const fields = toolFieldSpecs(locale, ctx.reference, editValues)
      const problemsFor = (form: ActionState['form']) => (state.form === form ? (state.problems ?? []) : [])
      const typed = (form: ActionState['form'], key: string) => (state.form === form && state.values ? str(state.values, key) : undefined)
      const orgs = await ctx.organisations.options()
      const ownerGuess = s.owner_name ? orgs.find((o) => o.name.toLowerCase() === s.owner_name!.toLowerCase()) : undefined
      const seen = (s.duplicate_candidates as MatchSummary[] | null) ?? []

      const submissionColumn = html`${heading(2, t('curation.submission'))}
${dataList([
  { key: t('curation.table.status'), value: statusBadge(t(`curation.filter.status.${s.status}` as MessageKey), STATUS_VARIANT[s.status]) },
  { key: t('curation.table.kind'), value: s.kind === 'addition' && target ? html`${t('curation.kind.addition')}: ${link(p(`/tools/${target.slug}`), toolName(target))}` : t('curation.kind.new_tool') },
  { key: t('field.name'), value: s.name },
  { key: t('field.description'), value: html`<span class="citydeal-prewrap">${s.description}</span>` },
  { key: t('field.websiteUrl'), value: s.website_url ?? '–' },
  { key: t('field.form'), value: formName(s.form) },
  { key: t('field.category'), value: s.category ? label(locale, 'category', s.category) : '–' },
  { key: t('field.ownerName'), value: s.owner_name ?? '–' },
  { key: t('field.themes'), value: s.themes.map(criterionName).join(', ') || '–' },
  { key: t('field.sdgTargets'), value: s.sdg_targets.join(', ') || '–' },
  { key: t('field.languages'), value: s.languages.map((l) => label(locale, 'language', l)).join(', ') || '–' },
  { key: t('field.licence'), value: s.licence ?? '–' },
  { key: t('field.note'), value: s.note ? html`<span class="citydeal-prewrap">${s.note}</span>` : '–' },
  { key: t('field.contactEmail'), value: s.contact_email },
  { key: t('curation.submittedVia'), value: `${t(`curation.source.${s.source}` as MessageKey)} · ${label(locale, 'locale', s.locale)} · ${date(s.created_at)}` },
  ...(s.confirmed_different ? [{ key: t('curation.confirmedDifferentKey'), value: t('curation.confirmedDifferentValue') }] : []),
  ...(result ? [{ key: t('curation.result'), value: link(p(`/tools/${result.slug}`), toolName(result)) }] : []),
])}
${heading(3, t('submission.timeline'))}
${unorderedList(events.map((e) => html`${date(e.occurred_at)}: ${t(`submission.event.${e.event}` as MessageKey)}${e.message ? html`<br><span class="citydeal-prewrap">${e.message}</span>` : ''}`))}`

      const candidatesColumn = html`${heading(2, t('curation.candidates'))}
${candidatesTable(id, summarizeMatches(matches))}
${seen.some((c) => c.likely) ? paragraph(t('curation.seenBySubmitter', { names: seen.filter((c) => c.likely).map((c) => c.name).join(', ') })) : ''}
${open ? paragraph(link(p(`/curation/${id}/merge`), t('curation.mergeOther'))) : ''}`

      const actions = open
        ? html`${heading(2, t('curation.decide'))}
${state.conflict ? alert('error', t('curation.conflict'), { role: 'alert' }) : ''}
${
  // A problem with a form this page does not show (publishing an addition): say it here.
  state.form === 'publish' && s.kind !== 'new_tool' && state.problems?.length
    ? alert('error', unorderedList(state.problems.map((problem) => translate(locale, problem.messageKey, problem.params))), { role: 'alert' })
    : ''
}
${s.kind === 'new_tool' ? html`${heading(3, t('curation.publish.heading'))}${paragraph(t('curation.publish.intro'))}${renderForm({
  id: 'publish',
  action: p(`/curation/${id}/publish`),
  csrfToken: csrf,
  locale,
  problems: problemsFor('publish'),
  submitLabel: t('curation.publish.submit'),
  fields: [
    { name: 'version', type: 'hidden', value: String(s.version) },
    {
      name: 'owner',
      type: 'select',
      label: t('curation.publish.owner'),
      value: typed('publish', 'owner') ?? (ownerGuess ? String(ownerGuess.id) : s.owner_name ? 'new' : ''),
      options: [
        { value: '', label: t('curation.publish.noOwner') },
        ...(s.owner_name ? [{ value: 'new', label: t('curation.publish.newOwner', { name: s.owner_name }) }] : []),
        ...orgs.map((o) => ({ value: String(o.id), label: o.name })),
      ],
    },
  ],
})}` : paragraph(html`${t('curation.addition.intro')} ${target ? link(`${p(`/curation/${id}/merge`)}?target=${target.slug}`, t('curation.mergeIntoNamed', { name: toolName(target) })) : ''}`)}
${heading(3, t('curation.ask.heading'))}
${renderForm({
  id: 'ask',
  action: p(`/curation/${id}/ask`),
  csrfToken: csrf,
  locale,
  problems: problemsFor('ask'),
  submitLabel: t('curation.ask.submit'),
  fields: [
    { name: 'version', type: 'hidden', value: String(s.version) },
    { name: 'message', type: 'textarea', value: typed('ask', 'message') ?? '', maxLength: MESSAGE_MAX, required: true, label: t('curation.ask.message') },
  ],
})}
${heading(3, t('curation.reject.heading'))}
${renderForm({
  id: 'reject',
  action: p(`/curation/${id}/reject`),
  csrfToken: csrf,
  locale,
  problems: problemsFor('reject'),
  submitLabel: t('curation.reject.submit'),
  fields: [
    { name: 'version', type: 'hidden', value: String(s.version) },
    { name: 'message', type: 'textarea', value: typed('reject', 'message') ?? '', maxLength: MESSAGE_MAX, required: true, label: t('curation.reject.reason') },
  ],
})}
${heading(3, t('curation.edit.heading'))}
${errorSummary({ id: 'edit', problems: problemsFor('edit'), locale })}
<form method="post" action="${p(`/curation/${id}`)}" class="citydeal-form" novalidate>
<input type="hidden" name="_csrf" value="${csrf}"><input type="hidden" name="version" value="${String(s.version)}">
${renderFields({ id: 'edit', fields: [...fields.identity, ...fields.details, { name: 'contactEmail', type: 'email', value: str(editValues, 'contactEmail'), maxLength: 254, required: true }], problems: problemsFor('edit'), locale })}
<p class="utrecht-paragraph">${button(t('curation.edit.submit'))}</p>
</form>`
        : paragraph(t('curation.decided'))

      return simplePage(
        pageContext(request, ctx.config.PUBLIC_URL),
        {
          title: t('curation.detail.title', { name: s.name }),
          section: 'curation',
          flash: flashFrom(request.query, { edited: 'curation.done.edited', asked: 'curation.done.asked', rejected: 'curation.done.rejected', published: 'curation.done.published', merged: 'curation.done.merged' }),
        },
        html`${paragraph(link(p('/curation'), t('curation.back')))}
${state.conflict && !open ? alert('error', t('curation.conflict'), { role: 'alert' }) : ''}
<div class="citydeal-side-by-side"><div>${submissionColumn}</div><div>${candidatesColumn}</div></div>
${actions}`,
      )
    }

    app.get<{ Params: { id: string } }>(p('/curation/:id'), async (request, reply) => {
      authorize(request.actor, 'curation.manage')
      return send(reply, await detailPage(request, reply))
    })

    /** Runs a curation action; a validation problem or a conflict re-shows the page with what was typed. */
    const act = (form: NonNullable<ActionState['form']>, run: (request: FastifyRequest<{ Params: { id: string } }>, id: number, actor: Actor) => Promise<string>) =>
      async (request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) => {
        const actor = authorize(request.actor, 'curation.manage')
        const id = parseId(request.params.id)
        const values = formValues(request.body)
        try {
          const done = await run(request, id, actor)
          return reply.redirect(done, 303)
        } catch (error) {
          if (error instanceof ValidationError) return send(reply, await detailPage(request, reply, { form, values, problems: error.details }), 400)
          if (error instanceof ConflictError) return send(reply, await detailPage(request, reply, { form, values, conflict: true }), 409)
          throw error
        }
      }

    app.post<{ Params: { id: string } }>(
      p('/curation/:id'),
      act('edit', async (request, id, actor) => {
        const input = validateInput(CurationEditSchema, request.body)
        await ctx.submissions.edit(actor, id, input)
        return `${p(`/curation/${id}`)}?done=edited`
      }),
    )
    app.post<{ Params: { id: string } }>(
      p('/curation/:id/ask'),
      act('ask', async (request, id, actor) => {
        const input = validateInput(CurationMessageSchema, request.body)
        await ctx.submissions.askForInformation(actor, id, input.version, input.message)
        return `${p(`/curation/${id}`)}?done=asked`
      }),
    )
    app.post<{ Params: { id: string } }>(
      p('/curation/:id/reject'),
      act('reject', async (request, id, actor) => {
        const input = validateInput(CurationMessageSchema, request.body)
        await ctx.submissions.reject(actor, id, input.version, input.message)
        return `${p(`/curation/${id}`)}?done=rejected`
      }),
    )
    app.post<{ Params: { id: string } }>(
      p('/curation/:id/publish'),
      act('publish', async (request, id, actor) => {
        const input = validateInput(CurationPublishSchema, request.body)
        await ctx.submissions.publish(actor, id, input.version, input.owner)
        return `${p(`/curation/${id}`)}?done=published`
      }),
    )

    // Merging into an existing tool, field by field -----------------------------------------------------------
    const mergePage = async (request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply, targetSlug: string | undefined, state: { values?: FormValues; problems?: FieldProblem[]; conflict?: boolean } = {}) => {
      const id = parseId(request.params.id)
      const { submission: s, matches, target: additionTarget } = await ctx.submissions.get(id)
      const slug = targetSlug ?? additionTarget?.slug
      const merge = slug ? await ctx.submissions.toolForMerge(slug) : undefined
      const csrf = reply.generateCsrf()
      const choose = html`${heading(2, t('curation.merge.choose'))}
<form method="get" action="${p(`/curation/${id}/merge`)}" class="citydeal-form">
<div class="utrecht-form-field"><div class="utrecht-form-field__label"><label class="utrecht-form-label" for="merge-target">${t('curation.merge.target')}</label></div>
<div class="utrecht-form-field__input">${select({
        id: 'merge-target',
        name: 'target',
        options: [
          ...(merge ? [] : [{ value: '', label: t('curation.merge.pick'), selected: true }]),
          ...summarizeMatches(matches)
            .filter((c) => c.slug)
            .map((c) => ({ value: c.slug!, label: `${c.name} (${c.score.toFixed(2)})`, selected: c.slug === merge?.tool.slug })),
          ...(merge && !matches.some((m) => m.candidate.slug === merge.tool.slug) ? [{ value: merge.tool.slug, label: toolName(merge.tool), selected: true }] : []),
        ],
      })}</div></div>
<p class="utrecht-paragraph">${button(t('curation.merge.show'), { secondary: true })}</p></form>`
      if (!merge) {
        return simplePage(pageContext(request, ctx.config.PUBLIC_URL), { title: t('curation.merge.title', { name: s.name }), section: 'curation' }, html`${
          slug ? alert('error', t('curation.merge.unknownTarget'), { role: 'alert' }) : ''
        }${paragraph(link(p(`/curation/${id}`), t('curation.backToSubmission')))}${choose}`)
      }
      const tool = merge.tool
      // The description a submitted one would replace: in the language it is written in (as the merge decides).
      const language: Locale = guessLanguage(s.description) ?? s.locale
      const knownNames = new Set([tool.name_nl, tool.name_en, ...merge.aliases].filter((n): n is string => !!n).map(normalizeName))
      const v = state.values ?? {}
      const radio = (field: string, options: { value: string; text: string }[], fallback: string) => {
        const chosen = str(v, field) ?? fallback
        return html`<fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset citydeal-choice"><legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">${t(`field.${field}` as MessageKey)}</legend>${options.map(
          (o) => html`<div class="utrecht-form-field utrecht-form-field--radio"><input class="utrecht-radio-button utrecht-radio-button--html-input" type="radio" id="merge-${field}-${o.value}" name="${field}" value="${o.value}"${o.value === chosen ? html` checked` : ''}> <label class="utrecht-form-label utrecht-form-label--radio" for="merge-${field}-${o.value}">${o.text}</label></div>`,
        )}</fieldset>`
      }
      const existingDescription = tool.description_nl && tool.description_en ? (language === 'en' ? tool.description_en : tool.description_nl) : (tool.description_nl ?? tool.description_en)
      const row = (field: string, current: string | null | undefined, submitted: string | null | undefined, control: SafeHtml | string) => [
        t(`field.${field}` as MessageKey),
        html`<span class="citydeal-prewrap">${current || '–'}</span>`,
        html`<span class="citydeal-prewrap">${submitted || '–'}</span>`,
        control,
      ]
      const keepOrTake = (field: string, submitted: string | null | undefined) =>
        submitted ? radio(field, [{ value: 'keep', text: t('curation.merge.keep') }, { value: 'submitted', text: t('curation.merge.take') }], 'keep') : t('curation.merge.nothingSubmitted')
      const keepOrAdd = (field: string, submitted: string[]) =>
        submitted.length > 0 ? radio(field, [{ value: 'keep', text: t('curation.merge.keep') }, { value: 'add', text: t('curation.merge.add') }], 'add') : t('curation.merge.nothingSubmitted')
      const content = html`${paragraph(link(p(`/curation/${id}`), t('curation.backToSubmission')))}
${state.conflict ? alert('error', t('curation.conflict'), { role: 'alert' }) : ''}
${errorSummary({ id: 'merge', problems: state.problems ?? [], locale })}
${choose}
${heading(2, t('curation.merge.fields', { name: toolName(tool) }))}
<form method="post" action="${p(`/curation/${id}/merge`)}" novalidate>
<input type="hidden" name="_csrf" value="${csrf}"><input type="hidden" name="version" value="${String(s.version)}"><input type="hidden" name="target" value="${tool.slug}">
${table(
  t('curation.merge.caption'),
  [t('curation.merge.field'), t('curation.merge.current'), t('curation.merge.submitted'), t('curation.merge.choice')],
  [
    row('description', existingDescription, s.description, keepOrTake('description', s.description)),
    row('websiteUrl', tool.website_url, s.website_url, keepOrTake('websiteUrl', s.website_url)),
    row('licence', tool.licence, s.licence, keepOrTake('licence', s.licence)),
    row('form', formName(tool.form), s.form ? formName(s.form) : null, keepOrTake('form', s.form)),
    row('category', label(locale, 'category', tool.category), s.category ? label(locale, 'category', s.category) : null, keepOrTake('category', s.category)),
    row('themes', merge.themes.map(criterionName).join(', '), s.themes.map(criterionName).join(', '), keepOrAdd('themes', s.themes)),
    row('sdgTargets', merge.sdgTargets.join(', '), s.sdg_targets.join(', '), keepOrAdd('sdgTargets', s.sdg_targets)),
    row('languages', tool.languages.map((l) => label(locale, 'language', l)).join(', '), s.languages.map((l) => label(locale, 'language', l)).join(', '), keepOrAdd('languages', s.languages)),
  ],
)}
${
        knownNames.has(normalizeName(s.name))
          ? paragraph(t('curation.merge.nameKnown', { name: s.name }))
          : checkboxField({ id: 'merge-alias', name: 'alias', value: 'on', checked: !state.values || str(v, 'alias') === 'on', label: t('curation.merge.alias', { name: s.name }) })
      }
<p class="utrecht-paragraph">${button(t('curation.merge.submit'))}</p>
</form>`
      return simplePage(pageContext(request, ctx.config.PUBLIC_URL), { title: t('curation.merge.title', { name: s.name }), section: 'curation' }, content)
    }

    app.get<{ Params: { id: string } }>(p('/curation/:id/merge'), async (request, reply) => {
      authorize(request.actor, 'curation.manage')
      const target = one((request.query as Record<string, unknown>).target)
      return send(reply, await mergePage(request, reply, target && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(target) && target.length <= 120 ? target : target ? '-' : undefined))
    })

    app.post<{ Params: { id: string } }>(p('/curation/:id/merge'), async (request, reply) => {
      const actor = authorize(request.actor, 'curation.manage')
      const id = parseId(request.params.id)
      const values = formValues(request.body)
      try {
        const input = validateInput(CurationMergeSchema, request.body)
        await ctx.submissions.merge(actor, id, input)
        return reply.redirect(`${p(`/curation/${id}`)}?done=merged`, 303)
      } catch (error) {
        const target = str(values, 'target')
        if (error instanceof ValidationError) return send(reply, await mergePage(request, reply, target, { values, problems: error.details }), 400)
        if (error instanceof ConflictError) return send(reply, await mergePage(request, reply, target, { values, conflict: true }), 409)
        throw error
      }
    })
  }
}
