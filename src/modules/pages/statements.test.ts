import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { buildTestApp, type TestApp } from '../../../test/helper.ts'
import { text } from '../../../test/http.ts'

let t: TestApp
before(async () => {
  t = await buildTestApp({ CONTACT_EMAIL: 'toolbox@future-city.example', SUBMITTER_EMAIL_RETENTION_MONTHS: 9 })
})
after(() => t.close())

test('contact, privacy and accessibility statements in both languages, linked from every page’s footer', async () => {
  const pages = [
    ['/contact', 'Contact', /toolbox@future-city\.example/],
    ['/privacy', 'Privacyverklaring', /geen trackers en geen analysecookies.*worden 9 maanden na het besluit over de inzending gewist/],
    ['/accessibility', 'Toegankelijkheidsverklaring', /WCAG 2\.1 niveau AA/],
    ['/en/contact', 'Contact', /Share a tool/],
    ['/en/privacy', 'Privacy statement', /Only the tool’s owner and the curators see them/],
    ['/en/accessibility', 'Accessibility statement', /partially compliant/],
  ] as const
  for (const [url, title, content] of pages) {
    const res = await t.app.inject({ url })
    assert.equal(res.statusCode, 200, url)
    assert.match(res.body, new RegExp(`<h1[^>]*>${title}</h1>`), url)
    assert.match(text(res.body), content, url)
  }
  const home = await t.app.inject({ url: '/en/tools' })
  for (const path of ['/en/contact', '/en/privacy', '/en/accessibility']) assert.match(home.body, new RegExp(`<a href="${path}">`), path)
  // The footer and the about page name the same initiators.
  for (const url of ['/about', '/']) assert.match(text((await t.app.inject({ url })).body), /Future City Foundation, het ministerie van BZK, VNG en het Stedennetwerk G40/, url)
})
