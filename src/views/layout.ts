import { localePath, translator } from '../i18n/i18n.ts'
import { messages, type Locale } from '../i18n/messages.ts'
import { assets } from '../theme/stylesheet.ts'
import { html, type SafeHtml } from './html.ts'

export interface PageContext {
  locale: Locale
  /** Path without the locale prefix, e.g. /tools/pdok. */
  path: string
  /** Query string including '?', or ''. */
  search: string
  publicUrl: string
  /** The signed-in user, for the navigation. */
  user?: { name: string; role: 'partner' | 'curator' | 'admin' } | undefined
  /** The demonstration mode (npm run demo): the page carries the banner in both languages. */
  demo?: boolean
}

export interface PageOptions {
  title: string
  /** Which main navigation item is current. */
  section?: 'home' | 'tools' | 'organisations' | 'share' | 'about' | 'account' | 'curation' | 'admin'
  description?: string
  /** Set false for pages that must not be indexed (errors). */
  index?: boolean
  /**
   * The page's canonical address (path without locale prefix, e.g. /tools/pdok, with a query string only when the
   * parameters make a page of its own, like the catalogue's filters); without it, the request's path without its
   * query string. Linked as canonical and as og:url, and the language alternates point to it. The language switch
   * keeps the request's own parameters.
   */
  canonical?: string
  /** Open Graph type: `website` unless the page says otherwise (a tool page is an `article`). */
  ogType?: 'website' | 'article'
  /** More in the head, e.g. a tool's schema.org JSON-LD (a data block: not executed, no CSP exception needed). */
  head?: SafeHtml
}

const OG_LOCALES: Record<Locale, string> = { nl: 'nl_NL', en: 'en_GB' }

/** The demonstration banner: the page's language first, then the other one (marked with its language). */
function demoBanner(locale: Locale): SafeHtml {
  const other: Locale = locale === 'nl' ? 'en' : 'nl'
  return html`<div class="citydeal-demo-banner" role="note" aria-label="${messages['demo.banner.label'][locale]}"><p class="citydeal-demo-banner__text">${messages['demo.banner'][locale]} <span lang="${other}">${messages['demo.banner'][other]}</span></p></div>`
}

/** The shared page: skip link, header with navigation and language switch, main, footer. */
export function layout(ctx: PageContext, options: PageOptions, main: SafeHtml): string {
  const t = translator(ctx.locale)
  const other: Locale = ctx.locale === 'nl' ? 'en' : 'nl'
  const here = (locale: Locale) => `${localePath(locale, ctx.path)}${ctx.search}`
  // Every page names its canonical address: the path without query string, unless the page says which parameters
  // make it a page of its own (the catalogue: its normalised search, filters and page). Decision 0020.
  const indexed = (locale: Locale) => localePath(locale, options.canonical ?? ctx.path)
  const canonicalUrl = `${ctx.publicUrl}${indexed(ctx.locale)}`
  const navItem = (section: NonNullable<PageOptions['section']>, path: string, text: string) =>
    html`<li><a href="${localePath(ctx.locale, path)}"${options.section === section ? html` aria-current="page"` : ''}>${text}</a></li>`

  return `<!doctype html>${html`<html lang="${ctx.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title} · ${t('site.name')}</title>
${options.description ? html`<meta name="description" content="${options.description}">` : ''}
${options.index === false ? html`<meta name="robots" content="noindex">` : ''}
${options.index === false ? '' : html`<link rel="canonical" href="${canonicalUrl}">`}
<link rel="alternate" hreflang="nl" href="${ctx.publicUrl}${indexed('nl')}">
<link rel="alternate" hreflang="en" href="${ctx.publicUrl}${indexed('en')}">
<link rel="alternate" hreflang="x-default" href="${ctx.publicUrl}${indexed('nl')}">
<link rel="alternate" type="application/atom+xml" title="${t('feeds.autodiscovery')}" href="${ctx.publicUrl}${localePath(ctx.locale, '/feeds/tools.atom')}">
<meta property="og:title" content="${options.title}">
${options.description ? html`<meta property="og:description" content="${options.description}">` : ''}
<meta property="og:url" content="${canonicalUrl}">
<meta property="og:type" content="${options.ogType ?? 'website'}">
<meta property="og:locale" content="${OG_LOCALES[ctx.locale]}">
<meta property="og:locale:alternate" content="${OG_LOCALES[other]}">
<meta property="og:site_name" content="${t('site.name')}">
${options.head ?? ''}
<link rel="icon" href="${assets().icon.path}" type="image/svg+xml">
<link rel="stylesheet" href="${assets().css.path}">
</head>
<body class="utrecht-document citydeal-theme">
<a class="citydeal-skip-link" href="#main">${t('site.skipToContent')}</a>
<header class="citydeal-header">
${ctx.demo ? demoBanner(ctx.locale) : ''}
<div class="citydeal-header__inner">
<a class="citydeal-brand" href="${localePath(ctx.locale, '/')}">${t('site.name')}<span class="citydeal-brand__tagline">${t('site.tagline')}</span></a>
<nav class="citydeal-nav" aria-label="${t('site.nav.label')}"><ul>
${navItem('home', '/', t('site.nav.home'))}
${navItem('tools', '/tools', t('site.nav.tools'))}
${navItem('organisations', '/organisations', t('site.nav.organisations'))}
${navItem('share', '/tools/share', t('site.nav.share'))}
${navItem('about', '/about', t('site.nav.about'))}
${ctx.user ? navItem('account', '/account', t('site.nav.account')) : navItem('account', '/login', t('site.nav.signIn'))}
${ctx.user?.role === 'admin' || ctx.user?.role === 'curator' ? navItem('curation', '/curation', t('site.nav.curation')) : ''}
${ctx.user?.role === 'admin' ? navItem('admin', '/admin', t('site.nav.admin')) : ''}
<li><a href="${here(other)}" hreflang="${other}" lang="${other}" aria-label="${t('site.languageSwitch.label')}">${t('site.languageSwitch')}</a></li>
</ul></nav>
</div>
</header>
<main id="main" class="citydeal-main" tabindex="-1">
${main}
</main>
<footer class="citydeal-footer"><div class="citydeal-footer__inner">
<p class="utrecht-paragraph">${t('site.footer.text')}</p>
<nav aria-label="${t('site.footer.links')}"><ul class="citydeal-footer__links">
<li><a href="${localePath(ctx.locale, '/contact')}">${t('site.footer.contact')}</a></li>
<li><a href="${localePath(ctx.locale, '/privacy')}">${t('site.footer.privacy')}</a></li>
<li><a href="${localePath(ctx.locale, '/accessibility')}">${t('site.footer.accessibility')}</a></li>
<li><a href="${localePath(ctx.locale, '/data')}">${t('nav.data')}</a></li>
<li><a href="${localePath(ctx.locale, '/api')}">${t('site.footer.api')}</a></li>
</ul></nav>
</div></footer>
</body>
</html>`}`
}
