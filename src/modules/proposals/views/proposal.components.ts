// Pieces of a proposal as its pages show them.
import { localePath, translate } from '../../../i18n/i18n.ts'
import type { Locale } from '../../../i18n/messages.ts'
import { link, statusBadge, unorderedList } from '../../../views/components/index.ts'
import { html, type SafeHtml } from '../../../views/html.ts'
import { candidateStatus, reasonsText } from '../../submissions/views/submission.components.ts'
import type { ProposalCandidate } from '../proposals.service.ts'

const VARIANT = { submitted: 'neutral', on_agenda: 'active', adopted: 'success', declined: 'inactive', merged: 'inactive' } as const

export const proposalStatusBadge = (locale: Locale, status: string): SafeHtml =>
  statusBadge(translate(locale, `proposals.status.${status as keyof typeof VARIANT}`), VARIANT[status as keyof typeof VARIANT] ?? 'neutral')

/** The duplicate check's candidates: tools link to their page, proposals to theirs; shared tools under review are named. */
export function candidateList(locale: Locale, candidates: ProposalCandidate[]): SafeHtml {
  return unorderedList(
    candidates.map((c) => {
      const name =
        c.kind === 'tool' && c.slug ? link(localePath(locale, `/tools/${c.slug}`), c.name) : c.kind === 'proposal' ? link(localePath(locale, `/proposals/${c.id}`), c.name) : html`${c.name}`
      const status = c.kind === 'proposal' ? html`${translate(locale, 'proposals.candidate.proposal')}` : candidateStatus(locale, { type: c.kind, status: c.status })
      return html`<span class="citydeal-candidate__name">${name}</span>
${status}
<span class="citydeal-candidate__reasons">${reasonsText(locale, c.reasons)}</span>`
    }),
    { className: 'citydeal-candidates' },
  )
}
