import type { SubmissionStatus } from '../../../db/schema.ts'
import { localePath, translator } from '../../../i18n/i18n.ts'
import { button, dataList, formField, heading, link, paragraph, select, textbox } from '../../../views/components/index.ts'
import { getForm } from '../../../views/form.ts'
import { html } from '../../../views/html.ts'
import type { PageContext } from '../../../views/layout.ts'
import { simplePage } from '../../../views/simple.page.ts'
import { curatorStatusBadge } from '../../submissions/views/submission.components.ts'
import { formatDateTime, toolName } from './curation.format.ts'

export const STATUS_FILTERS = ['open', 'pending', 'needs_info', 'published', 'merged', 'rejected', 'all'] as const
export type StatusFilter = (typeof STATUS_FILTERS)[number]

export interface QueueRow {
  id: number
  kind: 'new_tool' | 'addition'
  status: SubmissionStatus
  name: string
  created_at: Date | string
  confirmed_different: boolean
  /** The possible duplicates its page lists. */
  candidates: { name: string; likely: boolean }[]
  target_slug: string | null
  target_name_nl: string | null
  target_name_en: string | null
}

export interface QueuePageModel {
  statusFilter: StatusFilter
  kind: 'new_tool' | 'addition' | undefined
  q: string
  page: number
  pages: number
  total: number
  rows: QueueRow[]
  counts: Map<string, number>
}

/** /curation: the queue of shared tools, with filters. */
export function queuePage(ctx: PageContext, model: QueuePageModel): string {
  const { locale } = ctx
  const t = translator(locale)
  const base = localePath(locale, '/curation')
  const { statusFilter, kind, q, page, pages, counts } = model
  const count = (s: StatusFilter) =>
    s === 'open' ? ` (${(counts.get('pending') ?? 0) + (counts.get('needs_info') ?? 0)})` : s === 'all' ? '' : ` (${counts.get(s) ?? 0})`
  const pageLink = (n: number) => `${base}?${new URLSearchParams({ status: statusFilter, ...(kind ? { kind } : {}), ...(q ? { q } : {}), page: String(n) })}`

  const filters = getForm(
    { action: base, className: 'citydeal-filter-row' },
    html`${formField(
      'queue-status',
      t('curation.filter.status'),
      select({
        id: 'queue-status',
        name: 'status',
        options: STATUS_FILTERS.map((s) => ({ value: s, label: `${t(`curation.filter.status.${s}` as const)}${count(s)}`, selected: s === statusFilter })),
      }),
    )}
${formField(
  'queue-kind',
  t('curation.filter.kind'),
  select({
    id: 'queue-kind',
    name: 'kind',
    options: [
      { value: '', label: t('curation.filter.kind.all'), selected: !kind },
      { value: 'new_tool', label: t('curation.kind.new_tool'), selected: kind === 'new_tool' },
      { value: 'addition', label: t('curation.kind.addition'), selected: kind === 'addition' },
    ],
  }),
)}
${formField('queue-q', t('curation.filter.q'), textbox({ id: 'queue-q', name: 'q', value: q, type: 'search', maxLength: 100 }))}
<p class="utrecht-paragraph">${button(t('curation.filter.apply'))}</p>`,
  )

  // A list, not a table: a name wraps between words and a badge stays whole at any width, down to a phone.
  const items = model.rows.map((r) => {
    const likely = r.candidates.filter((c) => c.likely)
    return html`<li class="citydeal-result">
${heading(3, link(localePath(locale, `/curation/${r.id}`), r.name))}
<ul class="citydeal-badges"><li>${curatorStatusBadge(locale, r.status)}</li></ul>
${dataList([
  {
    key: t('curation.table.kind'),
    value: r.kind === 'addition' && r.target_slug ? html`${t('curation.kind.addition')}: ${toolName(locale, { name_nl: r.target_name_nl, name_en: r.target_name_en })}` : t('curation.kind.new_tool'),
  },
  { key: t('curation.table.submitted'), value: formatDateTime(locale, r.created_at) },
  {
    key: t('curation.table.duplicates'),
    value:
      r.candidates.length === 0
        ? t('curation.queue.noDuplicates')
        : html`${String(r.candidates.length)}${likely.length > 0 ? html` · ${t('curation.queue.likely', { names: likely.map((c) => c.name).join(', ') })}` : ''}${r.confirmed_different ? html` (${t('curation.confirmedDifferent')})` : ''}`,
  },
])}
</li>`
  })

  // Curators also add tools directly (the same duplicate check runs first).
  const content = html`${paragraph(html`${link(localePath(locale, '/tools/new'), t('lifecycle.newTool'))} · ${link(localePath(locale, '/curation/open-data'), t('openData.report.title'))}`)}
${filters}
${paragraph(model.total === 1 ? t('curation.queue.countOne') : t('curation.queue.count', { count: model.total }))}
${
  items.length === 0
    ? paragraph(t('curation.queue.empty'))
    : html`${heading(2, t('curation.queue.caption'))}<ul class="citydeal-results">${items}</ul>`
}
${
  pages > 1
    ? html`<nav aria-label="${t('catalogue.pagination.label')}"><p class="utrecht-paragraph">${page > 1 ? link(pageLink(page - 1), t('curation.previous'), { rel: 'prev' }) : ''} ${t('curation.pageOf', { page, pages })} ${
        page < pages ? link(pageLink(page + 1), t('curation.next'), { rel: 'next' }) : ''
      }</p></nav>`
    : ''
}`
  return simplePage(ctx, { title: t('curation.title'), intro: t('curation.intro'), section: 'curation' }, content)
}
