// iCalendar (RFC 5545) text, written by hand: a few properties of VEVENTs in a VCALENDAR, nothing more. Times are
// written in UTC ("Z"), which every calendar shows in its user's zone; the page shows them in Europe/Amsterdam.

export interface CalendarEvent {
  /** Globally unique and stable: the same gathering keeps its UID when it changes. */
  uid: string
  /** When this version of the event was made (DTSTAMP): the gathering's last change. */
  stamp: Date
  start: Date
  end: Date
  summary: string
  description?: string | undefined
  location?: string | undefined
  url?: string | undefined
  /** Counts up with every change, so calendars replace the earlier version. */
  sequence?: number | undefined
}

/** A TEXT value escaped (section 3.3.11): backslash, semicolon, comma, and line breaks as \n. */
export const escapeText = (value: string) =>
  value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n')

/** A moment as a UTC DATE-TIME: 20261202T140500Z. */
export const utcDateTime = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')

/**
 * One content line folded at 75 octets (section 3.1): continuation lines begin with a space; a multi-byte UTF-8
 * character is never split.
 */
export function foldLine(line: string): string {
  const parts: string[] = []
  let current = ''
  let octets = 0
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8')
    // The first line holds 75 octets; each continuation 74 after its leading space.
    const limit = parts.length === 0 ? 75 : 74
    if (octets + size > limit) {
      parts.push(current)
      current = ''
      octets = 0
    }
    current += char
    octets += size
  }
  parts.push(current)
  return parts.join('\r\n ')
}

/** A whole calendar: CRLF line ends, folded lines, the events in the order given. */
export function calendar(options: { name: string; events: CalendarEvent[] }): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//City Deal Toolbox//Gatherings//NL', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${escapeText(options.name)}`]
  for (const e of options.events) {
    lines.push('BEGIN:VEVENT', `UID:${e.uid}`, `DTSTAMP:${utcDateTime(e.stamp)}`, `DTSTART:${utcDateTime(e.start)}`, `DTEND:${utcDateTime(e.end)}`, `SUMMARY:${escapeText(e.summary)}`)
    if (e.sequence !== undefined) lines.push(`SEQUENCE:${e.sequence}`)
    if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`)
    if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`)
    // A URI value is not TEXT: it is written as it is (our URLs are already percent-encoded).
    if (e.url) lines.push(`URL:${e.url}`)
    lines.push('END:VEVENT')
  }
  lines.push('END:VCALENDAR')
  return lines.map(foldLine).join('\r\n') + '\r\n'
}
