import { localePath, translator } from '../../../i18n/i18n.ts'
import type { Locale } from '../../../i18n/messages.ts'
import { heading, link, paragraph } from '../../../views/components/index.ts'
import { html } from '../../../views/html.ts'
import { assets } from '../../../theme/stylesheet.ts'
import type { ListItemView } from '../../tools/tools.presenter.ts'

export interface EmbedModel {
  locale: Locale
  /** The catalogue's normalised query string for the same tools ('' or '?…'), for "more in the toolbox". */
  search: string
  total: number
  items: ListItemView[]
}

/** How many tools there are, and how many of them the list shows. */
function count(model: EmbedModel): string {
  const t = translator(model.locale)
  if (model.items.length < model.total) return t('embed.showing', { shown: model.items.length, count: model.total })
  return model.total === 1 ? t('embed.countOne') : t('embed.count', { count: model.total })
}

/**
 * The tool list other sites show in an iframe: no header, footer or script, the theme's stylesheets, every link
 * opening the toolbox in a new window (a frame is too small for a tool page).
 */
export function embedPage(model: EmbedModel): string {
  const { locale } = model
  const t = translator(locale)
  // Addresses inside the frame are relative: they resolve against the frame's own document, this site.
  const site = (path: string) => localePath(locale, path)
  const items = model.items.map(
    (item) => html`<li class="citydeal-embed__item">
${link(site(`/tools/${item.slug}`), item.name.text, { newWindow: true, rel: 'noopener', lang: item.name.fallback ? item.name.lang : undefined })}
<span class="citydeal-embed__form">${item.form.label}</span>
${item.description ? paragraph(item.description.text, { lang: item.description.fallback ? item.description.lang : undefined }) : ''}
</li>`,
  )
  return `<!doctype html>${html`<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${t('embed.title')} · ${t('site.name')}</title>
<link rel="stylesheet" href="${assets().css.path}">
</head>
<body class="utrecht-document citydeal-theme citydeal-embed">
<main class="citydeal-embed__main">
${heading(1, t('embed.heading'))}
<p class="utrecht-paragraph citydeal-meta">${count(model)} ${t('embed.newWindow')}</p>
${model.items.length > 0 ? html`<ul class="citydeal-embed__list">${items}</ul>` : paragraph(t('embed.none'))}
<p class="utrecht-paragraph citydeal-embed__more">${link(`${site('/tools')}${model.search}`, t('embed.more'), { newWindow: true, rel: 'noopener' })}</p>
</main>
</body>
</html>`}`
}
