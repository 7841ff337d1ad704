// Where a tool stands with the City Deal's gate: what its next step still lacks, and what it passed without (tools
// that went ahead before the gate existed). Pure, like the gate itself; the pipeline page and the API show it.
import type { Locale } from '../../i18n/messages.ts'
import { committedMunicipalities, completedMunicipalities, gateReasons, gateReasonText, LIFECYCLE, MUNICIPALITIES_NEEDED, type GateFacts, type GateReason } from './tools.gate.ts'

export interface GateOutlook {
  /** Whether the gate applies at all: only City Deal tools have one. */
  applies: boolean
  /** The status after this one in the lifecycle; undefined at its end (secured) and for retired tools. */
  next: (typeof LIFECYCLE)[number] | undefined
  /** What the step to `next` lacks: the gate would refuse it for these reasons. */
  missing: GateReason[]
  /** Conditions of the current status that the tool does not meet (it got there before the gate). */
  unmet: GateReason[]
  /** Municipalities with a committed, running or completed pilot, and those completed with an outcome. */
  committed: string[]
  completed: string[]
  needed: number
}

/** The next status in the lifecycle, if any. */
export function nextStatus(status: string): GateOutlook['next'] {
  const rank = (LIFECYCLE as readonly string[]).indexOf(status)
  return rank === -1 ? undefined : LIFECYCLE[rank + 1]
}

export function gateOutlook(facts: GateFacts, status: string): GateOutlook {
  const next = nextStatus(status)
  return {
    applies: facts.origin === 'city_deal',
    next,
    missing: next ? gateReasons(facts, status, next) : [],
    unmet: status === 'retired' ? [] : gateReasons(facts, 'idea', status),
    committed: committedMunicipalities(facts),
    completed: completedMunicipalities(facts),
    needed: MUNICIPALITIES_NEEDED,
  }
}

/** Reasons with their stable code and their sentence in one language (the API's shape). */
export const reasonsAsText = (locale: Locale, reasons: GateReason[]) => reasons.map((r) => ({ code: r.kind, text: gateReasonText(locale, r) }))
