/**
 * Every problem type the API can answer with: the `code` of a problem and the last segment of its `type` URI
 * (`{PUBLIC_URL}/api/v1/problems/{id}`), which leads to the problem's section of the reference at /api. The ids
 * are those of the named errors (src/errors.ts and the modules' own) and of the error handler's fallbacks; a test
 * checks that every id thrown in src/ is here. Title and meaning: `apiReference.problem.{id}` (.meaning).
 */
export const PROBLEM_TYPES = [
  { id: 'validation-failed', status: 400 },
  { id: 'bad-request', status: 400 },
  { id: 'unauthorized', status: 401 },
  { id: 'sign-in-failed', status: 401 },
  { id: 'forbidden', status: 403 },
  { id: 'csrf-invalid', status: 403 },
  { id: 'not-a-municipality', status: 403 },
  { id: 'not-a-partner', status: 403 },
  { id: 'not-found', status: 404 },
  { id: 'method-not-allowed', status: 405 },
  { id: 'conflict', status: 409 },
  { id: 'possible-duplicates', status: 409 },
  { id: 'already-answered', status: 409 },
  { id: 'already-testing', status: 409 },
  { id: 'gathering-over', status: 409 },
  { id: 'no-open-call', status: 409 },
  { id: 'not-callable', status: 409 },
  { id: 'not-adoptable', status: 409 },
  { id: 'involvement-request-open', status: 409 },
  { id: 'vote-closed', status: 409 },
  { id: 'link-expired', status: 410 },
  { id: 'unsupported-media-type', status: 415 },
  { id: 'rate-limited', status: 429 },
  { id: 'sign-in-throttled', status: 429 },
  { id: 'internal-error', status: 500 },
  { id: 'unavailable', status: 503 },
] as const

export type ProblemTypeId = (typeof PROBLEM_TYPES)[number]['id']

const IDS: ReadonlySet<string> = new Set(PROBLEM_TYPES.map((p) => p.id))

export function isProblemType(id: string): id is ProblemTypeId {
  return IDS.has(id)
}
