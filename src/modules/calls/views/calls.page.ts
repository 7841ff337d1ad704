import { localePath, translator } from '../../../i18n/i18n.ts'
import type { Locale } from '../../../i18n/messages.ts'
import { heading, link, paragraph } from '../../../views/components/index.ts'
import { callNeeds } from '../../../views/call-needs.ts'
import { html, type SafeHtml } from '../../../views/html.ts'
import { layout, type PageContext } from '../../../views/layout.ts'
import { localizedText } from '../../../views/localized.ts'
import { localized } from '../../tools/tools.presenter.ts'
import type { CallsService } from '../calls.service.ts'

export type OpenCall = Awaited<ReturnType<CallsService['listOpen']>>[number]

const name = (locale: Locale, c: Pick<OpenCall, 'name_nl' | 'name_en' | 'slug'>) => (locale === 'en' ? (c.name_en ?? c.name_nl) : (c.name_nl ?? c.name_en)) ?? c.slug

/** One open call as a card: the tool, what is asked, what it still needs; a link to answer it. */
export function callCard(locale: Locale, call: OpenCall, headingLevel: 2 | 3 = 2): SafeHtml {
  const t = translator(locale)
  const path = localePath(locale, `/tools/${call.slug}/call`)
  const asked = localized(call.asked_nl, call.asked_en, locale)
  return html`<li class="citydeal-call">
${heading(headingLevel, link(path, name(locale, call)))}
${asked ? paragraph(localizedText(asked, locale)) : ''}
<p class="utrecht-paragraph citydeal-meta">${callNeeds(locale, { stillNeeded: call.stillNeeded, closesOn: call.closes_on })}</p>
</li>`
}

/** /calls: every open call for test municipalities, the one closing first first. */
export function callsPage(ctx: PageContext, calls: OpenCall[]): string {
  const t = translator(ctx.locale)
  const main = html`${heading(1, t('calls.title'))}
${paragraph(t('calls.intro'), { lead: true })}
${calls.length > 0 ? html`<ul class="citydeal-calls">${calls.map((c) => callCard(ctx.locale, c))}</ul>` : paragraph(t('calls.none'))}
${paragraph(link(localePath(ctx.locale, '/tools/pipeline'), t('calls.pipelineLink')))}`
  return layout(ctx, { title: t('calls.title'), section: 'tools', description: t('calls.intro'), canonical: '/calls' }, main)
}
