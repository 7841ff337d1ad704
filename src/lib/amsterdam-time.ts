// Wall-clock time in the Netherlands (Europe/Amsterdam) and the moments (UTC) it stands for. Gatherings are entered
// as a Dutch date with times of day; they are stored as moments (timestamptz) and shown in Dutch time again.

const ZONE = 'Europe/Amsterdam'
const parts = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })

/** The Dutch calendar date and time of day of a moment: { date: '2026-12-02', time: '14:05' }. */
export function amsterdamParts(moment: Date): { date: string; time: string } {
  const p = Object.fromEntries(parts.formatToParts(moment).map((x) => [x.type, x.value]))
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` }
}

/**
 * The moment at which Dutch clocks show this date and time. In the autumn hour that happens twice the first is
 * taken; a spring time that never happens (02:30 on the last Sunday of March) becomes the moment an hour later.
 */
export function amsterdamToUtc(date: string, time: string): Date {
  const asUtc = Date.parse(`${date}T${time}:00Z`)
  // The zone's offset is one or two hours: try both and keep the one whose Dutch reading is the time asked for.
  for (const offsetHours of [2, 1]) {
    const candidate = new Date(asUtc - offsetHours * 3_600_000)
    const shown = amsterdamParts(candidate)
    if (shown.date === date && shown.time === time) return candidate
  }
  return new Date(asUtc - 3_600_000)
}

/** A time of day as typed: 9:30, 09:30 or 09.30 become "09:30"; anything else undefined. */
export function normaliseTime(value: string): string | undefined {
  const match = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/.exec(value.trim())
  return match ? `${match[1]!.padStart(2, '0')}:${match[2]}` : undefined
}
