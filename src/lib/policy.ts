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
} as const satisfies Record<string, readonly string[]>

export type Action = keyof typeof POLICIES | 'tool.edit'

/** An organisation's roles on a tool that let its members edit the tool. */
const EDITING_TOOL_ROLES = new Set(['owner', 'co_developer'])

export interface ToolResource {
  /** Organisation ids with their roles on the tool. */
  organisationRoles: { organisationId: number; role: string }[]
}

export function can(actor: Actor, action: Action, resource?: ToolResource): boolean {
  if (actor.kind !== 'user') return false
  if (action === 'tool.edit') {
    if (actor.role === 'curator' || actor.role === 'admin') return true
    return (resource?.organisationRoles ?? []).some((r) => r.organisationId === actor.organisationId && EDITING_TOOL_ROLES.has(r.role))
  }
  return (POLICIES[action] as readonly string[]).includes(actor.role)
}

/** Throws 401 for nobody and 403 for the wrong role; returns the signed-in actor otherwise. */
export function authorize(actor: Actor, action: Action, resource?: ToolResource): Extract<Actor, { kind: 'user' }> {
  if (actor.kind !== 'user') throw new UnauthorizedError()
  if (!can(actor, action, resource)) throw new ForbiddenError()
  return actor
}
