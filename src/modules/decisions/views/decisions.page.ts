import { localePath, translate, translator } from '../../../i18n/i18n.ts'
import type { Locale } from '../../../i18n/messages.ts'
import { heading, link, paragraph, statusBadge, table } from '../../../views/components/index.ts'
import { formatDate } from '../../../views/format.ts'
import { html, type SafeHtml } from '../../../views/html.ts'
import { layout, type PageContext } from '../../../views/layout.ts'
import type { DecisionsService } from '../decisions.service.ts'
import { isOpen } from '../decisions.service.ts'

export type DecisionRow = Awaited<ReturnType<DecisionsService['list']>>[number]

const VARIANT = { adopted: 'success', declined: 'inactive', no_quorum: 'warning' } as const

/** The outcome of a decision, or that its vote is open (or waits to be closed). */
export function outcomeBadge(locale: Locale, d: Pick<DecisionRow, 'outcome' | 'closed_at' | 'closes_at'>): SafeHtml {
  if (d.outcome) return statusBadge(translate(locale, `decisions.outcome.${d.outcome}`), VARIANT[d.outcome])
  return statusBadge(translate(locale, isOpen(d) ? 'decisions.voteOpen' : 'decisions.awaitingClose'), 'active')
}

/** "7 for, 2 against, 1 abstained, of 12 partners" once closed. */
export const tallyText = (locale: Locale, d: Pick<DecisionRow, 'votes_for' | 'votes_against' | 'votes_abstain' | 'eligible'>) =>
  d.eligible === null ? '–' : translate(locale, 'decisions.tally', { for: d.votes_for ?? 0, against: d.votes_against ?? 0, abstain: d.votes_abstain ?? 0, eligible: d.eligible })

export const toolLink = (locale: Locale, d: Pick<DecisionRow, 'tool_slug' | 'tool_name_nl' | 'tool_name_en'>) =>
  d.tool_slug ? link(localePath(locale, `/tools/${d.tool_slug}`), (locale === 'en' ? (d.tool_name_en ?? d.tool_name_nl) : (d.tool_name_nl ?? d.tool_name_en)) ?? d.tool_slug) : '–'

/** The gathering a decision was taken at, linked, or that it was taken outside one. */
export const gatheringLink = (locale: Locale, d: Pick<DecisionRow, 'gathering_slug' | 'gathering_title_nl' | 'gathering_title_en'>) =>
  d.gathering_slug ? link(localePath(locale, `/gatherings/${d.gathering_slug}`), (locale === 'en' ? d.gathering_title_en : d.gathering_title_nl) ?? d.gathering_slug) : translate(locale, 'decisions.gatheringNone')

/** /decisions: every decision of the partners with its outcome, tally and the tool it started. */
export function decisionsPage(ctx: PageContext, decisions: DecisionRow[]): string {
  const { locale } = ctx
  const t = translator(locale)
  const rows = decisions.map((d) => [
    html`<span lang="${d.proposal_locale}">${link(localePath(locale, `/decisions/${d.id}`), d.proposal_title)}</span>`,
    formatDate(locale, d.closed_at ?? d.opened_at),
    gatheringLink(locale, d),
    outcomeBadge(locale, d),
    tallyText(locale, d),
    toolLink(locale, d),
  ])
  const main = html`${heading(1, t('decisions.title'))}
${paragraph(t('decisions.intro'), { lead: true })}
${rows.length > 0 ? table(t('decisions.caption'), [t('decisions.col.proposal'), t('decisions.col.date'), t('decisions.col.gathering'), t('decisions.col.outcome'), t('decisions.col.tally'), t('decisions.col.tool')], rows) : paragraph(t('decisions.none'))}
${paragraph(html`${link(localePath(locale, '/proposals'), t('decisions.proposalsLink'))} · ${link(localePath(locale, '/gatherings'), t('gatherings.title'))}`)}`
  return layout(ctx, { title: t('decisions.title'), section: 'tools', description: t('decisions.intro'), canonical: '/decisions' }, main)
}
