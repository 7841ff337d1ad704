import { label, localePath, translator } from '../../../i18n/i18n.ts'
import { alert, button, checkboxField, formField, heading, link, pagination, paragraph, select, table, textbox, type PaginationLink } from '../../../views/components/index.ts'
import { getForm } from '../../../views/form.ts'
import { html } from '../../../views/html.ts'
import { layout, type PageContext } from '../../../views/layout.ts'
import type { OrganisationListItemView } from '../organisations.presenter.ts'
import { ORGANISATION_KINDS, ORGANISATION_QUERY_MAX } from '../organisations.schemas.ts'

/** What /organisations was asked: everything is in the address. */
export interface OrganisationsQuery {
  q: string
  kind: string | undefined
  partner: boolean
  page: number
}

export interface OrganisationsPageModel {
  query: OrganisationsQuery
  total: number
  pages: number
  items: OrganisationListItemView[]
  /** Names like the search, when it found nothing. */
  suggestions: string[]
  /** Municipalities and provinces are left out unless they take part (see organisations.repository search). */
  governmentsLimited: boolean
}

/** The address of a list page: only the parameters that differ from the defaults. */
export function organisationsSearchParams(query: OrganisationsQuery): URLSearchParams {
  const params = new URLSearchParams()
  if (query.q) params.set('q', query.q)
  if (query.kind) params.set('kind', query.kind)
  if (query.partner) params.set('partner', 'on')
  if (query.page > 1) params.set('page', String(query.page))
  return params
}

/** /organisations: search by name or other name, filter by kind and partnership; how many tools each is in. */
export function organisationsPage(ctx: PageContext, model: OrganisationsPageModel): string {
  const { locale } = ctx
  const t = translator(locale)
  const base = localePath(locale, '/organisations')
  const { query } = model
  const href = (overrides: Partial<OrganisationsQuery>) => {
    const params = organisationsSearchParams({ ...query, ...overrides }).toString()
    return params ? `${base}?${params}` : base
  }
  const title = query.q ? t('organisations.titleWithQuery', { q: query.q }) : t('organisations.title')
  const filtered = !!(query.q || query.kind || query.partner)

  const form = getForm(
    { action: base, className: 'citydeal-filter-row citydeal-organisation-filters', label: t('organisations.filters.label') },
    html`${formField(
      'organisations-q',
      t('organisations.search.label'),
      textbox({ id: 'organisations-q', name: 'q', type: 'search', value: query.q, maxLength: ORGANISATION_QUERY_MAX, describedBy: 'organisations-q-hint' }),
      { id: 'organisations-q-hint', text: t('organisations.search.hint') },
    )}
${formField(
  'organisations-kind',
  t('organisations.kind.label'),
  select({
    id: 'organisations-kind',
    name: 'kind',
    options: [
      { value: '', label: t('organisations.kind.all'), selected: !query.kind },
      ...ORGANISATION_KINDS.map((k) => ({ value: k, label: label(locale, 'kind', k), selected: k === query.kind })),
    ],
  }),
)}
${checkboxField({ id: 'organisations-partner', name: 'partner', value: 'on', checked: query.partner, label: t('organisations.partner.label') })}
<p class="utrecht-paragraph">${button(t('organisations.search.button'))}</p>`,
  )

  const rows = model.items.map((o) => [
    html`${link(localePath(locale, `/organisations/${o.slug}`), o.name)}<br><span class="citydeal-meta">${o.kind.label}${o.cbsCode ? ` (${o.cbsCode})` : ''}${
      o.partner ? ` · ${t('organisations.partner')}` : ''
    }${o.aliases.length > 0 ? ` · ${t('organisations.alsoKnownAs', { names: o.aliases.join(', ') })}` : ''}</span>`,
    String(o.tools),
  ])

  const pageLinks: PaginationLink[] = []
  if (model.pages > 1) {
    const page = query.page
    if (page > 1) pageLinks.push({ href: href({ page: page - 1 }), label: t('catalogue.pagination.previous'), rel: 'prev' })
    for (let p = Math.max(1, page - 2); p <= Math.min(model.pages, page + 2); p++) {
      pageLinks.push({ href: href({ page: p }), label: t('catalogue.pagination.page', { page: p }), page: p, current: p === page })
    }
    if (page < model.pages) pageLinks.push({ href: href({ page: page + 1 }), label: t('catalogue.pagination.next'), rel: 'next' })
  }

  const count = model.total === 1 ? t('organisations.results.countOne') : t('organisations.results.count', { count: model.total })
  const main = html`${heading(1, title)}
${paragraph(t('organisations.intro'))}
${form}
${model.governmentsLimited ? paragraph(t('organisations.governmentsNote')) : ''}
<p class="utrecht-paragraph" role="status">${count}${model.pages > 1 ? html` · ${t('catalogue.pagination.current', { page: query.page, pages: model.pages })}` : ''}</p>
${
  model.total === 0
    ? alert(
        'info',
        html`${paragraph(t('organisations.results.none'))}${
          model.suggestions.length > 0
            ? paragraph(html`${t('organisations.results.didYouMean')} ${model.suggestions.map((name, i) => html`${i > 0 ? ', ' : ''}${link(`${base}?${new URLSearchParams({ q: name })}`, name)}`)}`)
            : ''
        }`,
      )
    : table(t('organisations.table.caption'), [t('organisations.table.organisation'), t('organisations.table.tools')], rows)
}
${pageLinks.length > 0 ? pagination(t('catalogue.pagination.label'), pageLinks) : ''}
${filtered ? paragraph(link(base, t('organisations.filters.clear'))) : ''}`
  return layout(ctx, { title, section: 'organisations', description: t('organisations.intro') }, main)
}
