import { localePath, translator } from '../../../i18n/i18n.ts'
import type { MessageKey } from '../../../i18n/messages.ts'
import { heading, link, paragraph, unorderedList } from '../../../views/components/index.ts'
import { html, type SafeHtml } from '../../../views/html.ts'
import { layout, type PageContext } from '../../../views/layout.ts'

export type Statement = 'contact' | 'privacy' | 'accessibility'

/** Contact, privacy and accessibility statements: short sections of plain text, in the page's language. */
export function statementPage(ctx: PageContext, which: Statement, options: { contactEmail: string; retentionMonths?: number | undefined }): string {
  const t = translator(ctx.locale)
  const section = (key: MessageKey, body: SafeHtml | string) => html`${heading(2, t(key))}${typeof body === 'string' ? paragraph(body) : body}`
  let body: SafeHtml
  let title: string
  let intro: string
  if (which === 'contact') {
    title = t('contact.title')
    intro = t('contact.intro')
    body = html`${options.contactEmail ? paragraph(html`${t('contact.email', { email: '' }).replace(/\s*$/, ' ')}${link(`mailto:${options.contactEmail}`, options.contactEmail)}`) : ''}
${section('contact.tool.heading', t('contact.tool.text'))}
${section('contact.share.heading', html`${paragraph(t('contact.share.text'))}${paragraph(link(localePath(ctx.locale, '/tools/share'), t('contact.share.link')))}`)}
${section('contact.partners.heading', t('contact.partners.text'))}`
  } else if (which === 'privacy') {
    title = t('privacy.title')
    intro = t('privacy.intro')
    body = html`${section('privacy.what.heading', unorderedList([t('privacy.what.accounts'), t('privacy.what.submissions'), t('privacy.what.calls'), t('privacy.what.log'), t('privacy.what.addresses')]))}
${section('privacy.cookies.heading', t('privacy.cookies.text'))}
${options.retentionMonths ? section('privacy.retention.heading', t('privacy.retention.text', { months: options.retentionMonths })) : ''}
${section('privacy.rights.heading', html`${paragraph(t('privacy.rights.text'))}${paragraph(link(localePath(ctx.locale, '/contact'), t('contact.title')))}`)}`
  } else {
    title = t('accessibility.title')
    intro = t('accessibility.intro')
    body = html`${section('accessibility.how.heading', t('accessibility.how.text'))}
${section('accessibility.known.heading', t('accessibility.known.text'))}
${section('accessibility.report.heading', html`${paragraph(t('accessibility.report.text'))}${paragraph(link(localePath(ctx.locale, '/contact'), t('contact.title')))}`)}`
  }
  const main = html`${heading(1, title)}
${paragraph(intro, { lead: true })}
${body}`
  return layout(ctx, { title, description: intro, canonical: `/${which}` }, main)
}
