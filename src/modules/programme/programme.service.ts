import type { Static } from '@sinclair/typebox'
import type { RunInTransaction } from '../../db/transaction.ts'
import { ConflictError, NotFoundError, ValidationError } from '../../errors.ts'
import type { Actor } from '../../lib/actor.ts'
import type { AuditRepository } from '../audit/audit.repository.ts'
import { countFigures, growthFrom, readFigures, type Programme, type ProgrammeFigures } from './programme.figures.ts'
import type { ProgrammeRepository } from './programme.repository.ts'
import type { ProgrammeSchema } from './programme.schemas.ts'

/** How many of the most active organisations the page lists. */
const MOST_ACTIVE = 10

type Row = Awaited<ReturnType<ProgrammeRepository['get']>>

const toProgramme = (row: Row): Programme => ({
  name: row.name,
  startsOn: row.starts_on,
  signingOn: row.signing_on,
  targets: { content: row.target_content, governance: row.target_governance, startedInYear: row.target_started_in_year, startedAtSigning: row.target_started_at_signing },
  version: row.version,
})

/** The programme record and its figures. */
export function createProgrammeService(deps: { repository: ProgrammeRepository; transaction: RunInTransaction; audit: AuditRepository }) {
  const { repository, transaction, audit } = deps
  const count = async (): Promise<ProgrammeFigures> => {
    const today = new Date().toISOString().slice(0, 10)
    const programme = toProgramme(await repository.get())
    const [tools, partners, municipalities, openCalls, active, growth] = await Promise.all([
      repository.cityDealTools(),
      repository.partnersByKind(),
      repository.municipalitiesByProvince(),
      repository.openCalls(),
      repository.mostActive(MOST_ACTIVE),
      repository.growth(growthFrom(programme.startsOn, today)),
    ])
    return countFigures(programme, { tools, partners, municipalities, openCalls, active, growth }, today)
  }
  return {
    /** The programme as administrators set it. */
    get: async () => toProgramme(await repository.get()),

    /**
     * The figures as the database stands today. The first count of a month is stored as that month's snapshot, so
     * earlier months can be shown without anyone remembering to store them.
     */
    async figures(): Promise<ProgrammeFigures> {
      const figures = await count()
      if (!(await repository.monthlySince(`${figures.asOf.slice(0, 8)}01`))) {
        await repository.saveSnapshot({ takenOn: figures.asOf, kind: 'monthly', figures })
      }
      return figures
    },

    /** The figures as stored on or before a day (the latest snapshot then); NotFoundError when none is that old. */
    async figuresAsOf(day: string): Promise<ProgrammeFigures> {
      const snapshot = await repository.snapshotAsOf(day)
      const figures = snapshot && readFigures(snapshot.figures)
      if (!figures) throw new NotFoundError('programme.snapshotNotFound', { date: day })
      return figures
    },

    /** Today's figures, or those stored on or before `asOf`. */
    figuresFor(asOf: string | undefined): Promise<ProgrammeFigures> {
      return asOf === undefined ? this.figures() : this.figuresAsOf(asOf)
    },

    /** The days figures were stored, the newest first. */
    snapshotDays: () => repository.snapshotDays(),

    /** Stores today's figures at a curator's request (a second time the same day replaces them), audited. */
    async storeSnapshot(actor: Actor) {
      const figures = await count()
      return transaction(async (trx) => {
        const stored = await repository.saveSnapshot({ takenOn: figures.asOf, kind: 'manual', figures }, trx)
        await audit.record(trx, actor, { action: 'programme.snapshot', entityType: 'programme_snapshot', entityId: stored.id, after: { takenOn: stored.taken_on, kind: stored.kind } })
        return stored
      })
    },

    /** Changes the programme's name, dates and targets; a form loaded at an older version gets a conflict. */
    async update(actor: Actor, input: Static<typeof ProgrammeSchema>) {
      if (input.signingOn < input.startsOn) throw new ValidationError([{ name: 'signingOn', messageKey: 'programme.admin.signingBeforeStart' }])
      return transaction(async (trx) => {
        const before = await repository.lock(trx)
        if (before.version !== input.version) throw new ConflictError()
        const after = await repository.update(trx, {
          name: input.name,
          starts_on: input.startsOn,
          signing_on: input.signingOn,
          target_content: input.targetContent,
          target_governance: input.targetGovernance,
          target_started_in_year: input.targetStartedInYear,
          target_started_at_signing: input.targetStartedAtSigning,
        })
        await audit.record(trx, actor, { action: 'programme.updated', entityType: 'programme', entityId: 1, before, after })
        return toProgramme(after)
      })
    },
  }
}
export type ProgrammeService = ReturnType<typeof createProgrammeService>
