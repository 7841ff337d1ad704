import type { FieldProblem } from '../../../errors.ts'
import { localePath, translator } from '../../../i18n/i18n.ts'
import type { Locale } from '../../../i18n/messages.ts'
import { heading, link, unorderedList } from '../../../views/components/index.ts'
import { renderForm, str, type FormValues } from '../../../views/form.ts'
import { formatDate } from '../../../views/format.ts'
import { html, type SafeHtml } from '../../../views/html.ts'
import { DEFAULT_QUORUM_PERCENT } from '../decisions.schemas.ts'
import { outcomeBadge, type DecisionRow } from './decisions.page.ts'

/** On a proposal's page: the decisions on it, and for curators the form that opens a vote (when none is open). */
export function proposalDecisions(locale: Locale, model: { proposalId: number; decisions: DecisionRow[]; mayOpen: boolean; csrfToken?: string | undefined; values?: FormValues; problems?: FieldProblem[] }): SafeHtml {
  const t = translator(locale)
  const list =
    model.decisions.length > 0
      ? html`${heading(2, t('decisions.onProposal'))}${unorderedList(
          model.decisions.map((d) => html`${link(localePath(locale, `/decisions/${d.id}`), t('decisions.voteOf', { date: formatDate(locale, d.opened_at) }))} ${outcomeBadge(locale, d)}`),
        )}`
      : ''
  const open =
    model.mayOpen && model.csrfToken
      ? html`${heading(2, t('decisions.open.heading'))}${renderForm({
          id: 'open-vote',
          action: localePath(locale, `/proposals/${model.proposalId}/decisions`),
          csrfToken: model.csrfToken,
          locale,
          problems: model.problems ?? [],
          submitLabel: t('decisions.open.submit'),
          fields: [
            { name: 'closesOn', type: 'date', value: str(model.values ?? {}, 'closesOn') ?? '', label: t('decisions.open.closesOn'), hint: t('decisions.open.closesOnHint') },
            { name: 'quorumPercent', type: 'text', value: str(model.values ?? {}, 'quorumPercent') ?? String(DEFAULT_QUORUM_PERCENT), maxLength: 3, label: t('decisions.open.quorum'), hint: t('decisions.open.quorumHint') },
          ],
        })}`
      : ''
  return html`${list}${open}`
}
