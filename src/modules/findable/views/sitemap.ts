import { localePath } from '../../../i18n/i18n.ts'
import { LOCALES } from '../../../i18n/messages.ts'
import { xml, xmlDocument } from './xml.ts'

/** A page of the site (its path without locale prefix) and, where known, when it last changed. */
export interface SitemapPage {
  path: string
  lastModified?: Date
}

/**
 * The sitemap (sitemaps.org 0.9): every page in Dutch and in English, each naming both language versions and the
 * default (Dutch) with xhtml:link rel="alternate" hreflang, as search engines read them.
 */
export function sitemap(publicUrl: string, pages: SitemapPage[]): string {
  const urls = pages.flatMap((page) => {
    const alternates = xml`<xhtml:link rel="alternate" hreflang="nl" href="${publicUrl}${localePath('nl', page.path)}"/>
<xhtml:link rel="alternate" hreflang="en" href="${publicUrl}${localePath('en', page.path)}"/>
<xhtml:link rel="alternate" hreflang="x-default" href="${publicUrl}${localePath('nl', page.path)}"/>`
    return LOCALES.map(
      (locale) => xml`<url><loc>${publicUrl}${localePath(locale, page.path)}</loc>${page.lastModified ? xml`<lastmod>${page.lastModified.toISOString()}</lastmod>` : ''}
${alternates}
</url>
`,
    )
  })
  return xmlDocument(xml`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
${urls}</urlset>
`)
}

/**
 * robots.txt: everything public may be crawled; pages that are private, per visitor or endless (sign-in, account,
 * curation, administration, forms, tracking links, the API's answers apart from its description) may not.
 */
export function robotsTxt(publicUrl: string): string {
  const closed = ['/admin', '/curation', '/account', '/login', '/logout', '/password/', '/submissions/', '/tools/share', '/api/v1/', '/embed/']
  const both = closed.flatMap((path) => [path, localePath('en', path)])
  return [
    `# ${publicUrl}`,
    'User-agent: *',
    ...both.map((path) => `Disallow: ${path}`),
    'Allow: /api/v1/openapi.json',
    'Allow: /',
    '',
    `Sitemap: ${publicUrl}/sitemap.xml`,
    '',
  ].join('\n')
}
