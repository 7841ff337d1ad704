import { localePath, translator } from '../../../i18n/i18n.ts'
import { heading, link, paragraph } from '../../../views/components/index.ts'
import { html, type SafeHtml } from '../../../views/html.ts'
import { layout, type PageContext } from '../../../views/layout.ts'

export interface DataPageOptions {
  /** A software tool to show publiccode.yml with, if there is one. */
  softwareExample?: { slug: string; name: string } | undefined
  /** What other modules add: the embed snippet, for instance. */
  extra?: SafeHtml | undefined
}

/** /data: every download of the catalogue with its formats and licence, in the page's language. */
export function dataPage(ctx: PageContext, options: DataPageOptions): string {
  const t = translator(ctx.locale)
  const p = (path: string) => localePath(ctx.locale, path)
  const formats = (items: [string, string][]) => html`${items.map(([href, text], i) => html`${i > 0 ? ', ' : ''}${link(href, text)}`)}`
  // One section per download: reads the same at 1280 and at 375 pixels (a table would scroll sideways on a phone).
  const item = (name: string, text: string, links: SafeHtml, licence: string) =>
    html`<section class="citydeal-download">${heading(2, name)}${paragraph(text)}
<dl class="citydeal-download__facts"><div><dt>${t('data.table.formats')}</dt><dd>${links}</dd></div><div><dt>${t('data.table.licence')}</dt><dd>${licence}</dd></div></dl></section>`
  const cc0 = t('data.licence.cc0')
  const main = html`${heading(1, t('data.title'))}
${paragraph(t('data.intro'), { lead: true })}
${item(t('data.tools.name'), t('data.tools.text'), formats([['/data/tools.csv', 'CSV'], ['/data/tools.json', 'JSON']]), cc0)}
${item(t('data.catalogue.name'), t('data.catalogue.text'), formats([['/data/catalogue.ttl', 'Turtle'], ['/data/catalogue.jsonld', 'JSON-LD']]), cc0)}
${item(t('data.vocabularies.name'), t('data.vocabularies.text'), formats([[p('/vocabularies'), 'HTML, Turtle, JSON-LD']]), cc0)}
${item(
  t('data.publiccode.name'),
  t('data.publiccode.text'),
  options.softwareExample ? formats([[`/tools/${options.softwareExample.slug}/publiccode.yml`, t('data.publiccode.example', { name: options.softwareExample.name })]]) : html`YAML`,
  t('data.licence.perTool'),
)}
${item(t('data.api.name'), t('data.api.text'), formats([['/api/v1/tools', 'JSON'], ['/api/v1/openapi.json', 'OpenAPI'], [p('/api'), t('data.api.reference')]]), cc0)}
${item(t('data.feeds.name'), t('data.feeds.text'), formats([[p('/feeds/tools.atom'), 'Atom']]), cc0)}
${item(t('data.programme.name'), t('data.programme.text'), formats([[p('/programme'), t('data.programme.link')]]), cc0)}
${options.extra ?? ''}
${heading(2, t('data.command.heading'))}
${paragraph(t('data.command.text'))}`
  return layout(ctx, { title: t('data.title'), description: t('data.intro'), canonical: '/data' }, main)
}
