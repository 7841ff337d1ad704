import { localePath, translator } from '../../../i18n/i18n.ts'
import { button, buttonLink, formField, heading, link, paragraph, textbox } from '../../../views/components/index.ts'
import { formatDate } from '../../../views/format.ts'
import { html } from '../../../views/html.ts'
import { layout, type PageContext } from '../../../views/layout.ts'
import { callCard, type OpenCall } from '../../calls/views/calls.page.ts'
import { MAX_QUERY_LENGTH } from '../../tools/tools.constants.ts'

export interface HomePageModel {
  totalTools: number
  cityDealTools: number
  organisations: number
  categories: { code: string; label: string; description: string; count: number }[]
  forms: { code: string; label: string; count: number }[]
  /** A few open calls for test municipalities, those closing first first. */
  calls: OpenCall[]
  /** The four processes a tool changes, and the Rathenau ethical themes, each with its number of tools. */
  processes: BrowseItem[]
  themes: BrowseItem[]
  /** The newest tools, newest first. */
  recent: { slug: string; name: string; lang: string | undefined; form: string; added: Date }[]
}

export interface BrowseItem {
  code: string
  label: string
  count: number
}

export function homePage(ctx: PageContext, model: HomePageModel): string {
  const t = translator(ctx.locale)
  const tools = localePath(ctx.locale, '/tools')
  const countText = (count: number) => (count === 1 ? t('home.toolCountOne') : t('home.toolCount', { count }))
  // A way in to the catalogue per value; one without tools is named, not offered as a link to an empty list.
  const browse = (facet: string, id: string, title: string, items: BrowseItem[]) => html`<section aria-labelledby="${id}">
${heading(2, title, { id })}
<ul class="citydeal-tiles citydeal-tiles--compact">${items.map(
    (item) => html`<li>${item.count > 0 ? link(`${tools}?${facet}=${encodeURIComponent(item.code)}`, item.label) : item.label} <span class="citydeal-facet-count">(${countText(item.count)})</span></li>`,
  )}</ul>
</section>`
  const main = html`${heading(1, t('home.title'))}
${paragraph(t('home.intro'), { lead: true })}
<form method="get" action="${tools}" class="citydeal-search" role="search">
${formField('home-q', t('home.search.label'), textbox({ id: 'home-q', name: 'q', type: 'search', value: '', maxLength: MAX_QUERY_LENGTH }))}
${button(t('home.search.button'))}
</form>
<section aria-labelledby="counts-heading">
${heading(2, t('home.counts.heading'), { id: 'counts-heading' })}
<ul class="citydeal-tiles citydeal-figures">
<li><span class="citydeal-count">${model.totalTools}</span> ${t('home.counts.tools')}</li>
<li><span class="citydeal-count">${model.cityDealTools}</span> ${t('home.counts.cityDeal')}</li>
<li><span class="citydeal-count">${model.organisations}</span> ${t('home.counts.organisations')}</li>
</ul>
</section>
<section aria-labelledby="category-heading">
${heading(2, t('home.byCategory'), { id: 'category-heading' })}
<ul class="citydeal-tiles">${model.categories.map(
    (c) => html`<li>${heading(3, link(`${tools}?category=${c.code}`, c.label))}
${paragraph(c.description)}
${paragraph(countText(c.count))}</li>`,
  )}</ul>
</section>
${browse('process', 'process-heading', t('home.byProcess'), model.processes)}
${browse('theme', 'theme-heading', t('home.byTheme'), model.themes)}
${model.recent.length > 0
  ? html`<section aria-labelledby="recent-heading">
${heading(2, t('home.recent.heading'), { id: 'recent-heading' })}
<ul class="citydeal-recent">${model.recent.map(
      (r) => html`<li>${link(localePath(ctx.locale, `/tools/${r.slug}`), r.name, { lang: r.lang })} <span class="citydeal-meta">${r.form} · ${t('home.recent.added', { date: formatDate(ctx.locale, r.added) })}</span></li>`,
    )}</ul>
${paragraph(link(`${tools}?sort=newest`, t('home.recent.all')))}
</section>`
  : ''}
${model.calls.length > 0
  ? html`<section aria-labelledby="calls-heading">
${heading(2, t('calls.home.heading'), { id: 'calls-heading' })}
<ul class="citydeal-calls">${model.calls.map((c) => callCard(ctx.locale, c, 3))}</ul>
${paragraph(link(localePath(ctx.locale, '/calls'), t('calls.home.all')))}
</section>`
  : ''}
<section aria-labelledby="pipeline-heading">
${heading(2, t('home.pipeline.heading'), { id: 'pipeline-heading' })}
${paragraph(t('home.pipeline.text'))}
${paragraph(link(localePath(ctx.locale, '/tools/pipeline'), t('home.pipeline.link')))}
${paragraph(link(localePath(ctx.locale, '/programme'), t('programme.homeLink')))}
${paragraph(link(localePath(ctx.locale, '/proposals'), t('proposals.homeLink')))}
${paragraph(link(localePath(ctx.locale, '/gatherings'), t('gatherings.homeLink')))}
</section>
<section aria-labelledby="share-heading">
${heading(2, t('home.share.heading'), { id: 'share-heading' })}
${paragraph(t('home.share.text'))}
<p class="utrecht-paragraph">${buttonLink(localePath(ctx.locale, '/tools/share'), t('home.share.link'))}</p>
</section>
<section aria-labelledby="form-heading">
${heading(2, t('home.byForm'), { id: 'form-heading' })}
<ul class="citydeal-tiles citydeal-tiles--compact">${model.forms.map(
    // A form without tools is named, not offered as a link to an empty list.
    (f) => html`<li>${f.count > 0 ? link(`${tools}?form=${f.code}`, f.label) : f.label} <span class="citydeal-facet-count">(${f.count})</span></li>`,
  )}</ul>
</section>`
  return layout(ctx, { title: t('home.title'), section: 'home', description: t('home.intro') }, main)
}
