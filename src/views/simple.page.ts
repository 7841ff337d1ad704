import { translate } from '../i18n/i18n.ts'
import type { MessageKey } from '../i18n/messages.ts'
import { alert, heading, paragraph } from './components/index.ts'
import { html, type SafeHtml } from './html.ts'
import { layout, type PageContext, type PageOptions } from './layout.ts'

/** A page with a title, an optional intro and flash message (after a redirect), and content. */
export function simplePage(
  ctx: PageContext,
  options: { title: string; intro?: string; flash?: MessageKey | undefined; section?: PageOptions['section']; index?: boolean },
  content: SafeHtml,
): string {
  const main = html`${heading(1, options.title)}
${options.flash ? alert('ok', translate(ctx.locale, options.flash), { role: 'status' }) : ''}
${options.intro ? paragraph(options.intro) : ''}
${content}`
  // The intro doubles as the page's description; most simple pages are forms or private, so not for search engines.
  return layout(ctx, { title: options.title, section: options.section, index: options.index ?? false, ...(options.intro ? { description: options.intro } : {}) }, main)
}

/** The flash message for a ?done= key, from a fixed list (never text from the URL). */
export function flashFrom(query: unknown, allowed: Record<string, MessageKey>): MessageKey | undefined {
  const done = (query as Record<string, unknown> | undefined)?.done
  return typeof done === 'string' && Object.hasOwn(allowed, done) ? allowed[done] : undefined
}
