import { localePath, translator } from '../../../i18n/i18n.ts'
import {
  alert,
  button,
  checkboxField,
  fieldset,
  formField,
  heading,
  link,
  pagination,
  paragraph,
  select,
  statusBadge,
  textbox,
  type PaginationLink,
} from '../../../views/components/index.ts'
import { html, raw, type SafeHtml } from '../../../views/html.ts'
import { layout, type PageContext } from '../../../views/layout.ts'
import { localizedName, localizedText } from '../../../views/localized.ts'
import { MAX_QUERY_LENGTH, SORTS } from '../tools.constants.ts'
import type { FacetView, ListItemView } from '../tools.presenter.ts'
import { catalogueSearchParams, type CatalogueQuery } from '../tools.schemas.ts'

export interface CataloguePageModel {
  query: CatalogueQuery
  total: number
  pages: number
  items: ListItemView[]
  facets: FacetView[]
  corrections: string[]
  noSearchableWords: boolean
}

const STATUS_VARIANT: Record<string, 'neutral' | 'active' | 'success' | 'warning' | 'inactive'> = {
  available: 'active',
  secured: 'active',
  retired: 'inactive',
  testing: 'warning',
  in_development: 'warning',
}

/**
 * A facet value's checkbox without its count, as the markup before and after the count: a search page has about a
 * hundred of them and only their counts change from page to page. Bounded (emptied when full).
 */
const optionMarkup = new Map<string, [string, string]>()
const MAX_OPTIONS = 5_000
const COUNT_HERE = '\u0001'

function facetOption(facet: string, v: FacetView['values'][number]): SafeHtml {
  const key = `${facet}\u0000${v.value}\u0000${v.label}\u0000${v.selected ? 1 : 0}`
  let parts = optionMarkup.get(key)
  if (!parts) {
    const markup = checkboxField({
      id: `facet-${facet}-${v.value}`.replace(/[^a-zA-Z0-9_-]/g, '-'),
      name: facet,
      value: v.value,
      checked: v.selected,
      label: html`${v.label} <span class="citydeal-facet-count">(${raw(COUNT_HERE)})</span>`,
    }).value
    const at = markup.indexOf(COUNT_HERE)
    parts = [markup.slice(0, at), markup.slice(at + 1)]
    if (optionMarkup.size >= MAX_OPTIONS) optionMarkup.clear()
    optionMarkup.set(key, parts)
  }
  return raw(parts[0] + v.count + parts[1])
}

/** Long facets (municipalities) show their most frequent values, plus every selected one. */
const FACET_DISPLAY_LIMIT = 25

function shownValues(values: FacetView['values']): FacetView['values'] {
  if (values.length <= FACET_DISPLAY_LIMIT) return values
  const top = new Set([...values].sort((a, b) => b.count - a.count).slice(0, FACET_DISPLAY_LIMIT).map((v) => v.value))
  return values.filter((v) => v.selected || top.has(v.value))
}

export function cataloguePage(ctx: PageContext, model: CataloguePageModel): string {
  const t = translator(ctx.locale)
  const base = localePath(ctx.locale, '/tools')
  const href = (overrides: Partial<CatalogueQuery>) => {
    const params = catalogueSearchParams(model.query, overrides).toString()
    return params ? `${base}?${params}` : base
  }
  const filtered = model.facets.some((f) => f.values.some((v) => v.selected))
  const title = model.query.q
    ? t(filtered ? 'catalogue.titleWithQueryFiltered' : 'catalogue.titleWithQuery', { q: model.query.q })
    : t(filtered ? 'catalogue.titleFiltered' : 'catalogue.title')

  const activeFilters = model.facets.flatMap((f) =>
    f.values
      .filter((v) => v.selected)
      .map((v) => {
        const filters = { ...model.query.filters, [f.facet]: model.query.filters[f.facet].filter((x) => x !== v.value) }
        return html`<li>${link(href({ filters, page: 1 }), `${f.label}: ${v.label} ×`, { label: t('catalogue.removeFilter', { label: `${f.label}: ${v.label}` }) })}</li>`
      }),
  )

  // On a phone the filters wait behind a closed "Filters (n)" disclosure, so the results come first; on a wide
  // screen the stylesheet hides the summary and shows the form beside the results (::details-content), as before.
  const facetForm = html`<form method="get" action="${base}" class="citydeal-facets" aria-labelledby="filters-heading">
${heading(2, t('catalogue.filters.heading'), { id: 'filters-heading' })}
${model.query.q ? html`<input type="hidden" name="q" value="${model.query.q}">` : ''}
${model.query.sort !== (model.query.q ? 'relevance' : 'name') ? html`<input type="hidden" name="sort" value="${model.query.sort}">` : ''}
${model.facets
  .filter((f) => f.values.length > 0)
  .map(
    (f) => html`<details${f.values.some((v) => v.selected) || ['category', 'form'].includes(f.facet) ? html` open` : ''}>
<summary>${f.label}</summary>
${f.values.length > FACET_DISPLAY_LIMIT ? paragraph(t('catalogue.facetTop', { count: FACET_DISPLAY_LIMIT })) : ''}
${fieldset(
  f.label,
  shownValues(f.values).map((v) => facetOption(f.facet, v)),
)}
</details>`,
  )}
<p class="utrecht-paragraph">${button(t('catalogue.filters.apply'))}</p>
${activeFilters.length > 0 ? paragraph(link(model.query.q ? `${base}?${new URLSearchParams({ q: model.query.q })}` : base, t('catalogue.filters.clear'))) : ''}
</form>`

  const searchForm = html`<form method="get" action="${base}" class="citydeal-search" role="search">
${formField(
  'catalogue-q',
  t('catalogue.search.label'),
  textbox({ id: 'catalogue-q', name: 'q', type: 'search', value: model.query.q, maxLength: MAX_QUERY_LENGTH, describedBy: 'catalogue-q-hint' }),
  { id: 'catalogue-q-hint', text: t('catalogue.search.hint') },
)}
${formField(
  'catalogue-sort',
  t('catalogue.sort.label'),
  select({
    id: 'catalogue-sort',
    name: 'sort',
    options: SORTS.filter((s) => s !== 'relevance' || model.query.q).map((s) => ({ value: s, label: t(`catalogue.sort.${s}`), selected: s === model.query.sort })),
  }),
)}
${Object.entries(model.query.filters).flatMap(([facet, values]) => values.map((v) => html`<input type="hidden" name="${facet}" value="${v}">`))}
${button(t('catalogue.search.button'))}
</form>`

  // A result carries the search it was found with, so its page can link back to these results.
  const state = catalogueSearchParams(model.query).toString()
  const toolHref = (slug: string) => `${localePath(ctx.locale, `/tools/${slug}`)}${state ? `?${new URLSearchParams({ from: state })}` : ''}`
  const results = html`<ol class="citydeal-results" start="${(model.query.page - 1) * model.query.pageSize + 1}">${model.items.map(
    (item) => html`<li class="citydeal-result">
${heading(3, link(toolHref(item.slug), localizedName(item.name)))}
<ul class="citydeal-badges">
<li>${statusBadge(item.category.label)}</li>
<li>${statusBadge(item.form.label)}</li>
<li>${statusBadge(item.status.label, STATUS_VARIANT[item.status.code] ?? 'neutral')}</li>
</ul>
${item.description ? paragraph(localizedText(item.description, ctx.locale)) : ''}
</li>`,
  )}</ol>`

  const pageLinks: PaginationLink[] = []
  if (model.pages > 1) {
    const page = model.query.page
    if (page > 1) pageLinks.push({ href: href({ page: page - 1 }), label: t('catalogue.pagination.previous'), rel: 'prev' })
    const first = Math.max(1, page - 2)
    const last = Math.min(model.pages, page + 2)
    const pageLink = (p: number): PaginationLink => ({ href: href({ page: p }), label: t('catalogue.pagination.page', { page: p }), page: p, current: p === page })
    // The first and the last page are always in reach, with an ellipsis where pages are left out.
    if (first > 1) pageLinks.push(pageLink(1), ...(first > 2 ? [{ href: '', label: '', gap: true }] : []))
    for (let p = first; p <= last; p++) pageLinks.push(pageLink(p))
    if (last < model.pages) pageLinks.push(...(last < model.pages - 1 ? [{ href: '', label: '', gap: true }] : []), pageLink(model.pages))
    if (page < model.pages) pageLinks.push({ href: href({ page: page + 1 }), label: t('catalogue.pagination.next'), rel: 'next' })
  }

  const count = model.total === 1 ? t('catalogue.results.countOne') : t('catalogue.results.count', { count: model.total })
  const main = html`${heading(1, title)}
${searchForm}
<p class="utrecht-paragraph citydeal-pipeline-link">${link(localePath(ctx.locale, '/tools/pipeline'), t('pipeline.link'))}</p>
<div class="citydeal-catalogue">
<details class="citydeal-filters-toggle"><summary class="citydeal-filters-toggle__summary">${t('catalogue.filters.toggle', { count: activeFilters.length })}</summary>${facetForm}</details>
<section aria-labelledby="results-heading">
${heading(2, t('catalogue.results.heading'), { id: 'results-heading' })}
<p class="utrecht-paragraph" role="status">${count}${model.pages > 1 ? html` · ${t('catalogue.pagination.current', { page: model.query.page, pages: model.pages })}` : ''}</p>
${model.corrections.length > 0 ? paragraph(t('catalogue.results.corrected', { words: model.corrections.join(', ') })) : ''}
${activeFilters.length > 0 ? html`<h3 class="utrecht-heading-3">${t('catalogue.activeFilters')}</h3><ul class="citydeal-active-filters">${activeFilters}</ul>` : ''}
${model.noSearchableWords ? alert('info', t('catalogue.results.noWords')) : model.total === 0 ? html`${alert('info', t('catalogue.results.none'))}${paragraph(html`${t('catalogue.results.shareMissing')} ${link(localePath(ctx.locale, '/tools/share'), t('catalogue.results.shareLink'))}`)}` : results}
${pageLinks.length > 0 ? pagination(t('catalogue.pagination.label'), pageLinks) : ''}
</section>
</div>`
  return layout(ctx, { title, section: 'tools', description: t('catalogue.description'), canonical: `/tools${ctx.search}` }, main)
}
