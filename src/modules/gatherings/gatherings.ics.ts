import { localePath, translate } from '../../i18n/i18n.ts'
import type { Locale } from '../../i18n/messages.ts'
import { calendar, type CalendarEvent } from '../../lib/icalendar.ts'
import { gatheringTitle } from './gatherings.service.ts'

interface IcsGathering {
  id: number
  slug: string
  title_nl: string
  title_en: string
  starts_at: Date
  ends_at: Date
  place: string | null
  online_url: string | null
  updated_at: Date
  version: number
}

/** A gathering as a calendar event in the page's language: the place (and online link) as LOCATION, its page as URL. */
export function gatheringEvent(locale: Locale, publicUrl: string, g: IcsGathering, agenda: { title_nl: string; title_en: string; parent_id: number | null }[] = []): CalendarEvent {
  const page = `${publicUrl}${localePath(locale, `/gatherings/${g.slug}`)}`
  const lines = agenda.map((a) => `${a.parent_id === null ? '' : '  '}- ${locale === 'en' ? a.title_en : a.title_nl}`)
  const description = [...(lines.length > 0 ? [translate(locale, 'gatherings.agenda.heading'), ...lines, ''] : []), ...(g.online_url ? [g.online_url] : []), page].join('\n')
  return {
    uid: `gathering-${g.id}@${new URL(publicUrl).host}`,
    stamp: new Date(g.updated_at),
    start: new Date(g.starts_at),
    end: new Date(g.ends_at),
    summary: gatheringTitle(g, locale),
    description,
    location: [g.place, g.online_url].filter(Boolean).join(', ') || undefined,
    url: page,
    sequence: g.version - 1,
  }
}

export const gatheringsCalendar = (locale: Locale, events: CalendarEvent[]) => calendar({ name: translate(locale, 'gatherings.title'), events })
