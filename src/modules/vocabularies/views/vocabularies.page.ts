import { localePath, translator } from '../../../i18n/i18n.ts'
import { dataList, heading, link, paragraph, unorderedList } from '../../../views/components/index.ts'
import { html } from '../../../views/html.ts'
import type { PageContext } from '../../../views/layout.ts'
import { simplePage } from '../../../views/simple.page.ts'
import { conceptUri, schemeUri, textIn, type ConceptScheme } from '../vocabularies.model.ts'

const downloads = (ctx: PageContext, path: string) => {
  const t = translator(ctx.locale)
  return html`${heading(2, t('vocabularies.downloads'))}
${unorderedList([link(`${path}.ttl`, t('vocabularies.turtle'), { rel: 'alternate' }), link(`${path}.jsonld`, t('vocabularies.jsonld'), { rel: 'alternate' })])}`
}

/** /vocabularies: every concept scheme, with how many concepts it has. */
export function vocabulariesIndexPage(ctx: PageContext, schemes: ConceptScheme[]): string {
  const t = translator(ctx.locale)
  const items = schemes.map(
    (s) => html`${link(localePath(ctx.locale, `/vocabularies/${s.slug}`), textIn(s.title, ctx.locale))}: ${textIn(s.description, ctx.locale)} (${t('vocabularies.concepts', { count: s.concepts.length })})`,
  )
  const content = html`${unorderedList(items)}
${downloads(ctx, '/vocabularies')}
${paragraph(link('/data/catalogue.ttl', t('vocabularies.catalogue')))}`
  return simplePage(ctx, { title: t('vocabularies.title'), intro: t('vocabularies.intro'), index: true }, content)
}

/**
 * /vocabularies/{scheme}: each concept under a heading whose id is its code (a concept's address resolves to this
 * page with that anchor), with its labels in both languages, definition, note and address. A list, not a table:
 * it reads on a phone without scrolling sideways.
 */
export function schemePage(ctx: PageContext, scheme: ConceptScheme): string {
  const { locale } = ctx
  const t = translator(locale)
  const title = textIn(scheme.title, locale) ?? scheme.slug
  const concepts = scheme.concepts.map((c) => {
    const uri = conceptUri(ctx.publicUrl, scheme.slug, c.code)
    return html`${heading(2, textIn(c.prefLabel, locale), { id: c.code })}
${dataList([
  { key: t('vocabularies.code'), value: c.notation ?? c.code },
  { key: t('vocabularies.labelNl'), value: html`<span lang="nl">${c.prefLabel.nl}</span>` },
  { key: t('vocabularies.labelEn'), value: html`<span lang="en">${c.prefLabel.en}</span>` },
  ...(c.definition ? [{ key: t('vocabularies.definition'), value: textIn(c.definition, locale) }] : []),
  ...(c.scopeNote ? [{ key: t('vocabularies.note'), value: textIn(c.scopeNote, locale) }] : []),
  { key: t('vocabularies.uri'), value: html`<code class="citydeal-break-anywhere">${uri}</code>` },
])}`
  })
  const content = html`${paragraph(html`${t('vocabularies.uri')}: <code class="citydeal-break-anywhere">${schemeUri(ctx.publicUrl, scheme.slug)}</code>`)}
${concepts}
${downloads(ctx, `/vocabularies/${scheme.slug}`)}
${paragraph(link(localePath(locale, '/vocabularies'), t('vocabularies.back')))}`
  return simplePage(ctx, { title, intro: textIn(scheme.description, locale), index: true }, content)
}
