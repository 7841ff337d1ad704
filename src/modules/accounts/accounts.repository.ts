import { sql, type Updateable } from 'kysely'
import type { Database } from '../../db/database.ts'
import type { UsersTable } from '../../db/schema.ts'
import type { Executor, Tx } from '../../db/transaction.ts'

/** SQL for users, sessions, single-use links and sign-in throttling. */
export function createAccountsRepository(db: Database) {
  return {
    findUserByEmail: (email: string, x: Executor = db) =>
      x.selectFrom('users').selectAll().where(sql<boolean>`lower(email) = lower(${email})`).executeTakeFirst(),
    findUserById: (id: number, x: Executor = db) => x.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst(),

    insertUser: (x: Executor, user: Pick<UsersTable, 'email' | 'name' | 'role' | 'organisation_id' | 'locale'>) =>
      x.insertInto('users').values(user).returningAll().executeTakeFirstOrThrow(),

    updateUser: (x: Executor, id: number, changes: Updateable<UsersTable>) =>
      x.updateTable('users').set({ ...changes, updated_at: new Date() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow(),

    touchLastSignIn: (x: Executor, id: number) => x.updateTable('users').set({ last_sign_in_at: new Date() }).where('id', '=', id).execute(),

    /** The members of a merged duplicate organisation belong to the organisation that stays. */
    moveMembers: (trx: Tx, sourceOrganisationId: number, targetOrganisationId: number) =>
      trx.updateTable('users').set({ organisation_id: targetOrganisationId }).where('organisation_id', '=', sourceOrganisationId).execute(),

    /**
     * Who reviews submissions: active curators who have set a password; while there is none (a fresh install has only
     * its administrator), the active administrators, so the first shared tool is not missed.
     */
    async activeCurators() {
      const active = (role: 'curator' | 'admin') =>
        db.selectFrom('users').select(['email', 'locale']).where('role', '=', role).where('active', '=', true).where('password_hash', 'is not', null).orderBy('id').execute()
      const curators = await active('curator')
      return curators.length > 0 ? curators : active('admin')
    },

    /**
     * Who hears of something about a tool: the active curators and the active members of these organisations (its
     * owners, an initiative's organising party), each address once, with their language.
     */
    async curatorsAndMembersOf(organisationIds: number[], x: Executor = db) {
      const rows = await x
        .selectFrom('users')
        .select(['email', 'locale'])
        .where('active', '=', true)
        .where('password_hash', 'is not', null)
        .where((eb) => eb.or([eb('role', '=', 'curator'), ...(organisationIds.length > 0 ? [eb('organisation_id', 'in', organisationIds)] : [])]))
        .orderBy('id')
        .execute()
      const seen = new Set<string>()
      return rows.filter((r) => !seen.has(r.email.toLowerCase()) && seen.add(r.email.toLowerCase()))
    },

    /** The members of an organisation (active, with a password), with their language. */
    membersOf: (organisationId: number, x: Executor = db) =>
      x.selectFrom('users').select(['email', 'locale']).where('organisation_id', '=', organisationId).where('active', '=', true).where('password_hash', 'is not', null).orderBy('id').execute(),

    describeUser: (id: number) =>
      db
        .selectFrom('users as u')
        .leftJoin('organisations as o', 'o.id', 'u.organisation_id')
        .select(['u.id', 'u.email', 'u.name', 'u.role', 'u.active', 'u.locale', 'u.organisation_id', 'u.password_hash', 'u.updated_at', 'o.name as organisationName'])
        .where('u.id', '=', id)
        .executeTakeFirst(),

    listUsers: () =>
      db
        .selectFrom('users as u')
        .leftJoin('organisations as o', 'o.id', 'u.organisation_id')
        .select(['u.id', 'u.email', 'u.name', 'u.role', 'u.active', 'u.locale', 'u.password_hash', 'u.last_sign_in_at', 'u.organisation_id', 'o.name as organisation_name'])
        .orderBy(sql`lower(u.name)`)
        .execute(),

    countAdmins: async (x: Executor = db) =>
      Number(
        (await x.selectFrom('users').select(x.fn.countAll<number>().as('n')).where('role', '=', 'admin').where('active', '=', true).executeTakeFirstOrThrow()).n,
      ),

    // Sessions
    insertSession: (x: Executor, session: { id: string; user_id: number; expires_at: Date }) => x.insertInto('sessions').values(session).execute(),
    deleteSession: (id: string) => db.deleteFrom('sessions').where('id', '=', id).execute(),
    deleteUserSessions: (x: Executor, userId: number) => x.deleteFrom('sessions').where('user_id', '=', userId).execute(),
    /** The active user behind a session that has not expired. */
    findSessionUser: (id: string) =>
      db
        .selectFrom('sessions as s')
        .innerJoin('users as u', 'u.id', 's.user_id')
        .select(['s.id as session_id', 's.last_seen_at', 'u.id', 'u.email', 'u.name', 'u.role', 'u.organisation_id', 'u.locale'])
        .where('s.id', '=', id)
        .where('s.expires_at', '>', new Date())
        .where('u.active', '=', true)
        .executeTakeFirst(),
    touchSession: (id: string, expiresAt: Date) =>
      db.updateTable('sessions').set({ last_seen_at: new Date(), expires_at: expiresAt }).where('id', '=', id).execute(),

    // Single-use links
    insertToken: (x: Executor, token: { token_hash: string; user_id: number; purpose: 'invite' | 'password_reset'; expires_at: Date }) =>
      x.insertInto('auth_tokens').values(token).execute(),
    findToken: (hash: string) => db.selectFrom('auth_tokens').selectAll().where('token_hash', '=', hash).executeTakeFirst(),
    /** Locks the link's row, so two uses at once cannot both succeed. */
    findTokenForUpdate: (x: Tx, hash: string) =>
      x.selectFrom('auth_tokens').selectAll().where('token_hash', '=', hash).forUpdate().executeTakeFirst(),
    markTokenUsed: (x: Executor, hash: string) => x.updateTable('auth_tokens').set({ used_at: new Date() }).where('token_hash', '=', hash).execute(),
    expireUnusedTokens: (x: Executor, userId: number, purpose: 'invite' | 'password_reset') =>
      x.updateTable('auth_tokens').set({ expires_at: new Date() }).where('user_id', '=', userId).where('purpose', '=', purpose).where('used_at', 'is', null).execute(),

    // Throttling of failed sign-ins
    lockedUntil: async (keys: string[]): Promise<Date | undefined> => {
      const rows = await db.selectFrom('sign_in_failures').select('locked_until').where('key', 'in', keys).where('locked_until', '>', new Date()).execute()
      return rows.map((r) => r.locked_until!).sort((a, b) => b.getTime() - a.getTime())[0]
    },
    /** Counts a failure per key inside a window; locks the key once it reaches the maximum. */
    recordFailure: async (key: string, windowSeconds: number, maxFailures: number, lockSeconds: number) => {
      await sql`
        insert into sign_in_failures as f (key, failures, first_failed_at) values (${key}, 1, now())
        on conflict (key) do update set
          failures = case when f.first_failed_at < now() - make_interval(secs => ${windowSeconds}) then 1 else f.failures + 1 end,
          first_failed_at = case when f.first_failed_at < now() - make_interval(secs => ${windowSeconds}) then now() else f.first_failed_at end,
          locked_until = case
            when f.first_failed_at >= now() - make_interval(secs => ${windowSeconds}) and f.failures + 1 >= ${maxFailures}
            then now() + make_interval(secs => ${lockSeconds}) else f.locked_until end`.execute(db)
    },
    /**
     * Counts a failed sign-in of one account from one address (inside a window). From failure `lockAfter` on, the
     * next attempt waits: `baseSeconds`, then twice as long each time, at most `maxSeconds`.
     */
    recordPairFailure: async (key: string, account: string, policy: { windowSeconds: number; lockAfter: number; baseSeconds: number; maxSeconds: number }) => {
      await sql`
        with counted as (
          select coalesce((
            select case when f.first_failed_at < now() - make_interval(secs => ${policy.windowSeconds}) then 1 else f.failures + 1 end
            from sign_in_failures f where f.key = ${key}), 1) as failures)
        insert into sign_in_failures as f (key, account, failures, first_failed_at, locked_until)
        select ${key}, ${account}, counted.failures, now(),
          case when counted.failures >= ${policy.lockAfter}
            then now() + make_interval(secs => least(${policy.baseSeconds} * power(2, counted.failures - ${policy.lockAfter}), ${policy.maxSeconds})) end
        from counted
        on conflict (key) do update set
          failures = excluded.failures,
          first_failed_at = case when excluded.failures = 1 then now() else f.first_failed_at end,
          locked_until = excluded.locked_until`.execute(db)
    },
    clearFailures: (key: string) => db.deleteFrom('sign_in_failures').where('key', '=', key).execute(),
    /** Lifts every throttle on the account's pairs with addresses (a password reset proves the owner). */
    clearAccountFailures: (x: Executor, account: string) => x.deleteFrom('sign_in_failures').where('account', '=', account.toLowerCase()).execute(),
  }
}
export type AccountsRepository = ReturnType<typeof createAccountsRepository>
