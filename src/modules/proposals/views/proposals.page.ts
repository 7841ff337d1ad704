import { label, localePath, translator } from '../../../i18n/i18n.ts'
import { heading, link, paragraph, table } from '../../../views/components/index.ts'
import { formatDate } from '../../../views/format.ts'
import { html } from '../../../views/html.ts'
import { layout, type PageContext } from '../../../views/layout.ts'
import type { ProposalsService } from '../proposals.service.ts'
import { proposalStatusBadge } from './proposal.components.ts'

type Row = Awaited<ReturnType<ProposalsService['list']>>[number]

/** /proposals: every tool proposal, the open ones first; a link to propose one for members of a partner. */
export function proposalsPage(ctx: PageContext, model: { proposals: Row[]; mayPropose: boolean }): string {
  const { locale } = ctx
  const t = translator(locale)
  const rows = model.proposals.map((p) => [
    html`<span lang="${p.locale}">${link(localePath(locale, `/proposals/${p.id}`), p.title)}</span>`,
    label(locale, 'category', p.category),
    p.proposed_by_name,
    formatDate(locale, p.created_at),
    String(p.responses),
    proposalStatusBadge(locale, p.status),
  ])
  const main = html`${heading(1, t('proposals.title'))}
${paragraph(t('proposals.intro'), { lead: true })}
${model.mayPropose ? paragraph(link(localePath(locale, '/proposals/new'), t('proposals.new.link'))) : paragraph(t('proposals.whoMayPropose'))}
${
  rows.length > 0
    ? table(t('proposals.caption'), [t('proposals.col.title'), t('proposals.col.category'), t('proposals.col.by'), t('proposals.col.date'), t('proposals.col.responses'), t('proposals.col.status')], rows)
    : paragraph(t('proposals.none'))
}
${paragraph(html`${link(localePath(locale, '/decisions'), t('proposals.decisionsLink'))} · ${link(localePath(locale, '/gatherings'), t('gatherings.title'))}`)}`
  return layout(ctx, { title: t('proposals.title'), section: 'tools', description: t('proposals.intro'), canonical: '/proposals' }, main)
}

