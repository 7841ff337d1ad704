// Pieces of a submission as pages show it, shared by the share form, the tracking page and curation.
import { label, translate } from '../../../i18n/i18n.ts'
import type { Locale } from '../../../i18n/messages.ts'
import type { SubmissionEventsTable, SubmissionStatus } from '../../../db/schema.ts'
import { statusBadge } from '../../../views/components/index.ts'
import type { SafeHtml } from '../../../views/html.ts'
import { REASONS, type Reason } from '../similarity.ts'

/** A candidate as pages show it (from a fresh ranking or as stored with a submission). */
export interface CandidateView {
  type: 'tool' | 'submission'
  slug: string | null
  name: string
  status: string
  score: number
  likely: boolean
  reasons: Reason[]
}

const STATUS_VARIANT = { pending: 'neutral', needs_info: 'warning', published: 'success', merged: 'success', rejected: 'inactive' } as const

export function candidateStatus(locale: Locale, c: Pick<CandidateView, 'type' | 'status'>): SafeHtml {
  if (c.type === 'submission') return statusBadge(translate(locale, 'share.candidate.pendingSubmission'), 'warning')
  const developing = ['idea', 'proposed', 'selected', 'in_development', 'testing'].includes(c.status)
  return statusBadge(developing ? translate(locale, 'share.candidate.inDevelopment', { status: label(locale, 'status', c.status) }) : label(locale, 'status', c.status), developing ? 'active' : 'success')
}

export function reasonText(locale: Locale, reason: Reason): string {
  return translate(locale, `share.reason.${reason}` as const)
}

/** Every reason's label, for the share form's script that shows candidates while the visitor types. */
export function reasonLabels(locale: Locale): Record<Reason, string> {
  return Object.fromEntries(REASONS.map((r) => [r, reasonText(locale, r)])) as Record<Reason, string>
}

export function reasonsText(locale: Locale, reasons: Reason[]): string {
  return reasons.map((r) => reasonText(locale, r)).join(' · ')
}

/** A submission's status as the submitter reads it (curators read the same statuses from their side). */
export function submitterStatusBadge(locale: Locale, status: SubmissionStatus): SafeHtml {
  return statusBadge(translate(locale, `submission.status.${status}` as const), STATUS_VARIANT[status])
}

export function curatorStatusText(locale: Locale, status: SubmissionStatus): string {
  return translate(locale, `curation.filter.status.${status}` as const)
}

export function curatorStatusBadge(locale: Locale, status: SubmissionStatus): SafeHtml {
  return statusBadge(curatorStatusText(locale, status), STATUS_VARIANT[status])
}

export function eventText(locale: Locale, event: SubmissionEventsTable['event']): string {
  return translate(locale, `submission.event.${event}` as const)
}
