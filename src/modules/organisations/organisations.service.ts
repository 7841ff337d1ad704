import type { Static } from '@sinclair/typebox'
import { ConflictError, NotFoundError, ValidationError } from '../../errors.ts'
import { slugify } from '../../lib/slug.ts'
import type { Actor } from '../accounts/actor.ts'
import type { AuditRepository } from '../audit/audit.repository.ts'
import type { OrganisationsRepository } from './organisations.repository.ts'
import type { OrganisationSchema } from './organisations.schemas.ts'

type OrganisationInput = Static<typeof OrganisationSchema>

/** The version a form carries, so that a second editor gets a conflict instead of overwriting. */
export const versionOf = (row: { updated_at: Date }) => new Date(row.updated_at).toISOString()

function checkCbs(input: OrganisationInput) {
  const needs = input.kind === 'municipality' ? /^GM\d{4}$/ : input.kind === 'province' ? /^PV\d{2}$/ : undefined
  if (needs && !needs.test(input.cbsCode ?? '')) return [{ name: 'cbsCode', messageKey: 'validation.cbsCode' as const }]
  if (!needs && input.cbsCode) return [{ name: 'cbsCode', messageKey: 'validation.cbsCodeOnlyForGovernments' as const }]
  return []
}

/** Organisations: create, edit, merge duplicates. Each a transaction with its audit entry. */
export function createOrganisationsService(repository: OrganisationsRepository, audit: AuditRepository) {
  const db = repository.db
  return {
    list: () => repository.list(),
    options: () => repository.options(),
    get: async (id: number) => {
      const org = await repository.findById(id)
      if (!org) throw new NotFoundError()
      return org
    },

    async createOrganisation(actor: Actor, input: OrganisationInput) {
      const problems = checkCbs(input)
      if (problems.length > 0) throw new ValidationError(problems)
      return db.transaction().execute(async (trx) => {
        if (input.cbsCode && (await repository.cbsCodeTaken(input.cbsCode, undefined, trx))) throw new ValidationError([{ name: 'cbsCode', messageKey: 'validation.cbsCodeTaken' }])
        const base = slugify(input.name) || 'organisatie'
        let slug = base
        for (let n = 2; await repository.slugTaken(slug, trx); n++) slug = `${base}-${n}`
        const created = await trx
          .insertInto('organisations')
          .values({ slug, name: input.name, kind: input.kind, cbs_code: input.cbsCode ?? null, website_url: input.websiteUrl ?? null, is_city_deal_partner: input.isCityDealPartner === 'on' })
          .returningAll()
          .executeTakeFirstOrThrow()
        await audit.record(trx, actor, { action: 'organisation.created', entityType: 'organisation', entityId: created.id, after: created })
        return created
      })
    },

    async updateOrganisation(actor: Actor, id: number, input: OrganisationInput, version: string) {
      const problems = checkCbs(input)
      if (problems.length > 0) throw new ValidationError(problems)
      return db.transaction().execute(async (trx) => {
        const before = await trx.selectFrom('organisations').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()
        if (!before || before.merged_into_id) throw new NotFoundError()
        if (versionOf(before) !== version) throw new ConflictError()
        if (input.cbsCode && (await repository.cbsCodeTaken(input.cbsCode, id, trx))) throw new ValidationError([{ name: 'cbsCode', messageKey: 'validation.cbsCodeTaken' }])
        const after = await trx
          .updateTable('organisations')
          .set({ name: input.name, kind: input.kind, cbs_code: input.cbsCode ?? null, website_url: input.websiteUrl ?? null, is_city_deal_partner: input.isCityDealPartner === 'on', updated_at: new Date() })
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirstOrThrow()
        await audit.record(trx, actor, { action: 'organisation.updated', entityType: 'organisation', entityId: id, before, after })
        return after
      })
    },

    /** Merges a duplicate into the organisation that stays: tool roles and members move over. */
    async mergeOrganisations(actor: Actor, sourceId: number, targetId: number) {
      if (sourceId === targetId) throw new ValidationError([{ name: 'targetId', messageKey: 'validation.mergeIntoItself' }])
      return db.transaction().execute(async (trx) => {
        const source = await trx.selectFrom('organisations').selectAll().where('id', '=', sourceId).forUpdate().executeTakeFirst()
        const target = await trx.selectFrom('organisations').selectAll().where('id', '=', targetId).forUpdate().executeTakeFirst()
        if (!source || source.merged_into_id) throw new NotFoundError()
        if (!target || target.merged_into_id) throw new ValidationError([{ name: 'targetId', messageKey: 'validation.invalid' }])
        const tools = await repository.moveToAndMarkMerged(trx, sourceId, targetId)
        await audit.record(trx, actor, { action: 'organisation.merged', entityType: 'organisation', entityId: sourceId, before: source, after: { mergedInto: targetId, tools } })
        return { source, target, tools }
      })
    },
  }
}
export type OrganisationsService = ReturnType<typeof createOrganisationsService>
