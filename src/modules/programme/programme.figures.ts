// The programme's figures, counted from the facts the repository reads. Pure: the same facts give the same figures,
// and each definition lives here once (the page, the API and the CSV say them in words).
import { Type, type Static, type TLiteral, type TUnion } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'
import { LIFECYCLE, MUNICIPALITIES_NEEDED } from '../tools/tools.gate.ts'
import type { ProgrammeToolRow } from './programme.repository.ts'

/** Statuses from which a City Deal tool counts towards the targets: selected and every later step (not retired). */
export const COUNTED_STATUSES = ['selected', 'in_development', 'testing', 'available', 'secured'] as const
/** The funnel's stages: the lifecycle, then retired. */
export const FUNNEL_STAGES = [...LIFECYCLE, 'retired'] as const
export const TARGET_CODES = ['content', 'governance', 'startedInYear', 'startedAtSigning'] as const
export const GATE_PARTS = ['ownerPartner', 'committed', 'results', 'bilingual'] as const

export type TargetCode = (typeof TARGET_CODES)[number]
export type GatePart = (typeof GATE_PARTS)[number]

const oneOf = <const T extends readonly string[]>(values: T): TUnion<TLiteral<T[number]>[]> => Type.Union(values.map((v: T[number]) => Type.Literal(v)))
const Count = Type.Integer({ minimum: 0 })
const Day = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' })

/** The programme as administrators set it. */
export const ProgrammeSchema = Type.Object({
  name: Type.String(),
  startsOn: Day,
  signingOn: Day,
  targets: Type.Object({ content: Count, governance: Count, startedInYear: Count, startedAtSigning: Count }),
  version: Type.Integer(),
})
export type Programme = Static<typeof ProgrammeSchema>

/** Every figure of the page; also the shape a snapshot is stored in (and checked against when read back). */
export const FiguresSchema = Type.Object({
  programme: ProgrammeSchema,
  /** The day the figures were counted (UTC). */
  asOf: Day,
  targets: Type.Array(Type.Object({ code: oneOf(TARGET_CODES), actual: Count, target: Count })),
  /** Counted City Deal tools that started before the programme or after the signing (neither of the two moments). */
  startedOutside: Count,
  stages: Type.Array(Type.Object({ status: oneOf(FUNNEL_STAGES), tools: Count })),
  /** City Deal tools that are not retired, and how many of them pass each part of the gate. */
  gate: Type.Object({ tools: Count, parts: Type.Array(Type.Object({ code: oneOf(GATE_PARTS), tools: Count })) }),
  partners: Type.Array(Type.Object({ kind: Type.String(), organisations: Count })),
  municipalities: Type.Array(Type.Object({ province: Type.Union([Type.String(), Type.Null()]), municipalities: Count })),
  openCalls: Count,
  /** Organisations by the tools (not retired) they take part in, the most first. */
  active: Type.Array(Type.Object({ slug: Type.String(), name: Type.String(), tools: Count })),
  /** Tools in the toolbox (not retired) at the end of each month since the programme started, by origin. */
  growth: Type.Array(Type.Object({ day: Day, cityDeal: Count, othersInitiative: Count, existing: Count })),
})
export type ProgrammeFigures = Static<typeof FiguresSchema>

/** Stored figures read back: the figures, or undefined when they no longer have this shape. */
export const readFigures = (value: unknown): ProgrammeFigures | undefined => (Value.Check(FiguresSchema, value) ? value : undefined)

export interface ProgrammeFacts {
  tools: ProgrammeToolRow[]
  active: { slug: string; name: string; n: number }[]
  growth: { day: string; origin: string; n: number }[]
  partners: { kind: string; n: number }[]
  municipalities: { province: string | null; n: number }[]
  openCalls: number
}

const counted: ReadonlySet<string> = new Set(COUNTED_STATUSES)

/** Whether a tool passes one part of the gate (tools.gate.ts states the rule; this counts it). */
export function passes(tool: ProgrammeToolRow, part: GatePart): boolean {
  switch (part) {
    case 'ownerPartner':
      return tool.owners === 1 && tool.partner_owners === 1
    case 'committed':
      return tool.committed >= MUNICIPALITIES_NEEDED
    case 'results':
      return tool.results >= MUNICIPALITIES_NEEDED
    case 'bilingual':
      return tool.languages.includes('nl') && tool.languages.includes('en')
  }
}

/** Counts the targets, the funnel and who takes part. */
export function countFigures(programme: Programme, facts: ProgrammeFacts, asOf: string): ProgrammeFigures {
  const tools = facts.tools
  const active = tools.filter((t) => counted.has(t.status))
  const inYear = active.filter((t) => t.started_on !== null && t.started_on >= programme.startsOn && t.started_on < programme.signingOn).length
  const atSigning = active.filter((t) => t.started_on === programme.signingOn).length
  const live = tools.filter((t) => t.status !== 'retired')
  return {
    programme,
    asOf,
    targets: [
      { code: 'content', actual: active.filter((t) => t.category === 'content').length, target: programme.targets.content },
      { code: 'governance', actual: active.filter((t) => t.category === 'governance').length, target: programme.targets.governance },
      { code: 'startedInYear', actual: inYear, target: programme.targets.startedInYear },
      { code: 'startedAtSigning', actual: atSigning, target: programme.targets.startedAtSigning },
    ],
    startedOutside: active.length - inYear - atSigning,
    stages: FUNNEL_STAGES.map((status) => ({ status, tools: tools.filter((t) => t.status === status).length })),
    gate: { tools: live.length, parts: GATE_PARTS.map((code) => ({ code, tools: live.filter((t) => passes(t, code)).length })) },
    partners: facts.partners.map((p) => ({ kind: p.kind, organisations: Number(p.n) })).sort((a, b) => b.organisations - a.organisations || a.kind.localeCompare(b.kind)),
    municipalities: facts.municipalities.map((m) => ({ province: m.province, municipalities: Number(m.n) })),
    openCalls: facts.openCalls,
    active: facts.active.map((o) => ({ slug: o.slug, name: o.name, tools: Number(o.n) })),
    growth: monthEnds(growthFrom(programme.startsOn, asOf), asOf).map((day) => {
      const n = (origin: string) => Number(facts.growth.find((g) => g.day === day && g.origin === origin)?.n ?? 0)
      return { day, cityDeal: n('city_deal'), othersInitiative: n('others_initiative'), existing: n('existing') }
    }),
  }
}

/** The most months growth shows: three years. */
export const GROWTH_MONTHS = 36

/** The first day growth counts from: the programme's start, or three years ago when it started longer ago. */
export function growthFrom(startsOn: string, today: string): string {
  const [year, month] = today.split('-').map(Number) as [number, number]
  const earliest = new Date(Date.UTC(year, month - GROWTH_MONTHS, 1)).toISOString().slice(0, 10)
  return startsOn > earliest ? startsOn : earliest
}

/** The last day of each month from `from`'s month to `today`'s, today itself for the current month. */
export function monthEnds(from: string, today: string): string[] {
  const days: string[] = []
  const [fromYear, fromMonth] = from.split('-').map(Number) as [number, number]
  for (let i = 0; ; i++) {
    const end = new Date(Date.UTC(fromYear, fromMonth - 1 + i + 1, 0)).toISOString().slice(0, 10)
    const start = new Date(Date.UTC(fromYear, fromMonth - 1 + i, 1)).toISOString().slice(0, 10)
    if (start > today) break
    days.push(end < today ? end : today)
  }
  return days
}
