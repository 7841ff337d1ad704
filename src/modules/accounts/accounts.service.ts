import { createHash, randomBytes } from 'node:crypto'
import { hash as argonHash, verify as argonVerify } from '@node-rs/argon2'
import type { RunInTransaction, Tx } from '../../db/transaction.ts'
import { AppError, ConflictError, GoneError, NotFoundError, ValidationError } from '../../errors.ts'
import type { Locale } from '../../i18n/messages.ts'
import { formatTime } from '../../views/format.ts'
import type { Actor, Role } from '../../lib/actor.ts'
import type { BackgroundTasks } from '../../lib/background.ts'
import type { AuditRepository } from '../audit/audit.repository.ts'
import type { MailService } from '../mail/mail.service.ts'
import type { AccountsRepository } from './accounts.repository.ts'

export const SESSION_COOKIE = 'toolbox_session'
const SESSION_TTL_MS = 14 * 24 * 3600 * 1000
const SESSION_TOUCH_MS = 10 * 60 * 1000
const INVITE_TTL_MS = 7 * 24 * 3600 * 1000
const RESET_TTL_MS = 60 * 60 * 1000

/**
 * Failed sign-ins. Per account and address: from the third failure on, the next attempt from there waits 30 s,
 * then twice as long each time, at most 15 minutes (counted over a day; a password reset lifts it). Nobody can
 * lock the owner out from another address. Per address, across accounts: 20 failures in 15 minutes wait 15 minutes.
 */
const PAIR_THROTTLE = { windowSeconds: 24 * 3600, lockAfter: 3, baseSeconds: 30, maxSeconds: 15 * 60 }
const ADDRESS_THROTTLE = { windowSeconds: 15 * 60, failures: 20, lockSeconds: 15 * 60 }
const ARGON2ID = 2
/** argon2id with the OWASP-recommended minimum (19 MiB, 2 passes). */
const ARGON2_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const

/** SHA-256 of a secret from a cookie or link: the only form in which it is stored. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url')
}
const newToken = () => randomBytes(32).toString('base64url')

// A hash to verify against when the account does not exist, so that timing does not tell.
const DUMMY_HASH = argonHash('not a real password, only for timing', ARGON2_OPTIONS)

/** One answer for a wrong address, a wrong password and a locked account, so that none of them can be told apart. */
export class SignInFailed extends AppError {
  constructor() {
    super('sign-in-failed', 401, 'error.signIn')
  }
}

export interface AccountsDeps {
  repository: AccountsRepository
  transaction: RunInTransaction
  audit: AuditRepository
  mail: MailService
  /** Runs work after the answer (a reset for an address that may or may not have an account). */
  background: Pick<BackgroundTasks, 'run'>
  publicUrl: string
}

/** Too many failed sign-ins of this account from this address, or from this address at all: try again at `until`. */
export class SignInThrottledError extends AppError {
  readonly until: Date
  constructor(until: Date, messageKey: 'error.signInThrottled' | 'error.signInThrottledAddress' = 'error.signInThrottled') {
    super('sign-in-throttled', 429, messageKey, { time: { nl: formatTime('nl', until), en: formatTime('en', until) } })
    this.until = until
  }
}

/** What admin:create did for an address. */
export type AdministratorOutcome = 'created' | 'made_admin' | 'already_admin'

/** Accounts: invitations, passwords, sessions, roles. Each function is one transaction with its audit entry. */
export function createAccountsService({ repository, transaction, audit, mail, background, publicUrl }: AccountsDeps) {
  const link = (locale: Locale, path: string) => `${publicUrl}${locale === 'en' ? '/en' : ''}${path}`

  /** A new single-use link for the user (earlier unused ones of the same purpose stop working). */
  async function issueToken(trx: Tx, userId: number, purpose: 'invite' | 'password_reset', ttl: number) {
    const token = newToken()
    await repository.expireUnusedTokens(trx, userId, purpose)
    await repository.insertToken(trx, { token_hash: hashToken(token), user_id: userId, purpose, expires_at: new Date(Date.now() + ttl) })
    return token
  }

  /**
   * Issues an invitation link and queues the e-mail; answers the token, and the link to hand over when no e-mail
   * will carry it (SMTP not configured): the stored message never keeps it, so this is the only time it is seen.
   */
  async function sendInvite(trx: Tx, user: { id: number; email: string; name: string; locale: Locale }) {
    const token = await issueToken(trx, user.id, 'invite', INVITE_TTL_MS)
    const invitation = link(user.locale, `/account/activate/${token}`)
    await mail.queue(trx, {
      to: user.email,
      locale: user.locale,
      subjectKey: 'mail.invite.subject',
      bodyKey: 'mail.invite.body',
      params: { name: user.name, days: 7 },
      secrets: { link: invitation },
      // Only administrators (and the command line) invite: their action is not held back by the daily limit.
      always: true,
    })
    return { token, handOver: mail.transport === 'outbox' ? invitation : undefined }
  }

  /** E-mails a link to choose a new password (valid one hour); answers the link. */
  async function sendReset(trx: Tx, user: { id: number; email: string; name: string; locale: Locale }) {
    const resetLink = link(user.locale, `/account/reset/${await issueToken(trx, user.id, 'password_reset', RESET_TTL_MS)}`)
    await mail.queue(trx, { to: user.email, locale: user.locale, subjectKey: 'mail.reset.subject', bodyKey: 'mail.reset.body', params: { name: user.name, minutes: 60 }, secrets: { link: resetLink } })
    return resetLink
  }

  return {
    /** Invites a person: creates the account without a password and e-mails a single-use link. */
    async inviteUser(actor: Actor, input: { email: string; name: string; role: Role; organisationId?: number | undefined; locale: Locale }) {
      if (input.role === 'partner' && !input.organisationId) {
        throw new ValidationError([{ name: 'organisationId', messageKey: 'validation.partnerNeedsOrganisation' }])
      }
      return transaction(async (trx) => {
        if (await repository.findUserByEmail(input.email, trx)) throw new ValidationError([{ name: 'email', messageKey: 'validation.emailTaken' }])
        const user = await repository.insertUser(trx, {
          email: input.email,
          name: input.name,
          role: input.role,
          organisation_id: input.organisationId ?? null,
          locale: input.locale,
        })
        await audit.record(trx, actor, { action: 'user.invited', entityType: 'user', entityId: user.id, after: publicUser(user) })
        return { user, ...(await sendInvite(trx, user)) }
      })
    },

    /** Sends a fresh invitation to someone who has not set a password yet (answers as sendInvite). */
    async reinvite(actor: Actor, userId: number) {
      const user = await repository.findUserById(userId)
      if (!user) throw new NotFoundError()
      return transaction(async (trx) => {
        await audit.record(trx, actor, { action: 'user.reinvited', entityType: 'user', entityId: user.id })
        return sendInvite(trx, user)
      })
    },

    /** Whether a link can still be used (without using it). */
    async checkToken(token: string, purpose: 'invite' | 'password_reset') {
      const row = await repository.findToken(hashToken(token))
      if (!row || row.purpose !== purpose || row.used_at || row.expires_at.getTime() <= Date.now()) throw new GoneError()
      return row
    },

    /**
     * Sets the password from an invitation or reset link; the link is used up, other sessions end, and a new session
     * signs the person in (whoever holds the link could sign in with the password just chosen anyway).
     */
    async setPasswordWithToken(token: string, purpose: 'invite' | 'password_reset', password: string, confirmation: string) {
      if (password !== confirmation) throw new ValidationError([{ name: 'passwordConfirmation', messageKey: 'validation.passwordMismatch' }])
      const passwordHash = await argonHash(password, ARGON2_OPTIONS)
      return transaction(async (trx) => {
        const row = await repository.findTokenForUpdate(trx, hashToken(token))
        if (!row || row.purpose !== purpose || row.used_at || row.expires_at.getTime() <= Date.now()) throw new GoneError()
        const user = await repository.findUserById(row.user_id, trx)
        if (!user || !user.active) throw new GoneError()
        await repository.markTokenUsed(trx, row.token_hash)
        await repository.updateUser(trx, user.id, { password_hash: passwordHash })
        await repository.deleteUserSessions(trx, user.id)
        // Whoever holds the link owns the account: the slow-down of its sign-ins is lifted.
        await repository.clearAccountFailures(trx, user.email)
        const self: Actor = { kind: 'user', id: user.id, email: user.email, name: user.name, role: user.role, organisationId: user.organisation_id, locale: user.locale, sessionId: '' }
        await audit.record(trx, self, { action: purpose === 'invite' ? 'user.activated' : 'user.password_reset', entityType: 'user', entityId: user.id })
        const session = newToken()
        await repository.insertSession(trx, { id: hashToken(session), user_id: user.id, expires_at: new Date(Date.now() + SESSION_TTL_MS) })
        await repository.touchLastSignIn(trx, user.id)
        return { user, token: session }
      })
    },

    /**
     * Checks e-mail and password, throttled per account-and-address pair and per address (SignInThrottledError says
     * until when, without checking the password); returns a new session token.
     */
    async signIn(email: string, password: string, address: string) {
      const account = email.toLowerCase()
      const pairKey = `pair:${address}:${account}`
      const addressKey = `address:${address}`
      const addressUntil = await repository.lockedUntil([addressKey])
      if (addressUntil) throw new SignInThrottledError(addressUntil, 'error.signInThrottledAddress')
      const pairUntil = await repository.lockedUntil([pairKey])
      if (pairUntil) throw new SignInThrottledError(pairUntil)
      const user = await repository.findUserByEmail(email)
      let ok = false
      if (user?.password_hash && user.active) ok = await argonVerify(user.password_hash, password).catch(() => false)
      else await argonVerify(await DUMMY_HASH, password).catch(() => false)
      if (!user || !ok) {
        // Unknown addresses are counted the same way, so that a throttle does not tell whether an account exists.
        await repository.recordPairFailure(pairKey, account, PAIR_THROTTLE)
        await repository.recordFailure(addressKey, ADDRESS_THROTTLE.windowSeconds, ADDRESS_THROTTLE.failures, ADDRESS_THROTTLE.lockSeconds)
        throw new SignInFailed()
      }
      await repository.clearFailures(pairKey)
      const token = newToken()
      await transaction(async (trx) => {
        await repository.insertSession(trx, { id: hashToken(token), user_id: user.id, expires_at: new Date(Date.now() + SESSION_TTL_MS) })
        await repository.touchLastSignIn(trx, user.id)
      })
      return { token, user }
    },

    signOut: (token: string) => repository.deleteSession(hashToken(token)),

    /** The signed-in user behind a session cookie, or anonymous; extends the session while it is used. */
    async actorForSession(token: string | undefined): Promise<Actor> {
      if (!token || token.length > 100) return { kind: 'anonymous' }
      const id = hashToken(token)
      const row = await repository.findSessionUser(id)
      if (!row) return { kind: 'anonymous' }
      if (Date.now() - new Date(row.last_seen_at).getTime() > SESSION_TOUCH_MS) {
        await repository.touchSession(id, new Date(Date.now() + SESSION_TTL_MS))
      }
      return { kind: 'user', id: row.id, email: row.email, name: row.name, role: row.role, organisationId: row.organisation_id, locale: row.locale, sessionId: id }
    },

    /** Always answers the same, whether or not the address has an account. */
    requestPasswordReset(email: string): void {
      // Looking the address up and queueing the mail happen after the answer: the answer is the same work, and
      // takes the same time, for an address with an account and one without.
      background.run('password reset', async () => {
        const user = await repository.findUserByEmail(email)
        if (!user || !user.active || !user.password_hash) return
        await transaction((trx) => sendReset(trx, user))
      })
    },

    /** Changes a user's role (and organisation); the last active administrator cannot lose the role. */
    async changeRole(actor: Actor, userId: number, role: Role, organisationId: number | undefined) {
      if (role === 'partner' && !organisationId) throw new ValidationError([{ name: 'organisationId', messageKey: 'validation.partnerNeedsOrganisation' }])
      return transaction(async (trx) => {
        const user = await repository.findUserById(userId, trx)
        if (!user) throw new NotFoundError()
        if (user.role === 'admin' && role !== 'admin' && (await repository.countAdmins(trx)) <= 1) throw new ConflictError('error.lastAdmin')
        const updated = await repository.updateUser(trx, userId, { role, organisation_id: organisationId ?? null })
        await audit.record(trx, actor, { action: 'user.role_changed', entityType: 'user', entityId: userId, before: publicUser(user), after: publicUser(updated) })
        return updated
      })
    },

    /** Deactivates (ending every session) or reactivates an account. */
    async setActive(actor: Actor, userId: number, active: boolean) {
      return transaction(async (trx) => {
        const user = await repository.findUserById(userId, trx)
        if (!user) throw new NotFoundError()
        if (!active && user.role === 'admin' && user.active && (await repository.countAdmins(trx)) <= 1) throw new ConflictError('error.lastAdmin')
        const updated = await repository.updateUser(trx, userId, { active })
        if (!active) await repository.deleteUserSessions(trx, userId)
        await audit.record(trx, actor, { action: active ? 'user.reactivated' : 'user.deactivated', entityType: 'user', entityId: userId, before: publicUser(user), after: publicUser(updated) })
        return updated
      })
    },

    /**
     * For the command line: makes the address an administrator (creating the account, or giving an existing one the
     * role) and issues a fresh single-use link: to set a first password, or a new one when it has a password already.
     */
    async createAdministrator(email: string, name: string, locale: Locale) {
      const actor: Actor = { kind: 'system', label: 'command line' }
      return transaction(async (trx) => {
        const existing = await repository.findUserByEmail(email, trx)
        let outcome: AdministratorOutcome = 'already_admin'
        let user = existing
        if (!user) {
          outcome = 'created'
          user = await repository.insertUser(trx, { email, name, role: 'admin', organisation_id: null, locale })
          await audit.record(trx, actor, { action: 'user.invited', entityType: 'user', entityId: user.id, after: publicUser(user) })
        } else if (user.role !== 'admin' || !user.active) {
          outcome = 'made_admin'
          const updated = await repository.updateUser(trx, user.id, { role: 'admin', active: true })
          await audit.record(trx, actor, { action: 'user.role_changed', entityType: 'user', entityId: user.id, before: publicUser(user), after: publicUser(updated) })
          user = updated
        }
        if (user.password_hash) {
          return { user, outcome, link: await sendReset(trx, user), validFor: 'hour' as const }
        }
        return { user, outcome, link: link(user.locale, `/account/activate/${(await sendInvite(trx, user)).token}`), validFor: 'week' as const }
      })
    },

    listUsers: () => repository.listUsers(),
    describeUser: (id: number) => repository.describeUser(id),
  }
}
export type AccountsService = ReturnType<typeof createAccountsService>

/** What the audit log keeps of a user: never the password hash. */
function publicUser(user: { email: string; name: string; role: string; organisation_id: number | null; active: boolean; locale: string }) {
  return { email: user.email, name: user.name, role: user.role, organisationId: user.organisation_id, active: user.active, locale: user.locale }
}
