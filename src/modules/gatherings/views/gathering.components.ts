// Pieces of a gathering as its pages show them: when and where, in Dutch time.
import { translate } from '../../../i18n/i18n.ts'
import type { Locale } from '../../../i18n/messages.ts'
import { amsterdamParts } from '../../../lib/amsterdam-time.ts'
import { formatDate } from '../../../views/format.ts'

/** "10 december 2026, 13:30–16:00" in Dutch time (the page says so). */
export function whenText(locale: Locale, g: { starts_at: Date | string; ends_at: Date | string }): string {
  const start = amsterdamParts(new Date(g.starts_at))
  const end = amsterdamParts(new Date(g.ends_at))
  const day = formatDate(locale, g.starts_at)
  return end.date === start.date ? `${day}, ${start.time}–${end.time}` : `${day}, ${start.time} – ${formatDate(locale, g.ends_at)}, ${end.time}`
}

/** The place, the online link, or both. */
export const whereText = (locale: Locale, g: { place: string | null; online_url: string | null }) => g.place ?? translate(locale, 'gatherings.online')
