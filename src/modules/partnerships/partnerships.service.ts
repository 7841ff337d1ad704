import type { RunInTransaction, Tx } from '../../db/transaction.ts'
import { NotFoundError, ValidationError } from '../../errors.ts'
import type { Actor } from '../../lib/actor.ts'
import { authorize } from '../../lib/policy.ts'
import type { AuditRepository } from '../audit/audit.repository.ts'
import type { PartnershipsRepository } from './partnerships.repository.ts'
import type { EndPartnershipInput, PartnershipInput } from './partnerships.schemas.ts'

/** Today in the Netherlands (a partnership's days are Dutch calendar days). */
export const todayInAmsterdam = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date())

type Period = { id?: number; since: string; until: string | null }
const overlaps = (a: Period, b: Period) => a.since <= (b.until ?? '9999-12-31') && b.since <= (a.until ?? '9999-12-31')

/** Partnerships: administrators record who is a partner when; voting asks who is one today. */
export function createPartnershipsService(deps: { repository: PartnershipsRepository; transaction: RunInTransaction; audit: AuditRepository }) {
  const { repository, transaction, audit } = deps

  /** Refuses a period that overlaps another of the same organisation (one partnership at a time). */
  async function refuseOverlap(trx: Tx, organisationId: number, period: Period) {
    const other = (await repository.lockOf(trx, organisationId)).find((p) => p.id !== period.id && overlaps(p, period))
    if (other) throw new ValidationError([{ name: 'since', messageKey: 'partners.overlap', params: { since: other.since, until: other.until ?? '…' } }])
  }

  return {
    list: () => repository.list(),
    partnersOn: (day: string, x?: Tx) => repository.partnersOn(day, x),
    isPartnerOn: (organisationId: number, day: string, x?: Tx) => repository.isPartnerOn(organisationId, day, x),
    refreshFlags: (trx: Tx) => repository.refreshFlags(trx, todayInAmsterdam()),

    add: (actor: Actor, input: PartnershipInput) =>
      transaction(async (trx) => {
        authorize(actor, 'partnerships.manage')
        const organisation = await repository.lockOrganisation(trx, input.organisationId)
        if (!organisation || organisation.merged_into_id !== null) throw new ValidationError([{ name: 'organisationId', messageKey: 'partners.unknownOrganisation' }])
        const period = { since: input.since, until: input.until ?? null }
        if (period.until !== null && period.until < period.since) throw new ValidationError([{ name: 'until', messageKey: 'partners.untilBeforeSince' }])
        await refuseOverlap(trx, organisation.id, period)
        const saved = await repository.create(trx, { organisation_id: organisation.id, ...period })
        await audit.record(trx, actor, { action: 'partnership.added', entityType: 'partnership', entityId: saved.id, after: { organisation_id: saved.organisation_id, since: saved.since, until: saved.until } })
        await repository.refreshFlags(trx, todayInAmsterdam())
        return { ...saved, organisationName: organisation.name }
      }),

    /** Sets a partnership's last day (it ends, or ended, then). */
    end: (actor: Actor, id: number, input: EndPartnershipInput) =>
      transaction(async (trx) => {
        authorize(actor, 'partnerships.manage')
        const found = await repository.findById(id, trx)
        if (!found) throw new NotFoundError()
        await repository.lockOrganisation(trx, found.organisation_id)
        const current = (await repository.lockOf(trx, found.organisation_id)).find((p) => p.id === id)
        if (!current) throw new NotFoundError()
        if (input.until < current.since) throw new ValidationError([{ name: 'until', messageKey: 'partners.untilBeforeSince' }])
        await refuseOverlap(trx, found.organisation_id, { id, since: current.since, until: input.until })
        const saved = await repository.setUntil(trx, id, input.until)
        await audit.record(trx, actor, { action: 'partnership.ended', entityType: 'partnership', entityId: id, before: { until: current.until }, after: { organisation_id: saved.organisation_id, since: saved.since, until: saved.until } })
        await repository.refreshFlags(trx, todayInAmsterdam())
        return saved
      }),
  }
}
export type PartnershipsService = ReturnType<typeof createPartnershipsService>
