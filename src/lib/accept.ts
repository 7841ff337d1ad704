/**
 * Content negotiation: which of the types offered an Accept header prefers (RFC 9110 12.5.1: q-values, type/* and
 * wildcard ranges, more specific ranges winning). Ties go to the first offered; undefined when none is acceptable.
 * No header at all accepts anything: the first offered.
 */
export function preferredType(accept: string | undefined, offered: readonly string[]): string | undefined {
  if (!accept || accept.trim() === '') return offered[0]
  const ranges = accept
    .slice(0, 1000)
    .split(',')
    .slice(0, 30)
    .map((part) => {
      const [range = '', ...params] = part.trim().toLowerCase().split(';')
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
      const quality = q === undefined ? 1 : Number(q.slice(2))
      return { range: range.trim(), quality: Number.isFinite(quality) ? Math.min(1, Math.max(0, quality)) : 0 }
    })
  let best: { type: string; quality: number } | undefined
  for (const type of offered) {
    const [major] = type.split('/')
    // The most specific range that matches this type decides its quality.
    const match =
      ranges.find((r) => r.range === type) ?? ranges.find((r) => r.range === `${major}/*`) ?? ranges.find((r) => r.range === '*/*')
    if (!match || match.quality === 0) continue
    if (!best || match.quality > best.quality) best = { type, quality: match.quality }
  }
  return best?.type
}
