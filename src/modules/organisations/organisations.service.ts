import type { Static } from '@sinclair/typebox'
import { afterCommit, type RunInTransaction, type Tx } from '../../db/transaction.ts'
import { ConflictError, NotFoundError, ValidationError } from '../../errors.ts'
import type { Actor } from '../../lib/actor.ts'
import type { AuditRepository } from '../audit/audit.repository.ts'
import type { ToolsRepository } from '../tools/tools.repository.ts'
import type { OrganisationSearch, OrganisationsRepository } from './organisations.repository.ts'
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
  // is_city_deal_partner follows the organisation's partnerships (/admin/partnerships, decision 0015).
})

export interface OrganisationsDeps {
  repository: OrganisationsRepository
  transaction: RunInTransaction
  audit: AuditRepository
  /**
   * A merge moves the duplicate's roles on tools and its members: those tables belong to tools and accounts. A new
   * name or alias is part of the search text of the organisation's tools, refreshed in the same transaction.
   */
  tools: Pick<ToolsRepository, 'moveOrganisationRoles' | 'refreshDerived'>
  accounts: { moveMembers(trx: Tx, sourceOrganisationId: number, targetOrganisationId: number): Promise<unknown> }
  /** Told after a commit that changed names or aliases (the reference data shows municipalities by them). */
  namesChanged?: () => void
}

/** The roles on a tool that let an organisation's members edit it (see src/lib/policy.ts). */
const EDITING_ROLES = ['owner', 'co_developer'] as const

/** How far a chain of merges is followed (A merged into B, B into C): far more than ever happens. */
const MERGE_CHAIN_MAX = 10

/** Organisations: create, edit, merge duplicates. Each a transaction with its audit entry. */
export function createOrganisationsService({ repository, transaction, audit, tools, accounts, namesChanged }: OrganisationsDeps) {
  /** Inside a transaction: the organisation's tools find it by its new name or aliases at once, here and elsewhere. */
  async function refreshToolsOf(trx: Tx, organisationId: number) {
    await tools.refreshDerived(trx, await repository.toolIdsOf(organisationId, trx))
    if (namesChanged) afterCommit(trx, namesChanged)
  }

  /** Locks an organisation that still exists on its own; 404 otherwise. */
  async function lockCurrent(trx: Tx, id: number) {
    const org = await repository.lockById(trx, id)
    if (!org || org.merged_into_id) throw new NotFoundError()
    return org
  }

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
    /** The current organisations called this, by name or alias (case and accents aside): none, one, or namesakes. */
    findByNameOrAlias: (text: string, trx?: Tx) => repository.findByNameOrAlias(text, trx),

    /** One page of the public list of organisations. */
    search: (params: OrganisationSearch) => repository.search(params),
    /** Organisations whose name or alias looks like this text ("did you mean", when a search finds none). */
    similarTo: (text: string) => repository.similarTo(text, 5),

    /**
     * An organisation's public page: the organisation, its other names, its province (a municipality) and its tools
     * with its role on each. A merged organisation answers with the slug of the one it lives on in.
     */
    async profile(slug: string) {
      let org = await repository.findBySlug(slug)
      if (!org) throw new NotFoundError('error.organisationNotFound', { slug })
      if (org.merged_into_id) {
        for (let hops = 0; org?.merged_into_id && hops < MERGE_CHAIN_MAX; hops++) org = await repository.findById(org.merged_into_id)
        if (!org || org.merged_into_id) throw new NotFoundError('error.organisationNotFound', { slug })
        return { movedTo: org.slug } as const
      }
      const [aliases, province, toolRoles, pilots, adoptions] = await Promise.all([
        repository.aliasesOf(org.id),
        org.kind === 'municipality' && org.province_code ? repository.provinceByCode(org.province_code) : undefined,
        repository.toolsOf(org.id),
        repository.pilotsOf(org.id),
        repository.adoptionsOf(org.id),
      ])
      return { organisation: org, aliases: aliases.map((a) => a.alias), province, tools: toolRoles, pilots, adoptions }
    },

    /** The tools a member of this organisation may edit: those it owns or co-develops, each once. */
    async editableTools(organisationId: number) {
      const rows = await repository.toolsOf(organisationId, EDITING_ROLES)
      return rows.filter((row, i) => rows.findIndex((r) => r.id === row.id) === i)
    },

    /** An organisation's other names, for its admin page. */
    aliasesOf: (id: number) => repository.aliasesOf(id),

    /**
     * Adds another name an organisation is known by. Refused when it is the organisation's own name, another
     * organisation's name, or already an alias (of this one or another): each alias names one organisation.
     */
    addAlias: (actor: Actor, id: number, alias: string) =>
      transaction(async (trx) => {
        const org = await lockCurrent(trx, id)
        const refuse = (messageKey: 'validation.aliasIsOwnName' | 'validation.aliasExists' | 'validation.aliasTaken' | 'validation.aliasIsOtherName', name: string) =>
          new ValidationError([{ name: 'otherName', messageKey, params: { alias, name } }])
        if (alias.toLowerCase() === org.name.toLowerCase()) throw refuse('validation.aliasIsOwnName', org.name)
        const holder = await repository.aliasHolder(alias, trx)
        if (holder) throw refuse(holder.id === id ? 'validation.aliasExists' : 'validation.aliasTaken', holder.name)
        const namesake = await repository.otherNamed(alias, id, trx)
        if (namesake) throw refuse('validation.aliasIsOtherName', namesake.name)
        const added = await repository.addAlias(trx, id, alias)
        // Taken a moment ago by a request beside this one.
        if (!added) throw refuse('validation.aliasTaken', (await repository.aliasHolder(alias, trx))?.name ?? '')
        await refreshToolsOf(trx, id)
        await audit.record(trx, actor, { action: 'organisation.alias_added', entityType: 'organisation', entityId: id, after: { alias: added.alias } })
        return added
      }),

    /** Removes one of an organisation's other names. */
    removeAlias: (actor: Actor, id: number, aliasId: number) =>
      transaction(async (trx) => {
        await lockCurrent(trx, id)
        const removed = await repository.removeAlias(trx, id, aliasId)
        if (!removed) throw new NotFoundError('error.aliasNotFound')
        await refreshToolsOf(trx, id)
        await audit.record(trx, actor, { action: 'organisation.alias_removed', entityType: 'organisation', entityId: id, before: { alias: removed.alias } })
        return removed
      }),

    /**
     * The organisation someone typed into a picker, by its name or an alias (case and accents ignored). Otherwise a
     * ValidationError for that field, naming the closest organisations, or the namesakes to choose between. Inside a
     * transaction, pass it: every read goes through it.
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
        // The name is in its tools' search text, the kind and CBS code in their municipality facet.
        if (after.name !== before.name || after.kind !== before.kind || after.cbs_code !== before.cbs_code) await refreshToolsOf(trx, id)
        await audit.record(trx, actor, { action: 'organisation.updated', entityType: 'organisation', entityId: id, before, after })
        return after
      })
    },

    /** Merges a duplicate into the organisation that stays: tool roles, members and the names it went by move over. */
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
        const aliases = await repository.moveAliases(trx, sourceId, targetId, source.name)
        if (aliases.length > 0) await refreshToolsOf(trx, targetId)
        await audit.record(trx, actor, { action: 'organisation.merged', entityType: 'organisation', entityId: sourceId, before: source, after: { mergedInto: targetId, tools: toolCount, aliases } })
        return { source, target, tools: toolCount }
      })
    },
  }
}
export type OrganisationsService = ReturnType<typeof createOrganisationsService>
