import { sql } from 'kysely'
import type { Database } from '../../db/database.ts'
import type { Executor } from '../../db/transaction.ts'
import type { Actor } from '../../lib/actor.ts'

export interface AuditEntry {
  action: string
  entityType: string
  entityId: string | number
  before?: unknown
  after?: unknown
}

export interface AuditFilter {
  entityType?: string
  action?: string
  actor?: string
  limit: number
  offset: number
}

/** Writes go through record() inside the transaction of the change; the table itself refuses updates and deletes. */
export function createAuditRepository(db: Database) {
  return {
    async record(trx: Executor, actor: Actor, entry: AuditEntry) {
      await trx
        .insertInto('audit_log')
        .values({
          actor_user_id: actor.kind === 'user' ? actor.id : null,
          actor_organisation_id: actor.kind === 'user' ? actor.organisationId : null,
          actor_label: actor.kind === 'user' ? `${actor.name} <${actor.email}>` : actor.kind === 'system' ? `system: ${actor.label}` : 'anonymous',
          actor_role: actor.kind === 'user' ? actor.role : null,
          action: entry.action,
          entity_type: entry.entityType,
          entity_id: String(entry.entityId),
          before: entry.before === undefined ? null : JSON.stringify(entry.before),
          after: entry.after === undefined ? null : JSON.stringify(entry.after),
        })
        .execute()
    },

    async list(filter: AuditFilter) {
      let query = db
        .selectFrom('audit_log as a')
        .leftJoin('organisations as o', 'o.id', 'a.actor_organisation_id')
        .select(['a.id', 'a.occurred_at', 'a.actor_label', 'a.action', 'a.entity_type', 'a.entity_id', 'a.before', 'a.after', 'o.name as organisation_name'])
      if (filter.entityType) query = query.where('a.entity_type', '=', filter.entityType)
      if (filter.action) query = query.where('a.action', '=', filter.action)
      if (filter.actor) query = query.where(sql<boolean>`a.actor_label ilike ${`%${filter.actor.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`)
      return query.orderBy('a.occurred_at', 'desc').orderBy('a.id', 'desc').limit(filter.limit).offset(filter.offset).execute()
    },

    /** A record's public history: when, what, and the acting organisation (never the person). */
    entityHistory: (entityType: string, entityId: string | number, limit = 50) =>
      db
        .selectFrom('audit_log as a')
        .leftJoin('organisations as o', 'o.id', 'a.actor_organisation_id')
        .select(['a.occurred_at', 'a.action', 'a.actor_user_id', 'a.actor_role', 'o.name as organisation_name'])
        .where('a.entity_type', '=', entityType)
        .where('a.entity_id', '=', String(entityId))
        .orderBy('a.occurred_at', 'desc')
        .orderBy('a.id', 'desc')
        .limit(limit)
        .execute(),

    /** What was recorded of a record after a version of it (entries whose after.version is newer), oldest first. */
    changesSince: (entityType: string, entityId: string | number, version: number, x: Executor = db) =>
      x
        .selectFrom('audit_log as a')
        .leftJoin('organisations as o', 'o.id', 'a.actor_organisation_id')
        .select(['a.occurred_at', 'a.action', 'a.actor_user_id', 'a.actor_role', 'o.name as organisation_name', 'a.before', 'a.after'])
        .where('a.entity_type', '=', entityType)
        .where('a.entity_id', '=', String(entityId))
        .where(sql<boolean>`(case when a.after->>'version' ~ '^[0-9]{1,9}$' then (a.after->>'version')::int end) > ${version}`)
        .orderBy('a.occurred_at')
        .orderBy('a.id')
        .limit(50)
        .execute(),

    async distinctValues() {
      const [entityTypes, actions] = await Promise.all([
        db.selectFrom('audit_log').select('entity_type').distinct().orderBy('entity_type').execute(),
        db.selectFrom('audit_log').select('action').distinct().orderBy('action').execute(),
      ])
      return { entityTypes: entityTypes.map((r) => r.entity_type), actions: actions.map((r) => r.action) }
    },
  }
}
export type AuditRepository = ReturnType<typeof createAuditRepository>
