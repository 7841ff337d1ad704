import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Config } from '../../config.ts'
import { AppError, ValidationError, type FieldProblem } from '../../errors.ts'
import { localePath, translator } from '../../i18n/i18n.ts'
import { LOCALES, type Locale } from '../../i18n/messages.ts'
import { validateInput } from '../../lib/validation.ts'
import { pageContext } from '../../plugins/context.ts'
import { rateLimit } from '../../plugins/session.ts'
import { setSessionCookie } from './accounts.session.ts'
import { alert, dataList, link, paragraph } from '../../views/components/index.ts'
import { actionForm, renderForm } from '../../views/form.ts'
import { html } from '../../views/html.ts'
import { flashFrom, simplePage } from '../../views/simple.page.ts'
import { authorize } from './accounts.policy.ts'
import { EMAIL_MAX_LENGTH, ForgotPasswordSchema, PASSWORD_MAX_LENGTH, SetPasswordSchema, SignInSchema } from './accounts.schemas.ts'
import { SESSION_COOKIE, SignInFailed, type AccountsService } from './accounts.service.ts'

const TOKEN = /^[A-Za-z0-9_-]{20,100}$/

/** A local path to return to after signing in; anything else falls back to the account page. */
function safeNext(value: unknown, locale: Locale): string {
  if (typeof value === 'string' && /^\/(?!\/)[^\s\\]*$/.test(value) && value.length < 500) return value
  return localePath(locale, '/account')
}

const html200 = (reply: FastifyReply, body: string, status = 200) => reply.code(status).type('text/html; charset=utf-8').send(body)

/** Sign in and out, invitations, password reset, and the account page: /login, /account/…, /password/forgot. */
export function registerAccountPages(app: FastifyInstance, ctx: { config: Config; accounts: AccountsService }) {
  const secure = ctx.config.PUBLIC_URL.startsWith('https://')

  for (const locale of LOCALES) {
    const p = (path: string) => localePath(locale, path)
    const t = translator(locale)

    const loginPage = (request: FastifyRequest, reply: FastifyReply, values: { email?: string; next?: string }, problems: FieldProblem[] = [], failed = false) =>
      simplePage(
        pageContext(request, ctx.config.PUBLIC_URL),
        { title: t('login.title'), intro: t('login.intro'), flash: flashFrom(request.query, { signedOut: 'login.signedOut', passwordSet: 'login.passwordSet' }), section: 'account' },
        html`${failed ? alert('error', t('error.signIn'), { role: 'alert' }) : ''}
${renderForm({
  id: 'login',
  action: p('/login'),
  csrfToken: reply.generateCsrf(),
  locale,
  problems,
  submitLabel: t('login.submit'),
  fields: [
    { name: 'email', type: 'email', value: values.email, autocomplete: 'username', maxLength: EMAIL_MAX_LENGTH, required: true },
    { name: 'password', type: 'password', autocomplete: 'current-password', maxLength: PASSWORD_MAX_LENGTH, required: true },
    ...(values.next ? [{ name: 'next', type: 'hidden' as const, value: values.next }] : []),
  ],
})}
${paragraph(link(p('/password/forgot'), t('login.forgot')))}`,
      )

    app.get(p('/login'), async (request, reply) => {
      if (request.actor.kind === 'user') return reply.redirect(p('/account'), 303)
      const next = (request.query as Record<string, unknown>).next
      return html200(reply, loginPage(request, reply, { next: typeof next === 'string' ? safeNext(next, locale) : undefined }))
    })

    app.post(p('/login'), rateLimit(ctx.config, 'signIn'), async (request, reply) => {
      const body = (request.body ?? {}) as Record<string, unknown>
      const email = typeof body.email === 'string' ? body.email.slice(0, EMAIL_MAX_LENGTH) : ''
      const next = typeof body.next === 'string' ? body.next : undefined
      let input
      try {
        input = validateInput(SignInSchema, body)
      } catch (error) {
        if (error instanceof ValidationError) return html200(reply, loginPage(request, reply, { email, next }, error.details), 400)
        throw error
      }
      try {
        const { token } = await ctx.accounts.signIn(input.email, input.password, request.ip)
        // A new session at every sign-in; the previous one (if any) ends.
        const previous = request.cookies[SESSION_COOKIE]
        if (previous) await ctx.accounts.signOut(previous)
        setSessionCookie(reply, token, secure)
        return reply.redirect(safeNext(next, locale), 303)
      } catch (error) {
        if (error instanceof SignInFailed) return html200(reply, loginPage(request, reply, { email, next }, [], true), 401)
        throw error
      }
    })

    app.post(p('/logout'), async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE]
      if (token) await ctx.accounts.signOut(token)
      reply.clearCookie(SESSION_COOKIE, { path: '/' })
      return reply.redirect(`${p('/login')}?done=signedOut`, 303)
    })

    app.get(p('/account'), async (request, reply) => {
      const actor = authorize(request.actor, 'account.view')
      const user = await ctx.accounts.describeUser(actor.id)
      return html200(
        reply,
        simplePage(
          pageContext(request, ctx.config.PUBLIC_URL),
          { title: t('account.title'), flash: flashFrom(request.query, { signedIn: 'account.signedIn' }), section: 'account' },
          html`${paragraph(t('account.signedInAs', { name: actor.name, email: actor.email }))}
${dataList([
  { key: t('account.role'), value: t(`userRole.${actor.role}`) },
  { key: t('account.organisation'), value: user?.organisationName ?? t('form.none') },
])}
${actionForm(p('/logout'), reply.generateCsrf(), t('site.nav.signOut'), {}, false)}`,
        ),
      )
    })

    // Forgot password: the same answer whether or not the address has an account.
    const forgotPage = (request: FastifyRequest, reply: FastifyReply, email = '', problems: FieldProblem[] = []) =>
      simplePage(
        pageContext(request, ctx.config.PUBLIC_URL),
        { title: t('forgot.title'), intro: t('forgot.intro'), flash: flashFrom(request.query, { sent: 'forgot.sent' }), section: 'account' },
        renderForm({
          id: 'forgot',
          action: p('/password/forgot'),
          csrfToken: reply.generateCsrf(),
          locale,
          problems,
          submitLabel: t('forgot.submit'),
          fields: [{ name: 'email', type: 'email', value: email, autocomplete: 'username', maxLength: EMAIL_MAX_LENGTH, required: true }],
        }),
      )
    app.get(p('/password/forgot'), async (request, reply) => html200(reply, forgotPage(request, reply)))
    app.post(p('/password/forgot'), rateLimit(ctx.config, 'signIn'), async (request, reply) => {
      const body = (request.body ?? {}) as Record<string, unknown>
      try {
        const input = validateInput(ForgotPasswordSchema, body)
        await ctx.accounts.requestPasswordReset(input.email)
        return reply.redirect(`${p('/password/forgot')}?done=sent`, 303)
      } catch (error) {
        if (error instanceof ValidationError) {
          return html200(reply, forgotPage(request, reply, typeof body.email === 'string' ? body.email.slice(0, EMAIL_MAX_LENGTH) : '', error.details), 400)
        }
        throw error
      }
    })

    // Invitation and reset links: choose a password.
    for (const [segment, purpose] of [['activate', 'invite'], ['reset', 'password_reset']] as const) {
      const title = segment === 'activate' ? t('activate.title') : t('reset.title')
      const page = async (request: FastifyRequest<{ Params: { token: string } }>, reply: FastifyReply, problems: FieldProblem[] = []) => {
        const token = request.params.token
        if (!TOKEN.test(token)) throw new AppError('link-expired', 410, 'error.linkExpired')
        const row = await ctx.accounts.checkToken(token, purpose)
        const user = await ctx.accounts.describeUser(row.user_id)
        return simplePage(
          pageContext(request, ctx.config.PUBLIC_URL),
          { title, intro: t(segment === 'activate' ? 'activate.intro' : 'reset.intro', { email: user?.email ?? '' }), section: 'account' },
          renderForm({
            id: segment,
            action: p(`/account/${segment}/${token}`),
            csrfToken: reply.generateCsrf(),
            locale,
            problems,
            submitLabel: segment === 'activate' ? t('activate.submit') : t('reset.submit'),
            fields: [
              { name: 'password', type: 'password', autocomplete: 'new-password', hint: t('form.passwordHint'), maxLength: PASSWORD_MAX_LENGTH, required: true },
              { name: 'passwordConfirmation', type: 'password', autocomplete: 'new-password', maxLength: PASSWORD_MAX_LENGTH, required: true },
            ],
          }),
        )
      }
      app.get<{ Params: { token: string } }>(p(`/account/${segment}/:token`), async (request, reply) => html200(reply, await page(request, reply)))
      app.post<{ Params: { token: string } }>(p(`/account/${segment}/:token`), rateLimit(ctx.config, 'signIn'), async (request, reply) => {
        const token = request.params.token
        if (!TOKEN.test(token)) throw new AppError('link-expired', 410, 'error.linkExpired')
        try {
          const input = validateInput(SetPasswordSchema, request.body)
          await ctx.accounts.setPasswordWithToken(token, purpose, input.password, input.passwordConfirmation)
          return reply.redirect(`${p('/login')}?done=passwordSet`, 303)
        } catch (error) {
          if (error instanceof ValidationError) return html200(reply, await page(request, reply, error.details), 400)
          throw error
        }
      })
    }
  }
}
