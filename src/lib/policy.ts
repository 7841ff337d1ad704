import { ForbiddenError, UnauthorizedError } from '../errors.ts'
import type { Actor } from './actor.ts'

/** What can be done, and by whom. Policies are data: one table, read by can(). */
export const POLICIES = {
  'account.view': ['partner', 'curator', 'admin'],
  'admin.view': ['admin'],
  'users.manage': ['admin'],
  'organisations.manage': ['admin'],
  'outbox.read': ['admin'],
  'outbox.manage': ['admin'],
  'audit.read': ['admin'],
  'catalogue.edit': ['curator', 'admin'],
  'curation.manage': ['curator', 'admin'],
  /** The programme's name, dates and targets (/admin/programme). */
  'programme.manage': ['admin'],
  /** Storing the programme's figures of today (a snapshot), for a report or a meeting. */
  'programme.snapshot': ['curator', 'admin'],
  /** Which organisations are City Deal partners, since and until when (/admin/partnerships). */
  'partnerships.manage': ['admin'],
  /** Commenting on a tool proposal: any signed-in member. */
  'proposal.comment': ['partner', 'curator', 'admin'],
  /** Opening and closing the partners' votes on proposals. */
  'decisions.manage': ['curator', 'admin'],
  /** Declining a proposal without a vote, or merging it into another. */
  'proposals.manage': ['curator', 'admin'],
  /** Creating and changing gatherings: agenda, documents, minutes, attendance; putting proposals on the agenda. */
  'gatherings.manage': ['curator', 'admin'],
} as const satisfies Record<string, readonly string[]>

/**
 * Actions on one tool: curators and administrators may always; members of an organisation with one of these roles on
 * the tool may too (its owners and co-developers edit it; an initiative's organising party decides who joins it).
 */
export const TOOL_POLICIES = {
  'tool.edit': ['owner', 'co_developer'],
  'involvement.decide': ['organising_party'],
  /** Opening, changing and closing a call for test municipalities, and deciding on its answers. */
  'call.manage': ['owner'],
} as const satisfies Record<string, readonly string[]>

/**
 * Actions a member takes for their own organisation (saying it uses a tool, asking to be involved in one); the
 * account roles listed may take them for any organisation.
 */
export const ORGANISATION_POLICIES = {
  'adoption.record': ['curator', 'admin'],
  'involvement.request': [],
  /** A member answers a call for their own municipality; nobody answers for another one. */
  'call.answer': [],
  /** A member records the results of their own municipality's pilot of a tool. */
  'pilot.record': [],
  /** Proposing a tool and responding to a proposal, for one's own organisation (which must be a partner today). */
  'proposal.create': [],
  'proposal.respond': [],
} as const satisfies Record<string, readonly string[]>

export type Action = keyof typeof POLICIES | keyof typeof TOOL_POLICIES | keyof typeof ORGANISATION_POLICIES

export interface ToolResource {
  /** Organisation ids with their roles on the tool. */
  organisationRoles: { organisationId: number; role: string }[]
}

export interface OrganisationResource {
  /** The organisation the action is taken for. */
  organisationId: number
}

const isToolAction = (action: Action): action is keyof typeof TOOL_POLICIES => Object.hasOwn(TOOL_POLICIES, action)
const isOrganisationAction = (action: Action): action is keyof typeof ORGANISATION_POLICIES => Object.hasOwn(ORGANISATION_POLICIES, action)

export function can(actor: Actor, action: Action, resource?: ToolResource | OrganisationResource): boolean {
  if (actor.kind !== 'user') return false
  if (isToolAction(action)) {
    if (actor.role === 'curator' || actor.role === 'admin') return true
    const roles: readonly string[] = TOOL_POLICIES[action]
    const organisationRoles = resource && 'organisationRoles' in resource ? resource.organisationRoles : []
    return organisationRoles.some((r) => r.organisationId === actor.organisationId && roles.includes(r.role))
  }
  if (isOrganisationAction(action)) {
    if ((ORGANISATION_POLICIES[action] as readonly string[]).includes(actor.role)) return true
    // Without a given organisation: whether the actor acts for one at all (their own).
    const organisationId = resource && 'organisationId' in resource ? resource.organisationId : actor.organisationId
    return actor.organisationId !== null && organisationId === actor.organisationId
  }
  return (POLICIES[action] as readonly string[]).includes(actor.role)
}

/** Whether the actor takes this action for any organisation (a curator on an organisation's behalf), not only their own. */
export const actsForAnyOrganisation = (actor: Actor, action: keyof typeof ORGANISATION_POLICIES) =>
  actor.kind === 'user' && (ORGANISATION_POLICIES[action] as readonly string[]).includes(actor.role)

/** Throws 401 for nobody and 403 for the wrong role; returns the signed-in actor otherwise. */
export function authorize(actor: Actor, action: Action, resource?: ToolResource | OrganisationResource): Extract<Actor, { kind: 'user' }> {
  if (actor.kind !== 'user') throw new UnauthorizedError()
  if (!can(actor, action, resource)) throw new ForbiddenError()
  return actor
}
