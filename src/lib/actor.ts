import type { Locale } from '../i18n/messages.ts'

export const ROLES = ['partner', 'curator', 'admin'] as const
export type Role = (typeof ROLES)[number]

/** Who is acting: a visitor without account, a signed-in user, or the system itself (seeding, CLI). */
export type Actor =
  | { kind: 'anonymous' }
  | { kind: 'system'; label: string }
  | {
      kind: 'user'
      id: number
      email: string
      name: string
      role: Role
      organisationId: number | null
      locale: Locale
      sessionId: string
    }

export const ANONYMOUS: Actor = { kind: 'anonymous' }

/** Who acted, as public records keep it: the role and organisation, never the person. */
export const actorOf = (actor: Actor) => (actor.kind === 'user' ? { role: actor.role, organisationId: actor.organisationId } : { role: null, organisationId: null })
