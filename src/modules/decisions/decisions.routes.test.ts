import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, test } from 'node:test'
import { sql } from 'kysely'
import { buildTestApp, type TestApp } from '../../../test/helper.ts'
import { createUser, organisationByCbs, partnerOrganisation, unique } from '../../../test/factories.ts'
import { Browser, formFields, sessionCookie, text } from '../../../test/http.ts'

// Decisions: a curator opens a vote on a proposal; each current partner organisation has one vote, changeable until
// the close; non-partners and former partners are refused with the reason; a vote after the close is refused; two
// members at once leave one vote (the later); closing and voting at once never count a vote after the close. An
// adopted proposal becomes a City Deal tool in selection with its owner and pilots, linked both ways.

let t: TestApp
const db = () => t.database.handle.db
before(async () => {
  t = await buildTestApp({ RATE_LIMIT_DISABLED: '1' })
})
after(() => t.close())

/** Only this file's partners count: every seeded partnership ends before the programme's first day ends. */
beforeEach(async () => {
  await sql`update partnerships set until = since where until is null or until > since`.execute(db())
})

const browserOf = async (user: { id: number }) => new Browser(t.app).withSession(await sessionCookie(db(), user.id))
async function member(organisationId: number, locale: 'nl' | 'en' = 'nl') {
  const user = await createUser(db(), { role: 'partner', organisationId, locale, email: `${unique('member')}@example.org` })
  return { user, browser: await browserOf(user) }
}
const curator = async () => browserOf(await createUser(db(), { role: 'curator', email: `${unique('curator')}@example.org` }))

/** A proposal by a partner, through the form (confirmed different), with Utrecht and Amersfoort to take part. */
async function proposalBy(organisationId: number, extra: Record<string, string> = {}) {
  const { browser } = await member(organisationId)
  const page = await browser.get('/proposals/new')
  const res = await browser.post('/proposals', {
    ...formFields(page.body, '/proposals'),
    title: unique('Stemtool'),
    locale: 'nl',
    summary: `Een ${unique('proef')} om te besluiten.`,
    processQuestion: 'Hoe besluiten partners samen?',
    category: 'governance',
    form: 'method',
    municipalities: 'Utrecht\nAmersfoort',
    confirmDifferent: 'on',
    ...extra,
  })
  assert.equal(res.statusCode, 303, text(res.body).slice(0, 400))
  return Number(/\/proposals\/(\d+)/.exec(res.headers.location as string)![1])
}

async function openVote(proposalId: number, fields: Record<string, string> = {}) {
  const browser = await curator()
  const page = await browser.get(`/proposals/${proposalId}`)
  const res = await browser.post(`/proposals/${proposalId}/decisions`, { ...formFields(page.body, `/proposals/${proposalId}/decisions`), ...fields })
  assert.equal(res.statusCode, 303, text(res.body).slice(0, 400))
  return { browser, id: Number(/\/decisions\/(\d+)/.exec(res.headers.location as string)![1]) }
}

/** Votes as a member would (the page first, for its CSRF token); a closed vote's page has no form, the post is sent anyway. */
async function vote(browser: Browser, decisionId: number, choice: string, prefix = '') {
  await browser.get(`${prefix}/password/forgot`)
  await browser.get(`${prefix}/decisions/${decisionId}`)
  return browser.post(`${prefix}/decisions/${decisionId}/vote`, { choice })
}

const votesOf = (decisionId: number) => db().selectFrom('decision_votes').selectAll().where('decision_id', '=', decisionId).orderBy('organisation_id').execute()

describe('voting rules', () => {
  test('one vote per organisation, changeable; non-partners, former partners and votes after the close refused with the reason', async () => {
    const [a, b, c] = [await partnerOrganisation(db()), await partnerOrganisation(db()), await partnerOrganisation(db())]
    const former = await partnerOrganisation(db(), { until: '2026-02-01' })
    const proposalId = await proposalBy(a.id)
    const { id, browser: cur } = await openVote(proposalId)
    const first = await member(b.id)
    const second = await member(b.id, 'en')
    assert.equal((await vote(first.browser, id, 'for')).statusCode, 303)
    assert.equal((await vote(second.browser, id, 'against', '/en')).statusCode, 303)
    const rows = await votesOf(id)
    assert.deepEqual(rows.map((r) => [r.organisation_id, r.choice]), [[b.id, 'against']])
    const page = text((await second.browser.get(`/en/decisions/${id}`)).body)
    assert.match(page, /Your organisation voted: Against/)
    assert.match(page, /Each organisation’s vote becomes public when the vote closes/)

    const bad = await vote(first.browser, id, 'maybe')
    assert.equal(bad.statusCode, 400)
    const outsiderOrg = await db().insertInto('organisations').values({ slug: unique('outsider'), name: unique('Buitenstaander'), kind: 'company' }).returning(['id', 'name']).executeTakeFirstOrThrow()
    const outsider = await member(outsiderOrg.id)
    await outsider.browser.get('/password/forgot')
    const refused = await outsider.browser.post(`/decisions/${id}/vote`, { choice: 'for' })
    assert.equal(refused.statusCode, 403)
    assert.match(text(refused.body), new RegExp(`${outsiderOrg.name} is nu geen partner`))
    const formerMember = await member(former.id)
    await formerMember.browser.get('/password/forgot')
    assert.equal((await formerMember.browser.post(`/decisions/${id}/vote`, { choice: 'for' })).statusCode, 403)
    assert.equal((await new Browser(t.app).post(`/decisions/${id}/vote`, { choice: 'for' })).statusCode, 403, 'no CSRF token: refused before anything')

    // Close: 1 of 3 partners voted, below the quorum of 50%.
    const closePage = await cur.get(`/decisions/${id}`)
    const closed = await cur.post(`/decisions/${id}/close`, formFields(closePage.body, `/decisions/${id}/close`))
    assert.equal(closed.statusCode, 303)
    const shown = text((await new Browser(t.app).get(`/decisions/${id}`)).body)
    assert.match(shown, /Geen quorum/)
    assert.match(shown, /0 voor, 1 tegen, 0 onthouden, van 3 partners/)
    assert.match(shown, new RegExp(`${b.name} Tegen`))
    const late = await vote(first.browser, id, 'for')
    assert.equal(late.statusCode, 409)
    assert.match(text(late.body), /Deze stemming is gesloten/)
    assert.deepEqual((await votesOf(id)).map((r) => r.choice), ['against'])
    // No quorum: the proposal can go on the agenda again.
    assert.equal((await db().selectFrom('proposals').select('status').where('id', '=', proposalId).executeTakeFirstOrThrow()).status, 'submitted')
    void c
    const audit = await db().selectFrom('audit_log').select('action').where('entity_type', '=', 'decision').where('entity_id', '=', String(id)).orderBy('id').execute()
    assert.deepEqual(audit.map((x) => x.action), ['decision.opened', 'decision.vote_cast', 'decision.vote_changed', 'decision.closed'])
  })

  test('a vote past its last day is refused; a last day in the past cannot be set', async () => {
    const a = await partnerOrganisation(db())
    const proposalId = await proposalBy(a.id)
    const browser = await curator()
    const page = await browser.get(`/proposals/${proposalId}`)
    const past = await browser.post(`/proposals/${proposalId}/decisions`, { ...formFields(page.body, `/proposals/${proposalId}/decisions`), closesOn: '2020-01-01' })
    assert.equal(past.statusCode, 400)
    assert.match(text(past.body), /De laatste dag ligt in het verleden/)
    const { id } = await openVote(proposalId, { closesOn: '2099-12-31' })
    await db().updateTable('decisions').set({ closes_at: new Date(Date.now() - 1000) }).where('id', '=', id).execute()
    const res = await vote((await member(a.id)).browser, id, 'for')
    assert.equal(res.statusCode, 409)
    assert.equal((await votesOf(id)).length, 0)
  })
})

describe('races', () => {
  test('two members of one organisation voting at once leave exactly one vote: the later one', async () => {
    const a = await partnerOrganisation(db())
    const { id } = await openVote(await proposalBy(a.id))
    const [m1, m2] = [await member(a.id), await member(a.id)]
    const [p1, p2] = [await m1.browser.get(`/decisions/${id}`), await m2.browser.get(`/decisions/${id}`)]
    const results = await Promise.all([
      m1.browser.post(`/decisions/${id}/vote`, { ...formFields(p1.body, `/decisions/${id}/vote`), choice: 'for' }),
      m2.browser.post(`/decisions/${id}/vote`, { ...formFields(p2.body, `/decisions/${id}/vote`), choice: 'against' }),
    ])
    assert.deepEqual(results.map((r) => r.statusCode), [303, 303])
    const rows = await votesOf(id)
    assert.equal(rows.length, 1)
    const last = await db().selectFrom('audit_log').select('after').where('entity_type', '=', 'decision').where('entity_id', '=', String(id)).orderBy('id', 'desc').executeTakeFirstOrThrow()
    assert.equal(rows[0]!.choice, (last.after as { choice: string }).choice, 'the vote that stays is the one recorded last')
  })

  test('closing and voting at once: a vote is either counted in the tally or refused, never after the close', async () => {
    for (let round = 0; round < 3; round++) {
      const [a, b] = [await partnerOrganisation(db()), await partnerOrganisation(db())]
      const { id, browser: cur } = await openVote(await proposalBy(a.id))
      const voter = await member(b.id)
      const [vp, cp] = [await voter.browser.get(`/decisions/${id}`), await cur.get(`/decisions/${id}`)]
      const [voted, closed] = await Promise.all([
        voter.browser.post(`/decisions/${id}/vote`, { ...formFields(vp.body, `/decisions/${id}/vote`), choice: 'for' }),
        cur.post(`/decisions/${id}/close`, formFields(cp.body, `/decisions/${id}/close`)),
      ])
      assert.equal(closed.statusCode, 303)
      const decision = await db().selectFrom('decisions').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
      const rows = await votesOf(id)
      if (voted.statusCode === 303) {
        assert.equal(decision.votes_for, 1, 'an accepted vote is counted')
        assert.ok(new Date(rows[0]!.cast_at) <= new Date(decision.closed_at!))
      } else {
        assert.equal(voted.statusCode, 409)
        assert.equal(decision.votes_for, 0)
        assert.equal(rows.length, 0, 'a refused vote leaves nothing')
      }
    }
  })
})

describe('an adopted proposal starts a tool', () => {
  test('three organisations vote; the close adopts; a tool in selection with owner and pilots, linked both ways; everyone is told', async () => {
    const [a, b, c] = [await partnerOrganisation(db()), await partnerOrganisation(db()), await partnerOrganisation(db())]
    const utrecht = await organisationByCbs(db(), 'GM0344')
    await db().insertInto('partnerships').values({ organisation_id: utrecht.id, since: '2026-02-01' }).execute()
    const proposalId = await proposalBy(a.id, { proposedOwner: String(b.id) })
    const { user: memberOfC, browser: cBrowser } = await member(c.id, 'en')
    const { id, browser: cur } = await openVote(proposalId)
    assert.equal((await vote((await member(a.id)).browser, id, 'for')).statusCode, 303)
    assert.equal((await vote((await member(b.id)).browser, id, 'for')).statusCode, 303)
    assert.equal((await vote(cBrowser, id, 'against', '/en')).statusCode, 303)
    const page = await cur.get(`/decisions/${id}`)
    assert.equal((await cur.post(`/decisions/${id}/close`, formFields(page.body, `/decisions/${id}/close`))).statusCode, 303)

    const decision = await db().selectFrom('decisions').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
    assert.deepEqual([decision.outcome, decision.votes_for, decision.votes_against, decision.votes_abstain, decision.eligible], ['adopted', 2, 1, 0, 4])
    const tool = await db().selectFrom('tools').selectAll().where('id', '=', decision.tool_id!).executeTakeFirstOrThrow()
    assert.deepEqual([tool.status, tool.origin, tool.category, tool.form], ['selected', 'city_deal', 'governance', 'method'])
    const roles = await db().selectFrom('tool_organisations').select(['organisation_id', 'role']).where('tool_id', '=', tool.id).execute()
    assert.deepEqual(roles, [{ organisation_id: b.id, role: 'owner' }])
    const pilots = await db().selectFrom('pilots as p').innerJoin('organisations as o', 'o.id', 'p.municipality_id').select(['o.cbs_code', 'p.status']).where('p.tool_id', '=', tool.id).orderBy('o.cbs_code').execute()
    assert.deepEqual(pilots, [{ cbs_code: 'GM0307', status: 'committed' }, { cbs_code: 'GM0344', status: 'committed' }])
    const changes = await db().selectFrom('tool_status_changes').select('status').where('tool_id', '=', tool.id).execute()
    assert.deepEqual(changes.map((x) => x.status), ['selected'])
    const proposal = await db().selectFrom('proposals').select(['status', 'tool_id']).where('id', '=', proposalId).executeTakeFirstOrThrow()
    assert.deepEqual(proposal, { status: 'adopted', tool_id: tool.id })

    const publicPage = text((await new Browser(t.app).get('/decisions')).body)
    assert.match(publicPage, /Aangenomen 2 voor, 1 tegen, 0 onthouden, van 4 partners/)
    assert.match((await new Browser(t.app).get(`/en/decisions/${id}`)).body, new RegExp(`href="/en/tools/${tool.slug}"`))
    assert.match((await new Browser(t.app).get(`/proposals/${proposalId}`)).body, new RegExp(`href="/tools/${tool.slug}"`))
    const toolPage = await new Browser(t.app).get(`/tools/${tool.slug}`)
    assert.match(toolPage.body, new RegExp(`href="/decisions/${id}">Gestart door het besluit van de partners`))
    const mails = await db().selectFrom('outbox').select('subject').where('recipient', '=', memberOfC.email).orderBy('id').execute()
    assert.deepEqual(mails.map((m) => m.subject.replace(/Stemtool-[0-9a-f]+/, '…')), ['Vote open: …', 'Result: … – Adopted'])
  })
})
