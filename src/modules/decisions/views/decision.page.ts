import type { AppError } from '../../../errors.ts'
import { localePath, translator } from '../../../i18n/i18n.ts'
import type { MessageKey } from '../../../i18n/messages.ts'
import { alert, button, dataList, heading, link, paragraph, radioGroup, table } from '../../../views/components/index.ts'
import { actionForm, postForm } from '../../../views/form.ts'
import { formatDate } from '../../../views/format.ts'
import { html } from '../../../views/html.ts'
import { layout, type PageContext } from '../../../views/layout.ts'
import { refusalAlert } from '../../admin/views/admin.format.ts'
import { VOTE_CHOICES } from '../decisions.schemas.ts'
import type { DecisionsService } from '../decisions.service.ts'
import { gatheringLink, outcomeBadge, tallyText, toolLink } from './decisions.page.ts'

type Loaded = Awaited<ReturnType<DecisionsService['load']>>

export interface DecisionPageModel extends Loaded {
  manage: boolean
  csrfToken?: string | undefined
  flash?: MessageKey | undefined
  refusal?: AppError | undefined
}

/** /decisions/{id}: the rule, the vote (for a member of a current partner), every organisation's vote once closed. */
export function decisionPage(ctx: PageContext, model: DecisionPageModel): string {
  const { locale } = ctx
  const t = translator(locale)
  const { decision: d } = model
  const closed = d.closed_at !== null
  const own = model.voter ? model.votes.find((v) => v.organisation_id === model.voter!.id) : undefined
  const details = dataList([
    { key: t('decisions.col.proposal'), value: html`<span lang="${d.proposal_locale}">${link(localePath(locale, `/proposals/${d.proposal_id}`), d.proposal_title)}</span>` },
    { key: t('decisions.col.gathering'), value: gatheringLink(locale, d) },
    { key: t('decisions.col.outcome'), value: outcomeBadge(locale, d) },
    { key: t('decisions.opened'), value: formatDate(locale, d.opened_at, { time: true }) },
    { key: t('decisions.closes'), value: closed ? formatDate(locale, d.closed_at!, { time: true }) : d.closes_at ? formatDate(locale, new Date(new Date(d.closes_at).getTime() - 60_000), { time: true }) : t('decisions.untilClosed') },
    { key: t('decisions.rule'), value: t('decisions.ruleText', { quorum: d.quorum_percent }) },
    ...(closed ? [{ key: t('decisions.col.tally'), value: tallyText(locale, d) }, { key: t('decisions.col.tool'), value: toolLink(locale, d) }] : []),
    ...(!closed ? [{ key: t('decisions.partnersNow'), value: String(model.partners.length) }, { key: t('decisions.votedSoFar'), value: String(model.votes.length) }] : []),
  ])
  const voteForm =
    model.open && model.voter && model.csrfToken
      ? postForm(
          { action: localePath(locale, `/decisions/${d.id}/vote`), csrfToken: model.csrfToken, className: 'citydeal-form' },
          html`${radioGroup({
            id: 'vote-choice',
            name: 'choice',
            legend: t('decisions.vote.legend', { organisation: model.voter.name }),
            options: VOTE_CHOICES.map((c) => ({ value: c, label: t(`decisions.choice.${c}`) })),
            checked: own?.choice,
          })}
${own ? paragraph(t('decisions.vote.current', { choice: t(`decisions.choice.${own.choice}`) })) : ''}
<p class="utrecht-paragraph">${button(own ? t('decisions.vote.change') : t('decisions.vote.submit'))}</p>`,
        )
      : ''
  // Every organisation's vote is public once the vote is closed; before, only how many voted.
  const votes = closed
    ? model.votes.length > 0
      ? table(t('decisions.votes.caption'), [t('decisions.col.organisation'), t('decisions.col.vote')], model.votes.map((v) => [v.organisation_name, t(`decisions.choice.${v.choice}`)]))
      : paragraph(t('decisions.votes.none'))
    : paragraph(t('decisions.votes.secretUntilClose'))
  const closeForm = model.manage && !closed && model.csrfToken ? html`${heading(2, t('decisions.close.heading'))}${paragraph(t('decisions.close.intro'))}${actionForm(localePath(locale, `/decisions/${d.id}/close`), model.csrfToken, t('decisions.close.submit'), {}, false)}` : ''
  const main = html`${heading(1, t('decisions.decisionTitle', { title: d.proposal_title }))}
${model.flash ? alert('ok', t(model.flash), { role: 'status' }) : ''}
${refusalAlert(locale, model.refusal, false)}
${details}
${closed && d.closed_by_user_id === null && d.closes_at !== null ? paragraph(t('decisions.closedByClock')) : ''}
${voteForm}
${heading(2, t('decisions.votes.heading'))}
${votes}
${closeForm}
${paragraph(link(localePath(locale, '/decisions'), t('decisions.back')))}`
  return layout(ctx, { title: t('decisions.decisionTitle', { title: d.proposal_title }), section: 'tools', canonical: `/decisions/${d.id}` }, main)
}
