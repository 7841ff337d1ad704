// Precision and recall@3 of duplicate detection on the labelled set; shared by the eval script and its test.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Match, MatchQuery } from '../../src/modules/submissions/similarity.ts'

export interface EvalCase {
  id: string
  language: 'nl' | 'en'
  kind: string
  query: MatchQuery
  expected: string | null
  note?: string
}

export interface Tally {
  positives: number
  found: number
  flagged: number
  correctFlags: number
  negatives: number
  cleanNegatives: number
}

export interface Outcome {
  case: EvalCase
  matches: Match[]
  /** Expected tool flagged likely in the top 3 (positives), or nothing flagged (negatives). */
  right: boolean
}

export const emptyTally = (): Tally => ({ positives: 0, found: 0, flagged: 0, correctFlags: 0, negatives: 0, cleanNegatives: 0 })

export function loadEvalSet(): EvalCase[] {
  return JSON.parse(readFileSync(join(import.meta.dirname, 'eval-set.json'), 'utf8')) as EvalCase[]
}

/** Scores one case's ranking into a tally: the top 3, and which of them cross the warning threshold. */
export function tallyCase(tally: Tally, c: EvalCase, matches: Match[]): boolean {
  const flagged = matches.slice(0, 3).filter((m) => m.likely)
  const correct = flagged.filter((m) => m.candidate.slug === c.expected).length
  tally.flagged += flagged.length
  tally.correctFlags += correct
  if (c.expected !== null) {
    tally.positives++
    if (correct > 0) tally.found++
    return correct > 0
  }
  tally.negatives++
  if (flagged.length === 0) tally.cleanNegatives++
  return flagged.length === 0
}

export const recall = (t: Tally) => (t.positives === 0 ? NaN : t.found / t.positives)
export const precision = (t: Tally) => (t.flagged === 0 ? NaN : t.correctFlags / t.flagged)

/** Runs every case through a ranking function. */
export async function evaluate(cases: EvalCase[], similar: (q: MatchQuery) => Promise<Match[]>): Promise<{ total: Tally; outcomes: Outcome[] }> {
  const total = emptyTally()
  const outcomes: Outcome[] = []
  for (const c of cases) {
    const matches = await similar(c.query)
    outcomes.push({ case: c, matches, right: tallyCase(total, c, matches) })
  }
  return { total, outcomes }
}
