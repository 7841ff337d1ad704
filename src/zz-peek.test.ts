import { test } from 'node:test'
import { writeFileSync } from 'node:fs'
import { buildTestApp } from '../test/helper.ts'
test('peek', async () => {
  const t = await buildTestApp()
  for (const [url, file] of [['/en/feeds/tools.atom', 'feed.xml'], ['/sitemap.xml', 'sitemap.xml'], ['/en/tools/crowd-safety-manager', 'tool.html'], ['/embed/tools?form=software&pageSize=3', 'embed.html'], ['/api', 'api.html'], ['/api/v1/problems/not-found', 'redirect.txt']]) {
    const res = await t.app.inject({ url: url!, headers: { 'accept-language': 'en' } })
    writeFileSync(`/tmp/peek-${file}`, `${res.statusCode} ${JSON.stringify(res.headers)}\n${res.body}`)
  }
  await t.close()
})
