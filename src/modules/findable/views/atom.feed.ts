import { label, localePath, translator } from '../../../i18n/i18n.ts'
import type { Locale } from '../../../i18n/messages.ts'
import type { ReferenceData } from '../../reference/reference.service.ts'
import type { FeedTool } from '../findable.repository.ts'
import { xml, xmlDocument, xmlText } from './xml.ts'

/** How a tool's entry is identified for good: a tag URI (RFC 4151) on the site's host and the tool's id, per language. */
export function toolEntryId(publicUrl: string, toolId: number, locale: Locale): string {
  return `tag:${new URL(publicUrl).hostname},2026:tools/${toolId}/${locale}`
}

/** A text in the feed's language, or in the other one (said with xml:lang) when it has no translation. */
function inLanguage(nl: string | null, en: string | null, locale: Locale): { text: string; lang: Locale } | undefined {
  const wanted = locale === 'nl' ? nl : en
  if (wanted) return { text: wanted, lang: locale }
  const other = locale === 'nl' ? en : nl
  return other ? { text: other, lang: locale === 'nl' ? 'en' : 'nl' } : undefined
}

/** The Atom feed (RFC 4287) of the tools changed most recently, newest first, in one language. */
export function toolsFeed(options: { locale: Locale; publicUrl: string; tools: FeedTool[]; reference: ReferenceData }): string {
  const { locale, publicUrl, tools, reference } = options
  const t = translator(locale)
  const other: Locale = locale === 'nl' ? 'en' : 'nl'
  const selfUrl = `${publicUrl}${localePath(locale, '/feeds/tools.atom')}`
  // An empty catalogue has no newest change: the feed then says it is as old as the epoch, not "now" on every request.
  const updated = (tools[0]?.updated_at ?? new Date(0)).toISOString()
  const entries = tools.map((tool) => {
    const title = inLanguage(tool.name_nl, tool.name_en, locale) ?? { text: tool.slug, lang: locale }
    const summary = inLanguage(tool.description_nl, tool.description_en, locale)
    const form = reference.formsByCode.get(tool.form)
    const attrLang = (lang: Locale) => (lang === locale ? '' : xml` xml:lang="${lang}"`)
    return xml`<entry>
<id>${toolEntryId(publicUrl, tool.id, locale)}</id>
<title type="text"${attrLang(title.lang)}>${xmlText(title.text)}</title>
${summary ? xml`<summary type="text"${attrLang(summary.lang)}>${xmlText(summary.text)}</summary>\n` : ''}<updated>${tool.updated_at.toISOString()}</updated>
<published>${tool.created_at.toISOString()}</published>
<link rel="alternate" type="text/html" hreflang="${locale}" href="${publicUrl}${localePath(locale, `/tools/${tool.slug}`)}"/>
<category scheme="${publicUrl}${localePath(locale, '/tools')}?form=" term="${tool.form}" label="${form ? (locale === 'nl' ? form.name_nl : form.name_en) : tool.form}"/>
<category scheme="${publicUrl}${localePath(locale, '/tools')}?category=" term="${tool.category}" label="${label(locale, 'category', tool.category)}"/>
</entry>
`
  })
  return xmlDocument(xml`<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${locale}">
<id>${selfUrl}</id>
<title type="text">${t('feeds.title')}</title>
<subtitle type="text">${t('feeds.subtitle', { count: tools.length })}</subtitle>
<updated>${updated}</updated>
<link rel="self" type="application/atom+xml" href="${selfUrl}"/>
<link rel="alternate" type="text/html" hreflang="${locale}" href="${publicUrl}${localePath(locale, '/tools')}?sort=newest"/>
<link rel="alternate" type="application/atom+xml" hreflang="${other}" href="${publicUrl}${localePath(other, '/feeds/tools.atom')}"/>
<author><name>${t('site.name')}</name><uri>${publicUrl}${localePath(locale, '/')}</uri></author>
<icon>${publicUrl}/assets/favicon.svg</icon>
${entries}</feed>
`)
}
