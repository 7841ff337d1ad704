import { NotFoundError } from '../../errors.ts'

const ID = /^[1-9][0-9]{0,14}$/

/** A record id from the path; anything else is a page that does not exist. */
export function parseId(value: string): number {
  if (!ID.test(value)) throw new NotFoundError()
  return Number(value)
}

/** A page number from the query: 1 when absent or not a number, at most 10,000. */
export function parsePage(value: unknown): number {
  return typeof value === 'string' && ID.test(value) ? Math.min(Number(value), 10_000) : 1
}
