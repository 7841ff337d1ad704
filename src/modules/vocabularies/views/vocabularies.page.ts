import { localePath, translator } from '../../../i18n/i18n.ts'
import { heading, link, paragraph, table, unorderedList } from '../../../views/components/index.ts'
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
${paragraph(link(localePath(ctx.locale, '/data/catalogue.ttl'), t('vocabularies.catalogue')))}`
  return simplePage(ctx, { title: t('vocabularies.title'), intro: t('vocabularies.intro'), index: true }, content)
}

/** /vocabularies/{scheme}: the concepts with their address, labels in both languages, definition and note. */
export function schemePage(ctx: PageContext, scheme: ConceptScheme): string {
  const { locale } = ctx
  const t = translator(locale)
  const title = textIn(scheme.title, locale) ?? scheme.slug
  // Each concept's row carries its code as id: a concept's address resolves to this page with that anchor.
  const rows = scheme.concepts.map((c) => [
    html`<span id="${c.code}">${c.notation ?? c.code}</span>`,
    html`<span lang="nl">${c.prefLabel.nl}</span>`,
    html`<span lang="en">${c.prefLabel.en}</span>`,
    html`${textIn(c.definition, locale) ?? ''}${c.scopeNote ? html`<br>${t('vocabularies.note')}: ${textIn(c.scopeNote, locale)}` : ''}`,
    html`<code>${conceptUri(ctx.publicUrl, scheme.slug, c.code)}</code>`,
  ])
  const content = html`${paragraph(html`${t('vocabularies.uri')}: <code>${schemeUri(ctx.publicUrl, scheme.slug)}</code>`)}
${table(t('vocabularies.table', { scheme: title }), [t('vocabularies.code'), t('vocabularies.labelNl'), t('vocabularies.labelEn'), t('vocabularies.definition'), t('vocabularies.uri')], rows)}
${downloads(ctx, `/vocabularies/${scheme.slug}`)}
${paragraph(link(localePath(locale, '/vocabularies'), t('vocabularies.back')))}`
  return simplePage(ctx, { title, intro: textIn(scheme.description, locale), index: true }, content)
}
