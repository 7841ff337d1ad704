import { localePath, translator } from '../../../i18n/i18n.ts'
import type { Locale } from '../../../i18n/messages.ts'
import { heading, paragraph } from '../../../views/components/index.ts'
import { html, type SafeHtml } from '../../../views/html.ts'

/** An example filter for the snippet: software tools, five of them. */
const EXAMPLE_QUERY = '?form=software&pageSize=5'

/** The iframe another site pastes to show the toolbox's tools (with a filter query such as `?form=software`). */
export function embedCode(locale: Locale, publicUrl: string, query = EXAMPLE_QUERY): string {
  const t = translator(locale)
  return `<iframe src="${publicUrl}${localePath(locale, '/embed/tools')}${query}" title="${t('embed.iframeTitle')}" loading="lazy" width="100%" height="600" style="border: 0"></iframe>`
}

/**
 * What the open-data page says about embedding: what it is, the snippet to copy (in a code block, escaped), and which
 * parameters choose the tools. For /data; decision 0020.
 */
export function embedSnippet(locale: Locale, publicUrl: string): SafeHtml {
  const t = translator(locale)
  return html`<section class="citydeal-embed-snippet" aria-labelledby="embed-snippet-heading">
${heading(2, t('embed.snippet.heading'), { id: 'embed-snippet-heading' })}
${paragraph(t('embed.snippet.intro'))}
<pre class="citydeal-code" tabindex="0" aria-label="${t('embed.snippet.codeLabel')}"><code>${embedCode(locale, publicUrl)}</code></pre>
${paragraph(t('embed.snippet.parameters'))}
</section>`
}
