import { localePath, translator } from '../../../i18n/i18n.ts'
import { heading, link, paragraph, table } from '../../../views/components/index.ts'
import { html } from '../../../views/html.ts'
import { layout, type PageContext } from '../../../views/layout.ts'
import type { GatheringsService } from '../gatherings.service.ts'
import { gatheringTitle, isPast } from '../gatherings.service.ts'
import { whenText, whereText } from './gathering.components.ts'

type Row = Awaited<ReturnType<GatheringsService['list']>>[number]

/** /gatherings: the coming gatherings (soonest first) and the past ones (latest first), and the calendar feed. */
export function gatheringsPage(ctx: PageContext, model: { gatherings: Row[]; manage: boolean }): string {
  const { locale } = ctx
  const t = translator(locale)
  const now = new Date()
  const coming = model.gatherings.filter((g) => !isPast(g, now)).reverse()
  const past = model.gatherings.filter((g) => isPast(g, now))
  const title = (g: Row) => link(localePath(locale, `/gatherings/${g.slug}`), gatheringTitle(g, locale))
  const main = html`${heading(1, t('gatherings.title'))}
${paragraph(t('gatherings.intro'), { lead: true })}
${model.manage ? paragraph(link(localePath(locale, '/gatherings/new'), t('gatherings.new.link'))) : ''}
${paragraph(html`${link(localePath(locale, '/gatherings.ics'), t('gatherings.feed'))} ${t('gatherings.feedHint')}`)}
${heading(2, t('gatherings.coming'))}
${coming.length > 0 ? table(t('gatherings.coming'), [t('gatherings.col.title'), t('gatherings.col.when'), t('gatherings.col.where'), t('gatherings.col.organisations')], coming.map((g) => [title(g), whenText(locale, g), whereText(locale, g), String(g.organisations)])) : paragraph(t('gatherings.noneComing'))}
${heading(2, t('gatherings.past'))}
${past.length > 0 ? table(t('gatherings.past'), [t('gatherings.col.title'), t('gatherings.col.when'), t('gatherings.col.minutes')], past.map((g) => [title(g), whenText(locale, g), g.minutes_nl || g.minutes_en ? t('gatherings.minutesYes') : t('gatherings.minutesNo')])) : paragraph(t('gatherings.nonePast'))}
${paragraph(html`${link(localePath(locale, '/proposals'), t('gatherings.proposalsLink'))} · ${link(localePath(locale, '/decisions'), t('gatherings.decisionsLink'))}`)}`
  return layout(ctx, { title: t('gatherings.title'), section: 'tools', description: t('gatherings.intro'), canonical: '/gatherings' }, main)
}
