import { localePath, translator } from '../../../i18n/i18n.ts'
import { button, formField, heading, link, paragraph, textbox } from '../../../views/components/index.ts'
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
}

export function homePage(ctx: PageContext, model: HomePageModel): string {
  const t = translator(ctx.locale)
  const tools = localePath(ctx.locale, '/tools')
  const main = html`${heading(1, t('home.title'))}
${paragraph(t('home.intro'), { lead: true })}
<form method="get" action="${tools}" class="citydeal-search" role="search">
${formField('home-q', t('home.search.label'), textbox({ id: 'home-q', name: 'q', type: 'search', value: '', maxLength: MAX_QUERY_LENGTH }))}
${button(t('home.search.button'))}
</form>
<section aria-labelledby="counts-heading">
${heading(2, t('home.counts.heading'), { id: 'counts-heading' })}
<ul class="citydeal-tiles">
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
${paragraph(c.count === 1 ? t('home.toolCountOne') : t('home.toolCount', { count: c.count }))}</li>`,
  )}</ul>
</section>
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
${paragraph(link(localePath(ctx.locale, '/tools/share'), t('home.share.link')))}
</section>
<section aria-labelledby="form-heading">
${heading(2, t('home.byForm'), { id: 'form-heading' })}
<ul class="citydeal-tiles">${model.forms.map(
    // A form without tools is named, not offered as a link to an empty list.
    (f) => html`<li>${f.count > 0 ? link(`${tools}?form=${f.code}`, f.label) : f.label} <span class="citydeal-facet-count">(${f.count})</span></li>`,
  )}</ul>
</section>`
  return layout(ctx, { title: t('home.title'), section: 'home', description: t('home.intro') }, main)
}
