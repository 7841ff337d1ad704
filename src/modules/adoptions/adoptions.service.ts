import type { RunInTransaction, Tx } from '../../db/transaction.ts'
import { AppError, ForbiddenError, NotFoundError, ValidationError } from '../../errors.ts'
import { label } from '../../i18n/i18n.ts'
import type { Actor } from '../../lib/actor.ts'
import { actsForAnyOrganisation, authorize } from '../../lib/policy.ts'
import type { AuditRepository } from '../audit/audit.repository.ts'
import type { OrganisationsRepository } from '../organisations/organisations.repository.ts'
import type { OrganisationsService } from '../organisations/organisations.service.ts'
import type { PilotsRepository } from '../pipeline/pilots.repository.ts'
import { ADOPTABLE_STATUSES } from '../tools/tools.constants.ts'
import type { ToolsRepository } from '../tools/tools.repository.ts'
import type { AdoptionInput, RemoveAdoptionInput } from './adoptions.schemas.ts'

export interface AdoptionsDeps {
  transaction: RunInTransaction
  tools: ToolsRepository
  /** The pipeline module writes adoptions. */
  pilots: Pick<PilotsRepository, 'saveAdoption' | 'removeAdoption'>
  organisations: Pick<OrganisationsService, 'resolve'>
  organisationsRepository: Pick<OrganisationsRepository, 'findById'>
  audit: AuditRepository
}

type Adoption = Awaited<ReturnType<ToolsRepository['adoptionsOf']>>[number]
export interface AdoptingOrganisation {
  id: number
  name: string
}

const today = () => new Date().toISOString().slice(0, 10)

type AdoptionFields = Pick<Adoption, 'organisation_id' | 'since' | 'tool_version' | 'local_variant_nl' | 'local_variant_en' | 'local_url'>

/** An adoption as the audit log keeps it. */
const snapshot = (a: AdoptionFields) => ({
  organisation_id: a.organisation_id,
  since: a.since,
  tool_version: a.tool_version,
  local_variant_nl: a.local_variant_nl,
  local_variant_en: a.local_variant_en,
  local_url: a.local_url,
})

/** The tool is not in use yet (an idea, a tool in development): nobody records that they use it. */
export class NotAdoptableError extends AppError {
  constructor(status: string) {
    super('not-adoptable', 409, 'adoption.notAdoptable', { status: { nl: label('nl', 'status', status), en: label('en', 'status', status) } })
  }
}

/** "We use this tool": members record their organisation's use of a tool, curators on an organisation's behalf. */
export function createAdoptionsService(deps: AdoptionsDeps) {
  const { transaction, tools, audit } = deps

  /**
   * The organisation an actor records use for: a member's own (naming another one is forbidden), or the one a
   * curator names. 401 for nobody, 403 for an account without organisation.
   */
  async function organisationFor(actor: Actor, typed: string | undefined, x?: Tx): Promise<AdoptingOrganisation> {
    const user = authorize(actor, 'adoption.record')
    let organisation: AdoptingOrganisation
    if (actsForAnyOrganisation(user, 'adoption.record')) {
      if (!typed) throw new ValidationError([{ name: 'organisation', messageKey: 'validation.required' }])
      organisation = await deps.organisations.resolve(typed, 'organisation', x)
    } else {
      const own = user.organisationId === null ? undefined : await deps.organisationsRepository.findById(user.organisationId, x)
      if (!own) throw new ForbiddenError()
      if (typed && (await deps.organisations.resolve(typed, 'organisation', x)).id !== own.id) throw new ForbiddenError()
      organisation = own
    }
    authorize(user, 'adoption.record', { organisationId: organisation.id })
    return { id: organisation.id, name: organisation.name }
  }

  async function findTool(slug: string, x?: Tx) {
    const tool = x ? await tools.lockBySlug(x, slug) : await tools.findBySlug(slug)
    if (!tool) throw new NotFoundError('error.toolNotFound', { slug: slug.slice(0, 80) })
    return tool
  }

  /** One change of an adoption: the tool locked, its version counted up (an open editor gets a conflict), audited. */
  async function change(actor: Actor, slug: string, typed: string | undefined, work: (trx: Tx, tool: Awaited<ReturnType<typeof findTool>>, organisation: AdoptingOrganisation, before: Adoption | undefined) => Promise<{ action: string; after: AdoptionFields | undefined }>) {
    return transaction(async (trx) => {
      const tool = await findTool(slug, trx)
      const organisation = await organisationFor(actor, typed, trx)
      const before = (await tools.adoptionsOf(tool.id, trx)).find((a) => a.organisation_id === organisation.id)
      const { action, after } = await work(trx, tool, organisation, before)
      const saved = await tools.saveTool(trx, tool.id, {})
      // The tool's search text and its "used by" facet name the organisations that use it.
      await tools.refreshDerived(trx, [tool.id])
      await audit.record(trx, actor, {
        action,
        entityType: 'tool',
        entityId: tool.id,
        before: { version: tool.version, organisation: organisation.name, adoptions: before ? [snapshot(before)] : [] },
        after: { version: saved.version, organisation: organisation.name, adoptions: after ? [snapshot(after)] : [] },
      })
      return { tool: saved, organisation, forAny: actsForAnyOrganisation(actor, 'adoption.record') }
    })
  }

  return {
    /**
     * What the adoption page shows: the tool, whether the actor records for any organisation, the organisation (a
     * member's own; the one a curator named, or the problem with what they typed) and its adoption if recorded.
     */
    async load(actor: Actor, slug: string, typed?: string) {
      const tool = await findTool(slug)
      const user = authorize(actor, 'adoption.record')
      const forAny = actsForAnyOrganisation(user, 'adoption.record')
      const adoptions = await tools.adoptionsOf(tool.id)
      let organisation: AdoptingOrganisation | undefined
      let problems: ValidationError['details'] = []
      if (!forAny || typed) {
        try {
          organisation = await organisationFor(actor, typed)
        } catch (error) {
          if (!(error instanceof ValidationError)) throw error
          problems = error.details
        }
      }
      const adoption = organisation ? adoptions.find((a) => a.organisation_id === organisation.id) : undefined
      return { tool, forAny, organisation, adoption, adoptions: forAny ? adoptions : [], problems, adoptable: ADOPTABLE_STATUSES.includes(tool.status) }
    },

    /** Records (or changes) that an organisation uses a tool. */
    record: (actor: Actor, slug: string, input: AdoptionInput) =>
      change(actor, slug, input.organisation, async (trx, tool, organisation, before) => {
        // Use already recorded stays changeable whatever became of the tool; new use needs a tool that can be used.
        if (!before && !ADOPTABLE_STATUSES.includes(tool.status)) throw new NotAdoptableError(tool.status)
        if (input.since && input.since > today()) throw new ValidationError([{ name: 'since', messageKey: 'adoption.sinceInFuture' }])
        const row = await deps.pilots.saveAdoption(trx, tool.id, organisation.id, {
          since: input.since ?? null,
          tool_version: input.toolVersion ?? null,
          local_variant_nl: input.localVariantNl ?? null,
          local_variant_en: input.localVariantEn ?? null,
          local_url: input.localUrl ?? null,
        })
        return { action: 'tool.adoption_recorded', after: row }
      }),

    /** Removes an organisation's recorded use of a tool; NotFoundError when none is recorded. */
    remove: (actor: Actor, slug: string, input: RemoveAdoptionInput) =>
      change(actor, slug, input.organisation, async (trx, tool, organisation, before) => {
        if (!before) throw new NotFoundError('adoption.notFound', { organisation: organisation.name })
        await deps.pilots.removeAdoption(trx, tool.id, organisation.id)
        return { action: 'tool.adoption_removed', after: undefined }
      }),
  }
}
export type AdoptionsService = ReturnType<typeof createAdoptionsService>
