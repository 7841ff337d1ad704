import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { buildTestApp, type TestApp } from '../../../test/helper.ts'
import { createTool, createUser } from '../../../test/factories.ts'
import { Browser, sessionCookie } from '../../../test/http.ts'

type Role = 'nobody' | 'partner' | 'curator' | 'admin'
const ROLES: Role[] = ['nobody', 'partner', 'curator', 'admin']

/** Who may use each route that changes something. 'everyone' routes are public forms. */
const MATRIX: { url: string; allowed: 'everyone' | Role[]; form: Record<string, string> }[] = [
  { url: '/login', allowed: 'everyone', form: { email: 'matrix-login@example.org', password: 'correct horse battery staple' } },
  { url: '/logout', allowed: 'everyone', form: {} },
  { url: '/password/forgot', allowed: 'everyone', form: { email: 'x@example.org' } },
  { url: '/account/activate/:token', allowed: 'everyone', form: { password: 'x', passwordConfirmation: 'y' } },
  { url: '/account/reset/:token', allowed: 'everyone', form: { password: 'x', passwordConfirmation: 'y' } },
  { url: '/admin/users', allowed: ['admin'], form: { name: '', email: 'bad', role: 'curator', locale: 'nl' } },
  { url: '/admin/users/:id/role', allowed: ['admin'], form: { role: 'curator' } },
  { url: '/admin/users/:id/active', allowed: ['admin'], form: { active: 'true' } },
  { url: '/admin/users/:id/reinvite', allowed: ['admin'], form: {} },
  { url: '/admin/organisations', allowed: ['admin'], form: { name: '', kind: 'other' } },
  { url: '/admin/organisations/:id', allowed: ['admin'], form: { name: '', kind: 'other', version: 'x' } },
  { url: '/admin/organisations/:id/merge', allowed: ['admin'], form: { targetId: '1' } },
  { url: '/admin/organisations/:id/aliases', allowed: ['admin'], form: { otherName: '' } },
  { url: '/admin/organisations/:id/aliases/remove', allowed: ['admin'], form: { aliasId: 'x' } },
  { url: '/admin/outbox/:id/retry', allowed: ['admin'], form: {} },
  { url: '/admin/programme', allowed: ['admin'], form: { name: '', version: 'x' } },
  { url: '/programme/snapshots', allowed: ['curator', 'admin'], form: {} },
  { url: '/admin/partnerships', allowed: ['admin'], form: { organisationId: 'x', since: 'x' } },
  { url: '/admin/partnerships/:id/end', allowed: ['admin'], form: { until: 'x' } },
  // Proposing and responding: members of a current partner organisation only (the matrix's partner belongs to GM0200,
  // a partner; curators and administrators belong to none: 403 with the reason). Commenting: any signed-in member.
  { url: '/proposals', allowed: ['partner'], form: { title: '' } },
  { url: '/proposals/:id/respond', allowed: ['partner'], form: { kind: 'x' } },
  { url: '/proposals/:id/comments', allowed: ['partner', 'curator', 'admin'], form: { body: '' } },
  // Votes: opened and closed by curators and administrators; cast by members of a current partner (the partner's).
  { url: '/proposals/:id/decisions', allowed: ['curator', 'admin'], form: { quorumPercent: 'x' } },
  { url: '/decisions/:id/vote', allowed: ['partner'], form: { choice: 'x' } },
  { url: '/decisions/:id/close', allowed: ['curator', 'admin'], form: {} },
  // Declining or merging a proposal without a vote: curators and administrators (the proposal does not exist: 404).
  { url: '/proposals/:id/decline', allowed: ['curator', 'admin'], form: { reason: '' } },
  { url: '/proposals/:id/merge', allowed: ['curator', 'admin'], form: { into: 'x', reason: '' } },
  // Gatherings: planned and kept by curators and administrators; who attends registered by members of a current
  // partner for their own organisation (the partner's; accounts without an organisation: 403 with the reason).
  { url: '/gatherings', allowed: ['curator', 'admin'], form: { titleNl: '' } },
  { url: '/gatherings/:slug', allowed: ['curator', 'admin'], form: { titleNl: '' } },
  { url: '/gatherings/:slug/agenda', allowed: ['curator', 'admin'], form: {} },
  { url: '/gatherings/:slug/documents', allowed: ['curator', 'admin'], form: {} },
  { url: '/gatherings/:slug/minutes', allowed: ['curator', 'admin'], form: {} },
  { url: '/gatherings/:slug/agenda/proposals', allowed: ['curator', 'admin'], form: { proposal: 'x' } },
  { url: '/gatherings/:slug/agenda/:item/vote', allowed: ['curator', 'admin'], form: { quorumPercent: 'x' } },
  { url: '/gatherings/:slug/registrations', allowed: ['partner'], form: { attendees: 'x' } },
  { url: '/tools/share', allowed: 'everyone', form: { name: '', description: '', contactEmail: 'x' } },
  { url: '/submissions/:token/reply', allowed: 'everyone', form: { note: 'x' } },
  { url: '/curation/:id', allowed: ['curator', 'admin'], form: { name: '', version: '1' } },
  { url: '/curation/:id/publish', allowed: ['curator', 'admin'], form: { version: '1' } },
  { url: '/curation/:id/ask', allowed: ['curator', 'admin'], form: { message: '', version: '1' } },
  { url: '/curation/:id/reject', allowed: ['curator', 'admin'], form: { message: '', version: '1' } },
  { url: '/curation/:id/merge', allowed: ['curator', 'admin'], form: { target: 'x', version: '1' } },
  // A tool no organisation of the partner owns or co-develops: curators and administrators only.
  { url: '/tools/:slug/edit', allowed: ['curator', 'admin'], form: { version: '1' } },
  { url: '/tools/:slug/edit/links', allowed: ['curator', 'admin'], form: { version: '1', 'link-0-url': 'bad' } },
  { url: '/tools/:slug/edit/sdg', allowed: ['curator', 'admin'], form: { version: 'x' } },
  { url: '/tools/:slug/edit/assessments', allowed: ['curator', 'admin'], form: { version: 'x' } },
  { url: '/tools/:slug/edit/organisations', allowed: ['curator', 'admin'], form: { version: 'x' } },
  { url: '/tools/:slug/edit/pilots', allowed: ['curator', 'admin'], form: { version: 'x' } },
  // MIM tags: curators and administrators only, also on a tool the partner's organisation owns (tool-editing.mims.test).
  { url: '/tools/:slug/edit/mims', allowed: ['curator', 'admin'], form: { version: 'x' } },
  // Creating, retiring and merging tools: curators and administrators only (bad input, so nothing changes).
  { url: '/tools/new', allowed: ['curator', 'admin'], form: { name: '', description: '' } },
  { url: '/tools/:slug/retire', allowed: ['curator', 'admin'], form: { version: 'x' } },
  { url: '/tools/:slug/merge', allowed: ['curator', 'admin'], form: { other: 'no-such-tool', version: '1', otherVersion: '1' } },
  // "We use this tool": members for their own organisation (the partner's), curators and administrators for any.
  { url: '/tools/:slug/adoption', allowed: ['partner', 'curator', 'admin'], form: { localUrl: 'bad' } },
  { url: '/tools/:slug/adoption/remove', allowed: ['partner', 'curator', 'admin'], form: {} },
  // Asking to be involved is for members of an organisation (this matrix's curator and administrator belong to none);
  // deciding for curators, administrators and the organising party (the partner's organisation is not it).
  { url: '/tools/:slug/involvement', allowed: ['partner'], form: { involvement: 'bad' } },
  { url: '/tools/:slug/involvement/:id/decide', allowed: ['curator', 'admin'], form: { decision: 'accept' } },
  // Calls for test municipalities: managed by the tool's owners (not the partner's organisation), curators and
  // administrators; answered by visitors (the public form) and members of a municipality (the partner's), not by
  // accounts without one (this matrix's curator and administrator).
  { url: '/tools/:slug/call', allowed: ['curator', 'admin'], form: { municipalitiesNeeded: 'x' } },
  { url: '/tools/:slug/call/close', allowed: ['curator', 'admin'], form: { version: 'x' } },
  { url: '/tools/:slug/call/answer', allowed: ['nobody', 'partner'], form: { note: 'x' } },
  { url: '/tools/:slug/call/answers/:id', allowed: ['curator', 'admin'], form: { decision: 'accept' } },
  // Recording a pilot's results: members of a municipality for its own pilot (the partner's municipality has none of
  // this tool: 404); curators and administrators keep pilots in the editor.
  { url: '/tools/:slug/pilot', allowed: ['partner'], form: { status: 'completed', version: '1' } },
]

let t: TestApp
const userIds = {} as Record<Exclude<Role, 'nobody'>, number>
/** A fresh browser per check: signing in or out in one check must not change the next. */
async function browserFor(role: Role): Promise<Browser> {
  if (role === 'nobody') return new Browser(t.app)
  return new Browser(t.app).withSession(await sessionCookie(t.database.handle.db, userIds[role]))
}
let targetUserId = 0
let targetOrgId = 0
let targetToolSlug = ''

before(async () => {
  t = await buildTestApp({ RATE_LIMIT_DISABLED: '1' })
  const db = t.database.handle.db
  for (const role of ['partner', 'curator', 'admin'] as const) userIds[role] = (await createUser(db, { role })).id
  targetUserId = (await createUser(db, { role: 'curator' })).id
  await createUser(db, { role: 'curator', email: 'matrix-login@example.org' })
  targetOrgId = (await db.insertInto('organisations').values({ slug: 'matrix-org', name: 'Matrix org', kind: 'other' }).returning('id').executeTakeFirstOrThrow()).id
  targetToolSlug = (await createTool(db)).slug
})
after(() => t.close())

test('the matrix covers every route that changes something', () => {
  const changing = t.app.routeTable
    .filter((r) => !['GET', 'HEAD', 'OPTIONS'].includes(r.method) && !r.url.startsWith('/api/'))
    .map((r) => r.url.replace(/^\/en(?=\/)/, ''))
  const covered = new Set(MATRIX.map((m) => m.url))
  const missing = [...new Set(changing)].filter((url) => !covered.has(url))
  assert.deepEqual(missing, [], 'every POST route has a row in the matrix')
})

for (const row of MATRIX) {
  for (const role of ROLES) {
    for (const locale of ['nl', 'en'] as const) {
      const allowed = row.allowed === 'everyone' || row.allowed.includes(role)
      test(`${locale} POST ${row.url} as ${role}: ${allowed ? 'allowed' : role === 'nobody' ? '401' : '403'}`, async () => {
        const browser = await browserFor(role)
        const prefix = locale === 'en' ? '/en' : ''
        await browser.get(`${prefix}/password/forgot`) // any page with a form: a valid CSRF token for this browser
        const url = prefix + row.url.replace(':token', 'A'.repeat(43)).replace(':slug', targetToolSlug).replace(':id/', `${row.url.includes('users') ? targetUserId : targetOrgId}/`).replace(/:id$/, String(targetOrgId))
        const res = await browser.post(url, row.form)
        if (allowed) {
          assert.ok(![401, 403].includes(res.statusCode), `${url} as ${role} gave ${res.statusCode}`)
          assert.ok(res.statusCode < 500, `${url} as ${role} gave ${res.statusCode}`)
        } else {
          assert.equal(res.statusCode, role === 'nobody' ? 401 : 403, `${url} as ${role}`)
        }
      })
    }
  }
}

test('admin pages: 401 for nobody, 403 for partners and curators, 200 for administrators', async () => {
  const orgId = (await t.database.handle.db.insertInto('organisations').values({ slug: 'matrix-org-2', name: 'Matrix org 2', kind: 'other' }).returning('id').executeTakeFirstOrThrow()).id
  const b = { nobody: await browserFor('nobody'), partner: await browserFor('partner'), curator: await browserFor('curator'), admin: await browserFor('admin') }
  for (const url of ['/admin', '/admin/users', `/admin/users/${targetUserId}`, '/admin/organisations', `/admin/organisations/${orgId}`, '/admin/outbox', '/admin/audit', '/admin/programme', '/admin/partnerships']) {
    assert.equal((await b.nobody.get(url)).statusCode, 401, url)
    assert.equal((await b.partner.get(url)).statusCode, 403, url)
    assert.equal((await b.curator.get(url)).statusCode, 403, url)
    assert.equal((await b.admin.get(url)).statusCode, 200, url)
  }
  assert.equal((await b.partner.get('/account')).statusCode, 200)
  assert.equal((await b.nobody.get('/account')).statusCode, 401)
})
