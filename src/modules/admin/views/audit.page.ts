import { localePath, translator } from '../../../i18n/i18n.ts'
import { button, link, paragraph, table } from '../../../views/components/index.ts'
import { getForm, renderFields } from '../../../views/form.ts'
import { html } from '../../../views/html.ts'
import type { PageContext } from '../../../views/layout.ts'
import { simplePage } from '../../../views/simple.page.ts'
import { formatDateTime } from './admin.format.ts'

export interface AuditFilter {
  entityType?: string | undefined
  action?: string | undefined
  actor?: string | undefined
}

export interface AuditRow {
  occurred_at: Date | string
  actor_label: string
  organisation_name: string | null
  action: string
  entity_type: string
  entity_id: string
  before: unknown
  after: unknown
}

export interface AuditPageModel {
  filter: AuditFilter
  /** The values the filters offer: those that occur in the log. */
  entityTypes: string[]
  actions: string[]
  rows: AuditRow[]
  page: number
  hasOlder: boolean
}

/** The fields that changed, as "field: before → after" lines (full rows for creations). */
export function describeChange(before: unknown, after: unknown): string {
  const b = (before ?? {}) as Record<string, unknown>
  const a = (after ?? {}) as Record<string, unknown>
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]))
  return keys.map((k) => `${k}: ${k in b ? JSON.stringify(b[k]) : '–'} → ${k in a ? JSON.stringify(a[k]) : '–'}`).join('\n')
}

/** /admin/audit: every change, newest first, filtered by kind of record, action and who. */
export function auditPage(ctx: PageContext, model: AuditPageModel): string {
  const { locale } = ctx
  const t = translator(locale)
  const base = localePath(locale, '/admin/audit')
  const { filter, page } = model
  const pageLink = (n: number) => {
    const query = new URLSearchParams(Object.entries(filter).filter((e): e is [string, string] => !!e[1]))
    if (n > 1) query.set('page', String(n))
    return `${base}${query.size > 0 ? `?${query}` : ''}`
  }
  const all = [{ value: '', label: t('admin.audit.all') }]
  const filters = getForm(
    { action: base, className: 'citydeal-form' },
    html`${renderFields({
      id: 'audit',
      locale,
      fields: [
        { name: 'entityType', type: 'select', label: t('admin.audit.entityType'), value: filter.entityType ?? '', options: [...all, ...model.entityTypes.map((v) => ({ value: v, label: v }))] },
        { name: 'action', type: 'select', label: t('admin.audit.action'), value: filter.action ?? '', options: [...all, ...model.actions.map((v) => ({ value: v, label: v }))] },
        { name: 'actor', type: 'text', label: t('admin.audit.actor'), value: filter.actor ?? '', maxLength: 100 },
      ],
    })}
<p class="utrecht-paragraph">${button(t('admin.audit.filter'), { secondary: true })}</p>`,
  )
  const rows =
    model.rows.length === 0
      ? paragraph(t('admin.audit.none'))
      : table(
          t('admin.audit'),
          // Three columns, each with second lines, so that the log can be read on a phone without scrolling sideways.
          [t('admin.audit.whenAndWho'), t('admin.audit.whatAndRecord'), t('admin.audit.changes')],
          model.rows.map((r) => [
            html`${formatDateTime(locale, r.occurred_at)}<br><span class="citydeal-meta citydeal-break-anywhere">${r.actor_label}${r.organisation_name ? html`<br>${r.organisation_name}` : ''}</span>`,
            html`<span class="citydeal-break-anywhere">${r.action}</span><br><span class="citydeal-meta">${r.entity_type} ${r.entity_id}</span>`,
            html`<pre class="citydeal-pre">${describeChange(r.before, r.after)}</pre>`,
          ]),
        )
  return simplePage(
    ctx,
    { title: t('admin.audit'), intro: t('admin.audit.intro'), section: 'admin' },
    html`${filters}
${rows}
${paragraph(html`${page > 1 ? link(pageLink(page - 1), t('admin.audit.newer'), { rel: 'prev' }) : ''} ${model.hasOlder ? link(pageLink(page + 1), t('admin.audit.older'), { rel: 'next' }) : ''}`)}`,
  )
}
