import { createHash, randomBytes } from 'node:crypto'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import type { Database } from '../src/db/database.ts'

/** Signs a user in the way a browser would end up: a session row and its cookie (epic-stack's trick). */
export async function sessionCookie(db: Database, userId: number): Promise<string> {
  const token = randomBytes(32).toString('base64url')
  await db
    .insertInto('sessions')
    .values({ id: createHash('sha256').update(token).digest('base64url'), user_id: userId, expires_at: new Date(Date.now() + 3600_000) })
    .execute()
  return `toolbox_session=${token}`
}

/** The cookies a response sets, as name=value pairs for the next request. */
export function cookiesFrom(res: LightMyRequestResponse): Record<string, string> {
  const out: Record<string, string> = {}
  for (const c of res.cookies) out[c.name] = c.value
  return out
}

export function cookieHeader(...parts: (string | Record<string, string> | undefined)[]): string {
  return parts
    .flatMap((p) => (p === undefined ? [] : typeof p === 'string' ? [p] : Object.entries(p).map(([k, v]) => `${k}=${v}`)))
    .filter(Boolean)
    .join('; ')
}

/**
 * A small browser: keeps cookies, reads the CSRF token from the last form, and submits forms as
 * application/x-www-form-urlencoded, like a visitor without JavaScript.
 */
export class Browser {
  cookies: Record<string, string> = {}
  csrf = ''
  readonly app: FastifyInstance
  readonly headers: Record<string, string>
  constructor(app: FastifyInstance, headers: Record<string, string> = {}) {
    this.app = app
    this.headers = headers
  }

  withSession(cookie: string) {
    const [name, value] = cookie.split('=') as [string, string]
    this.cookies[name] = value
    return this
  }

  private remember(res: LightMyRequestResponse) {
    for (const c of res.cookies) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) delete this.cookies[c.name]
      else this.cookies[c.name] = c.value
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(res.body)?.[1]
    if (token) this.csrf = token
    return res
  }

  async get(url: string) {
    return this.remember(await this.app.inject({ method: 'GET', url, headers: { ...this.headers, cookie: cookieHeader(this.cookies) } }))
  }

  async post(url: string, form: Record<string, string | string[]>, options: { csrf?: boolean } = {}) {
    const entries = Object.entries({ ...(options.csrf === false ? {} : { _csrf: this.csrf }), ...form }).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x]) : [[k, v]]))
    const body = new URLSearchParams(entries).toString()
    return this.remember(
      await this.app.inject({
        method: 'POST',
        url,
        headers: { ...this.headers, cookie: cookieHeader(this.cookies), 'content-type': 'application/x-www-form-urlencoded' },
        payload: body,
      }),
    )
  }
}

/** The visible text of a page, roughly. */
export function text(htmlText: string): string {
  return htmlText
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
}

const unescapeHtml = (value: string) => value.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')

/**
 * The fields a browser would send for the form whose action is `action` on this page, as the page shows them:
 * text fields and hidden fields with their values, ticked boxes, chosen options, text areas (not buttons).
 */
export function formFields(page: string, action: string): Record<string, string | string[]> {
  const start = page.search(new RegExp(`<form [^>]*action="${action.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}"`))
  if (start === -1) throw new Error(`no form with action ${action}`)
  const form = page.slice(start, page.indexOf('</form>', start))
  const fields: Record<string, string | string[]> = {}
  const add = (name: string, value: string) => {
    const existing = fields[name]
    fields[name] = existing === undefined ? value : [...[existing].flat(), value]
  }
  for (const [tag] of form.matchAll(/<input [^>]*>/g)) {
    const attr = (name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1]
    const type = attr('type') ?? 'text'
    const name = attr('name')
    if (!name || type === 'submit' || type === 'button' || name === '_csrf') continue
    if ((type === 'checkbox' || type === 'radio') && !/\schecked(\s|>|$)/.test(tag)) continue
    add(name, unescapeHtml(attr('value') ?? ''))
  }
  for (const [, name, options] of form.matchAll(/<select [^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) {
    const chosen = /<option value="([^"]*)" selected>/.exec(options!) ?? /<option value="([^"]*)"/.exec(options!)
    add(name!, unescapeHtml(chosen?.[1] ?? ''))
  }
  for (const [, name, value] of form.matchAll(/<textarea [^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/textarea>/g)) add(name!, unescapeHtml(value!))
  return fields
}
