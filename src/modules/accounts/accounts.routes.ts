import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Config } from '../../config.ts'
import { GoneError } from '../../errors.ts'
import { localePath } from '../../i18n/i18n.ts'
import { LOCALES, type Locale } from '../../i18n/messages.ts'
import { validateInput } from '../../lib/validation.ts'
import { presentOrganisationTool } from '../organisations/organisations.presenter.ts'
import type { OrganisationsService } from '../organisations/organisations.service.ts'
import { pageContext } from '../../plugins/context.ts'
import { handleFormPost, sendPage, type FormState } from '../../plugins/forms.ts'
import { localPath } from '../../plugins/location.ts'
import { rateLimit } from '../../plugins/session.ts'
import { formValues, str } from '../../views/form.ts'
import { flashFrom } from '../../views/simple.page.ts'
import { authorize, can } from '../../lib/policy.ts'
import { EMAIL_MAX_LENGTH, ForgotPasswordSchema, SetPasswordSchema, SignInSchema } from './accounts.schemas.ts'
import { SESSION_COOKIE, SignInThrottledError, type AccountsService } from './accounts.service.ts'
import { setSessionCookie } from './accounts.session.ts'
import { accountPage } from './views/account.page.ts'
import { forgotPage } from './views/forgot.page.ts'
import { loginPage } from './views/login.page.ts'
import { passwordPage } from './views/password.page.ts'

const TOKEN = /^[A-Za-z0-9_-]{20,100}$/

/** A local path to return to after signing in (percent-encoded for the Location header); anything else falls back to the account page. */
function safeNext(value: unknown, locale: Locale): string {
  return localPath(value) ?? localePath(locale, '/account')
}

/** Sign in and out, invitations, password reset, and the account page: /login, /account/…, /password/forgot. */
export function registerAccountPages(app: FastifyInstance, ctx: { config: Config; accounts: AccountsService; organisations: Pick<OrganisationsService, 'editableTools'> }) {
  const secure = ctx.config.PUBLIC_URL.startsWith('https://')

  for (const locale of LOCALES) {
    const p = (path: string) => localePath(locale, path)
    const context = (request: FastifyRequest) => pageContext(request, ctx.config.PUBLIC_URL)

    const login = (request: FastifyRequest, reply: FastifyReply, values: { email?: string | undefined; next?: string | undefined }, refused?: FormState) =>
      loginPage(context(request), {
        ...values,
        csrfToken: reply.generateCsrf(),
        flash: flashFrom(request.query, { signedOut: 'login.signedOut', passwordSet: 'login.passwordSet' }),
        refused,
      })

    app.get(p('/login'), async (request, reply) => {
      if (request.actor.kind === 'user') return reply.redirect(p('/account'), 303)
      const next = (request.query as Record<string, unknown>).next
      return sendPage(reply, login(request, reply, { next: typeof next === 'string' ? safeNext(next, locale) : undefined }))
    })

    app.post(p('/login'), rateLimit(ctx.config, 'signIn', 'sign-in'), async (request, reply) => {
      const values = formValues(request.body)
      const next = str(values, 'next')
      return handleFormPost(reply, {
        values,
        // A wrong address or password (SignInFailed) shows the form again too, with 401; a slowed-down one with 429.
        rerender: [400, 401, 409, 429],
        submit: async () => {
          const input = validateInput(SignInSchema, request.body)
          const { token } = await ctx.accounts.signIn(input.email, input.password, request.ip).catch((error: unknown) => {
            if (error instanceof SignInThrottledError) reply.header('retry-after', String(Math.max(1, Math.ceil((error.until.getTime() - Date.now()) / 1000))))
            throw error
          })
          // A new session at every sign-in; the previous one (if any) ends.
          const previous = request.cookies[SESSION_COOKIE]
          if (previous) await ctx.accounts.signOut(previous)
          setSessionCookie(reply, token, secure)
          return safeNext(next, locale)
        },
        render: (state) => login(request, reply, { email: str(values, 'email')?.slice(0, EMAIL_MAX_LENGTH), next }, state),
      })
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
      // A partner member keeps their organisation's tools up to date; curators and administrators every tool.
      const tools = actor.role === 'partner' && actor.organisationId ? await ctx.organisations.editableTools(actor.organisationId) : []
      return sendPage(
        reply,
        accountPage(context(request), {
          user: { name: actor.name, email: actor.email, role: actor.role, organisationName: user?.organisationName ?? null },
          tools: tools.map((row) => presentOrganisationTool(row, locale)),
          csrfToken: reply.generateCsrf(),
          flash: flashFrom(request.query, { signedIn: 'account.signedIn', passwordSet: 'account.passwordSet' }),
          mayEditCatalogue: can(actor, 'catalogue.edit'),
        }),
      )
    })

    // Forgot password: the same answer whether or not the address has an account.
    const forgot = (request: FastifyRequest, reply: FastifyReply, refused?: FormState) =>
      forgotPage(context(request), { csrfToken: reply.generateCsrf(), flash: flashFrom(request.query, { sent: 'forgot.sent' }), refused })
    app.get(p('/password/forgot'), async (request, reply) => sendPage(reply, forgot(request, reply)))
    app.post(p('/password/forgot'), rateLimit(ctx.config, 'signIn', 'password-forgot'), async (request, reply) =>
      handleFormPost(reply, {
        values: formValues(request.body),
        submit: async () => {
          ctx.accounts.requestPasswordReset(validateInput(ForgotPasswordSchema, request.body).email)
          return `${p('/password/forgot')}?done=sent`
        },
        render: (state) => forgot(request, reply, state),
      }),
    )

    // Invitation and reset links: choose a password.
    for (const [segment, purpose] of [['activate', 'invite'], ['reset', 'password_reset']] as const) {
      const choose = async (request: FastifyRequest<{ Params: { token: string } }>, reply: FastifyReply, refused?: FormState) => {
        const token = request.params.token
        if (!TOKEN.test(token)) throw new GoneError()
        const row = await ctx.accounts.checkToken(token, purpose)
        const user = await ctx.accounts.describeUser(row.user_id)
        return passwordPage(context(request), { segment, token, email: user?.email ?? '', csrfToken: reply.generateCsrf(), problems: refused?.problems })
      }
      app.get<{ Params: { token: string } }>(p(`/account/${segment}/:token`), async (request, reply) => sendPage(reply, await choose(request, reply)))
      app.post<{ Params: { token: string } }>(p(`/account/${segment}/:token`), rateLimit(ctx.config, 'signIn', 'password-choose'), async (request, reply) => {
        const token = request.params.token
        if (!TOKEN.test(token)) throw new GoneError()
        return handleFormPost(reply, {
          // Passwords are never shown again: nothing typed is kept.
          values: {},
          submit: async () => {
            const input = validateInput(SetPasswordSchema, request.body)
            const { token: session } = await ctx.accounts.setPasswordWithToken(token, purpose, input.password, input.passwordConfirmation)
            // Signed in at once: a session in place of any the browser had.
            const previous = request.cookies[SESSION_COOKIE]
            if (previous) await ctx.accounts.signOut(previous)
            setSessionCookie(reply, session, secure)
            return `${p('/account')}?done=passwordSet`
          },
          render: (state) => choose(request, reply, state),
        })
      })
    }
  }
}
