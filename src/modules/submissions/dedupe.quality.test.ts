import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { evaluate, loadEvalSet, precision, recall } from '../../../bench/dedupe/evaluate.ts'
import { buildTestApp, type TestApp } from '../../../test/helper.ts'

// The quality bar, checked on every run: a change that makes duplicate detection worse fails here.
let t: TestApp
before(async () => {
  t = await buildTestApp()
})
after(() => t.close())

test('duplicate detection on the labelled set: recall@3 and precision at the warning threshold are at least 0.9', async () => {
  const cases = loadEvalSet()
  assert.ok(cases.length >= 100, 'at least 100 labelled pairs')
  assert.ok(cases.some((c) => c.language === 'nl') && cases.some((c) => c.language === 'en'))
  const { total, outcomes } = await evaluate(cases, (q) => t.app.appContext.submissions.similar(q, { limit: 5 }))
  const withoutReason = outcomes.flatMap((o) => o.matches.filter((m) => m.reasons.length === 0).map((m) => `${o.case.id}: ${m.candidate.name}`))
  assert.deepEqual(withoutReason, [], 'every candidate shown says why')
  console.log(`# duplicate detection: recall@3 ${recall(total).toFixed(3)} (${total.found}/${total.positives}), precision ${precision(total).toFixed(3)} (${total.correctFlags}/${total.flagged})`)
  assert.ok(recall(total) >= 0.9, `recall@3 ${recall(total)}`)
  assert.ok(precision(total) >= 0.9, `precision ${precision(total)}`)
})
