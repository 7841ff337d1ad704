import type { Match } from './similarity.ts'

/** What a candidate list looks like when stored with a submission and shown to curators. */
export function summarizeMatches(matches: Match[]) {
  return matches.map((m) => ({
    type: m.candidate.type,
    id: m.candidate.id,
    slug: m.candidate.slug,
    name: m.candidate.name,
    status: m.candidate.status,
    score: m.score,
    likely: m.likely,
    reasons: m.reasons,
  }))
}
export type MatchSummary = ReturnType<typeof summarizeMatches>[number]

/** What a submitter said beyond the columns of submissions: the processes, the status, the municipalities using it. */
export interface SharedDetails {
  processes: string[]
  toolStatus: string | null
  /** CBS codes. */
  municipalities: string[]
}

const NONE: SharedDetails = { processes: [], toolStatus: null, municipalities: [] }

// The submissions table has no columns for these (decision 0024): until a migration adds them, they travel in the
// jsonb column duplicate_candidates, as { candidates, shared }. Rows from before hold the candidates as a bare list.
type Stored = MatchSummary[] | { candidates?: MatchSummary[]; shared?: Partial<SharedDetails> } | null | undefined

const strings = (value: unknown) => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [])

/** The possible duplicates the submitter was shown, from either shape. */
export function candidatesOf(value: unknown): MatchSummary[] {
  const stored = value as Stored
  if (Array.isArray(stored)) return stored
  return Array.isArray(stored?.candidates) ? stored.candidates : []
}

/** The submitter's processes, status and municipalities; none for rows from before. */
export function sharedDetailsOf(value: unknown): SharedDetails {
  const stored = value as Stored
  if (!stored || Array.isArray(stored) || !stored.shared) return NONE
  const { shared } = stored
  return { processes: strings(shared.processes), toolStatus: typeof shared.toolStatus === 'string' ? shared.toolStatus : null, municipalities: strings(shared.municipalities) }
}

/** The jsonb value to store: the candidates, and the details when there are any. */
export function storedCandidates(candidates: MatchSummary[], shared: SharedDetails = NONE): string {
  const empty = shared.processes.length === 0 && shared.toolStatus === null && shared.municipalities.length === 0
  return JSON.stringify(empty ? candidates : { candidates, shared })
}
