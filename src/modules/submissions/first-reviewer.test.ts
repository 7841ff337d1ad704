import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { buildTestApp, type TestApp } from '../../../test/helper.ts'
import { createUser, unique } from '../../../test/factories.ts'

// A fresh install has only its administrator: the first shared tool must reach someone.

let t: TestApp
const db = () => t.database.handle.db
before(async () => {
  t = await buildTestApp({ RATE_LIMIT_DISABLED: '1' })
})
after(() => t.close())

const share = (email: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/submissions',
    headers: { 'content-type': 'application/json' },
    payload: JSON.stringify({ name: `Eerste gedeelde tool ${unique('x')}`, description: 'Een tool om mee te beginnen.', contactEmail: email }),
  })
const mailTo = (email: string) => db().selectFrom('outbox').select('subject').where('recipient', '=', email).execute()

test('while there is no curator the administrators hear of a shared tool; once there is one, only the curators', async () => {
  const admin = await createUser(db(), { role: 'admin', locale: 'en' })
  assert.equal((await share(`${unique('s')}@example.org`)).statusCode, 201)
  const [toAdmin] = await mailTo(admin.email)
  assert.match(toAdmin!.subject, /^New submission to review/)

  const curator = await createUser(db(), { role: 'curator' })
  assert.equal((await share(`${unique('s')}@example.org`)).statusCode, 201)
  assert.equal((await mailTo(admin.email)).length, 1, 'the administrator is not told again')
  assert.equal((await mailTo(curator.email)).length, 1)
})
