// The City Deal's rule, as a gate on a tool's status: "We only develop tools for which ownership can be found among
// the partners … Every tool is developed with some of the partners, including at least three participating
// municipalities, where the tool is also tested." Pure: the facts come from the database, the verdict goes back.
import type { PilotOutcome, PilotStatus } from '../../db/schema.ts'
import type { FieldProblem } from '../../errors.ts'
import type { Locale } from '../../i18n/messages.ts'
import { translate } from '../../i18n/i18n.ts'

/** The lifecycle in order; a status further along passes every gate before it. */
export const LIFECYCLE = ['idea', 'proposed', 'selected', 'in_development', 'testing', 'available', 'secured'] as const
export const MUNICIPALITIES_NEEDED = 3

export interface GateFacts {
  origin: string
  owners: { name: string; isPartner: boolean }[]
  pilots: { municipality: string; status: PilotStatus; outcome: PilotOutcome | null }[]
}

/** A step the gate refuses, and why (each reason a sentence in the user's language). */
export type GateReason =
  | { kind: 'noOwner' }
  | { kind: 'manyOwners'; names: string[] }
  | { kind: 'ownerNotPartner'; name: string }
  | { kind: 'committed'; names: string[] }
  | { kind: 'completed'; names: string[] }

const rank = (status: string) => (LIFECYCLE as readonly string[]).indexOf(status)
const COMMITTED: ReadonlySet<PilotStatus> = new Set(['committed', 'running', 'completed'])

/** Municipalities with a committed (or running, or completed) pilot, each once. */
export const committedMunicipalities = (facts: GateFacts) => [...new Set(facts.pilots.filter((p) => COMMITTED.has(p.status)).map((p) => p.municipality))]
/** Municipalities whose pilot is completed with a recorded outcome. */
export const completedMunicipalities = (facts: GateFacts) => [...new Set(facts.pilots.filter((p) => p.status === 'completed' && p.outcome !== null).map((p) => p.municipality))]

/**
 * What a City Deal tool still lacks to go from one status to another: into development (or further) it needs exactly
 * one owner that is a City Deal partner and three municipalities with a committed pilot; to available (or secured)
 * three pilots completed with an outcome. Other tools, retiring, and steps back pass.
 */
export function gateReasons(facts: GateFacts, from: string, to: string): GateReason[] {
  if (facts.origin !== 'city_deal' || to === 'retired') return []
  const fromRank = from === 'retired' ? -1 : rank(from)
  const reasons: GateReason[] = []
  const crosses = (status: string) => rank(to) >= rank(status) && fromRank < rank(status)
  if (crosses('in_development')) {
    if (facts.owners.length === 0) reasons.push({ kind: 'noOwner' })
    else if (facts.owners.length > 1) reasons.push({ kind: 'manyOwners', names: facts.owners.map((o) => o.name) })
    else if (!facts.owners[0]!.isPartner) reasons.push({ kind: 'ownerNotPartner', name: facts.owners[0]!.name })
    const committed = committedMunicipalities(facts)
    if (committed.length < MUNICIPALITIES_NEEDED) reasons.push({ kind: 'committed', names: committed })
  }
  if (crosses('available')) {
    const completed = completedMunicipalities(facts)
    if (completed.length < MUNICIPALITIES_NEEDED) reasons.push({ kind: 'completed', names: completed })
  }
  return reasons
}

/** A reason as a sentence: "2 of 3 test municipalities committed: Utrecht, Eindhoven. …" */
export function gateReasonText(locale: Locale, reason: GateReason): string {
  const names = (list: string[]) => (list.length > 0 ? `: ${list.join(', ')}` : '')
  switch (reason.kind) {
    case 'noOwner':
      return translate(locale, 'gate.noOwner')
    case 'manyOwners':
      return translate(locale, 'gate.manyOwners', { count: reason.names.length, names: reason.names.join(', ') })
    case 'ownerNotPartner':
      return translate(locale, 'gate.ownerNotPartner', { name: reason.name })
    case 'committed':
      return translate(locale, 'gate.committed', { count: reason.names.length, names: names(reason.names) })
    case 'completed':
      return translate(locale, 'gate.completed', { count: reason.names.length, names: names(reason.names) })
  }
}

/** The gate's refusal as one problem of the status field, its reasons written in both languages. */
export function gateProblem(field: string, reasons: GateReason[]): FieldProblem {
  const text = (locale: Locale) => reasons.map((r) => gateReasonText(locale, r)).join(' ')
  return { name: field, messageKey: 'gate.refused', params: { reasons: { nl: text('nl'), en: text('en') } } }
}
