import type { Static } from '@sinclair/typebox'
import type { RunInTransaction, Tx } from '../../db/transaction.ts'
import { ConflictError, NotFoundError, ValidationError } from '../../errors.ts'
import type { Actor } from '../../lib/actor.ts'
import type { AccountsRepository } from '../accounts/accounts.repository.ts'
import type { AuditRepository } from '../audit/audit.repository.ts'
import type { ToolsRepository } from '../tools/tools.repository.ts'
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

const columns = (input: OrganisationInput) => ({
  name: input.name,
  kind: input.kind,
  cbs_code: input.cbsCode ?? null,
  website_url: input.websiteUrl ?? null,
  is_city_deal_partner: input.isCityDealPartner === 'on',
})

export interface OrganisationsDeps {
  repository: OrganisationsRepository
  transaction: RunInTransaction
  audit: AuditRepository
  /** A merge moves the duplicate's roles on tools and its members: those tables belong to tools and accounts. */
  tools: Pick<ToolsRepository, 'moveOrganisationRoles'>
  accounts: Pick<AccountsRepository, 'moveMembers'>
}

/** Organisations: create, edit, merge duplicates. Each a transaction with its audit entry. */
export function createOrganisationsService({ repository, transaction, audit, tools, accounts }: OrganisationsDeps) {
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
      return transaction(async (trx) => {
        if (input.cbsCode && (await repository.cbsCodeTaken(input.cbsCode, undefined, trx))) throw new ValidationError([{ name: 'cbsCode', messageKey: 'validation.cbsCodeTaken' }])
        const created = await repository.create(trx, columns(input))
        await audit.record(trx, actor, { action: 'organisation.created', entityType: 'organisation', entityId: created.id, after: created })
        return created
      })
    },

    /**
     * Inside the caller's transaction: the organisation of this name, or a new one of kind "other" (e.g. the owner a
     * submitter named). Safe when two requests ask at once.
     */
    async findOrCreateOrganisation(trx: Tx, actor: Actor, name: string) {
      const { organisation, created } = await repository.findOrCreateByName(trx, { name, kind: 'other' })
      if (created) await audit.record(trx, actor, { action: 'organisation.created', entityType: 'organisation', entityId: organisation.id, after: organisation })
      return organisation
    },

    /** Every current organisation with its aliases, for the organisation picker. */
    pickerEntries: () => repository.pickerEntries(),

    /**
     * The organisation someone typed into a picker, by its name or an alias (case and accents ignored). Otherwise a
     * ValidationError for that field, naming the closest organisations, or the namesakes to choose between.
     */
    async resolve(text: string, field: string, x?: Tx) {
      const found = await repository.findByNameOrAlias(text, x)
      if (found.length === 1) return found[0]!
      if (found.length > 1) {
        throw new ValidationError([{ name: field, messageKey: 'validation.organisationAmbiguous', params: { name: text, names: found.map((o) => o.cbs_code ? `${o.name} (${o.cbs_code})` : o.name).join(', ') } }])
      }
      const similar = await repository.similarTo(text, 3, x)
      throw new ValidationError([
        similar.length > 0
          ? { name: field, messageKey: 'validation.organisationUnknown', params: { name: text, suggestions: similar.map((o) => `“${o.name}”`).join(', ') } }
          : { name: field, messageKey: 'validation.organisationUnknownNoSuggestion', params: { name: text } },
      ])
    },

    /** Inside the caller's transaction: an organisation that exists on its own, for linking a tool to it. */
    currentOrganisation: (trx: Tx, id: number) => repository.findCurrent(id, trx),

    async updateOrganisation(actor: Actor, id: number, input: OrganisationInput, version: string) {
      const problems = checkCbs(input)
      if (problems.length > 0) throw new ValidationError(problems)
      return transaction(async (trx) => {
        const before = await repository.lockById(trx, id)
        if (!before || before.merged_into_id) throw new NotFoundError()
        if (versionOf(before) !== version) throw new ConflictError()
        if (input.cbsCode && (await repository.cbsCodeTaken(input.cbsCode, id, trx))) throw new ValidationError([{ name: 'cbsCode', messageKey: 'validation.cbsCodeTaken' }])
        const after = await repository.update(trx, id, columns(input))
        await audit.record(trx, actor, { action: 'organisation.updated', entityType: 'organisation', entityId: id, before, after })
        return after
      })
    },

    /** Merges a duplicate into the organisation that stays: tool roles and members move over. */
    async mergeOrganisations(actor: Actor, sourceId: number, targetId: number) {
      if (sourceId === targetId) throw new ValidationError([{ name: 'targetId', messageKey: 'validation.mergeIntoItself' }])
      return transaction(async (trx) => {
        // Locked in id order, so that two merges of the same pair at once wait for each other instead of deadlocking.
        const [first, second] = [Math.min(sourceId, targetId), Math.max(sourceId, targetId)]
        const locked = new Map([[first, await repository.lockById(trx, first)], [second, await repository.lockById(trx, second)]])
        const source = locked.get(sourceId)
        const target = locked.get(targetId)
        if (!source || source.merged_into_id) throw new NotFoundError()
        if (!target || target.merged_into_id) throw new ValidationError([{ name: 'targetId', messageKey: 'validation.invalid' }])
        const toolCount = await tools.moveOrganisationRoles(trx, sourceId, targetId)
        await accounts.moveMembers(trx, sourceId, targetId)
        await repository.markMerged(trx, sourceId, targetId)
        await audit.record(trx, actor, { action: 'organisation.merged', entityType: 'organisation', entityId: sourceId, before: source, after: { mergedInto: targetId, tools: toolCount } })
        return { source, target, tools: toolCount }
      })
    },
  }
}
export type OrganisationsService = ReturnType<typeof createOrganisationsService>
