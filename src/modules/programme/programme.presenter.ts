// The figures shaped for people and for data: each table once (caption, headers, rows, the sentence that sums it up),
// read by the page, its charts and the CSV alike, so that they cannot disagree; and the API resource.
import { label, localePath, translator } from '../../i18n/i18n.ts'
import type { Locale } from '../../i18n/messages.ts'
import { formatDate } from '../../views/format.ts'
import { COUNTED_STATUSES, type GatePart, type ProgrammeFigures, type TargetCode } from './programme.figures.ts'

export const TABLE_IDS = ['targets', 'stages', 'gate', 'partners', 'municipalities', 'active', 'growth'] as const
export type TableId = (typeof TABLE_IDS)[number]

/** A cell: text or a number, with the catalogue (or other) list behind it where there is one. */
export interface Cell {
  value: string | number
  href?: string | undefined
}

export interface DataTable {
  id: TableId
  caption: string
  headers: string[]
  rows: Cell[][]
  /** One sentence that says what the table shows. */
  summary: string
  /** Which column the chart draws, and which one holds a target (drawn as an outline). */
  chart: { value: number; target?: number }
}

/** The catalogue list of City Deal tools with these statuses (and this category): the list behind a figure. */
export function catalogueHref(locale: Locale, filters: { category?: string; status: readonly string[] }): string {
  const params = new URLSearchParams()
  if (filters.category) params.append('category', filters.category)
  params.append('origin', 'city_deal')
  for (const status of filters.status) params.append('status', status)
  return `${localePath(locale, '/tools')}?${params}`
}

/** Where each target's figure comes from in the catalogue. */
export function targetHref(locale: Locale, code: TargetCode): string {
  if (code === 'content' || code === 'governance') return catalogueHref(locale, { category: code, status: COUNTED_STATUSES })
  return catalogueHref(locale, { status: COUNTED_STATUSES })
}

export const partnersHref = (locale: Locale, kind: string) => `${localePath(locale, '/organisations')}?${new URLSearchParams({ kind, partner: 'on' })}`

/** A target's definition in words, with the programme's dates. */
export function targetDefinition(locale: Locale, figures: ProgrammeFigures, code: TargetCode): string {
  const t = translator(locale)
  const start = formatDate(locale, figures.programme.startsOn)
  const signing = formatDate(locale, figures.programme.signingOn)
  switch (code) {
    case 'content':
      return t('programme.definition.content')
    case 'governance':
      return t('programme.definition.governance')
    case 'startedInYear':
      return t('programme.definition.startedInYear', { start, signing })
    case 'startedAtSigning':
      return t('programme.definition.startedAtSigning', { signing })
  }
}

export const targetLabel = (locale: Locale, code: TargetCode) => translator(locale)(`programme.target.${code}`)
export const gatePartLabel = (locale: Locale, code: GatePart) => translator(locale)(`programme.gate.${code}`)

/** The five tables of the page, in its order. */
export function programmeTables(figures: ProgrammeFigures, locale: Locale): DataTable[] {
  const t = translator(locale)
  const target = (code: TargetCode) => figures.targets.find((x) => x.code === code)!
  const gate = (code: GatePart) => figures.gate.parts.find((x) => x.code === code)!.tools
  const totalStages = figures.stages.reduce((sum, s) => sum + s.tools, 0)
  const done = figures.stages.filter((s) => s.status === 'available' || s.status === 'secured').reduce((sum, s) => sum + s.tools, 0)
  const partnersTotal = figures.partners.reduce((sum, p) => sum + p.organisations, 0)
  const largest = figures.partners[0]
  const municipalitiesTotal = figures.municipalities.reduce((sum, m) => sum + m.municipalities, 0)
  const provinces = figures.municipalities.filter((m) => m.province !== null).length

  return [
    {
      id: 'targets',
      caption: t('programme.targets.caption'),
      headers: [t('programme.column.measure'), t('programme.column.actual'), t('programme.column.target')],
      rows: figures.targets.map((x) => [{ value: targetLabel(locale, x.code) }, { value: x.actual, href: targetHref(locale, x.code) }, { value: x.target }]),
      summary: t('programme.targets.summary', {
        content: target('content').actual,
        contentTarget: target('content').target,
        governance: target('governance').actual,
        governanceTarget: target('governance').target,
        inYear: target('startedInYear').actual,
        inYearTarget: target('startedInYear').target,
        atSigning: target('startedAtSigning').actual,
        atSigningTarget: target('startedAtSigning').target,
      }),
      chart: { value: 1, target: 2 },
    },
    {
      id: 'stages',
      caption: t('programme.stages.caption'),
      headers: [t('programme.column.stage'), t('programme.column.tools')],
      rows: figures.stages.map((s) => [{ value: label(locale, 'status', s.status) }, { value: s.tools, href: catalogueHref(locale, { status: [s.status] }) }]),
      summary: t('programme.stages.summary', { total: totalStages, done }),
      chart: { value: 1 },
    },
    {
      id: 'gate',
      caption: t('programme.gate.caption'),
      headers: [t('programme.column.gatePart'), t('programme.column.passing'), t('programme.column.of')],
      rows: figures.gate.parts.map((p) => [{ value: gatePartLabel(locale, p.code) }, { value: p.tools }, { value: figures.gate.tools }]),
      summary: t('programme.gate.summary', { total: figures.gate.tools, owner: gate('ownerPartner'), committed: gate('committed'), results: gate('results'), bilingual: gate('bilingual') }),
      chart: { value: 1 },
    },
    {
      id: 'partners',
      caption: t('programme.partners.caption'),
      headers: [t('programme.column.kind'), t('programme.column.partners')],
      rows: figures.partners.map((p) => [{ value: label(locale, 'kind', p.kind) }, { value: p.organisations, href: partnersHref(locale, p.kind) }]),
      summary: largest ? t('programme.partners.summary', { total: partnersTotal, kind: label(locale, 'kind', largest.kind).toLowerCase(), count: largest.organisations }) : t('programme.partners.none'),
      chart: { value: 1 },
    },
    {
      id: 'municipalities',
      caption: t('programme.municipalities.caption'),
      headers: [t('programme.column.province'), t('programme.column.municipalities')],
      rows: figures.municipalities.map((m) => [{ value: m.province ?? t('programme.provinceUnknown') }, { value: m.municipalities }]),
      summary: municipalitiesTotal > 0 ? t('programme.municipalities.summary', { total: municipalitiesTotal, provinces }) : t('programme.municipalities.none'),
      chart: { value: 1 },
    },
    {
      id: 'active',
      caption: t('programme.active.caption'),
      headers: [t('programme.column.organisation'), t('programme.column.tools')],
      rows: figures.active.map((o) => [{ value: o.name, href: localePath(locale, `/organisations/${o.slug}`) }, { value: o.tools }]),
      summary: figures.active[0] ? t('programme.active.summary', { name: figures.active[0].name, count: figures.active[0].tools }) : t('programme.active.none'),
      chart: { value: 1 },
    },
    growthTable(figures, locale),
  ]
}

/** Tools in the toolbox at the end of each month, by origin, with the total the chart draws. */
function growthTable(figures: ProgrammeFigures, locale: Locale): DataTable {
  const t = translator(locale)
  const month = new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' })
  const total = (g: ProgrammeFigures['growth'][number]) => g.cityDeal + g.othersInitiative + g.existing
  const first = figures.growth[0]
  const last = figures.growth.at(-1)
  return {
    id: 'growth',
    caption: t('programme.growth.caption'),
    // Short headers, so that the table fits a phone; the intro says what each origin means.
    headers: [t('programme.column.month'), t('programme.column.cityDeal'), t('programme.column.others'), t('programme.column.existing'), t('programme.column.total')],
    rows: figures.growth.map((g) => [{ value: month.format(new Date(g.day)) }, { value: g.cityDeal }, { value: g.othersInitiative }, { value: g.existing }, { value: total(g) }]),
    summary:
      first && last
        ? t('programme.growth.summary', { last: formatDate(locale, last.day), total: total(last), first: formatDate(locale, first.day), start: total(first) })
        : t('programme.growth.intro'),
    chart: { value: 4 },
  }
}
