// Duplicate detection quality: runs every case of eval-set.json through the same ranking the share form
// and GET /api/v1/similar-tools use, on a fresh embedded database with the reference data, and prints
// precision and recall@3 at the warning threshold. `npm run bench:dedupe` (add --verbose for extra flags).
import { buildApp } from '../../src/app.ts'
import { loadConfig } from '../../src/config.ts'
import { WARNING_THRESHOLD } from '../../src/modules/submissions/similarity.ts'
import { emptyTally, evaluate, loadEvalSet, tallyCase, type Tally } from './evaluate.ts'

const verbose = process.argv.includes('--verbose')
const cases = loadEvalSet()
const app = await buildApp({ ...loadConfig({ ...process.env, DATABASE_URL: '', LOG_LEVEL: 'warn' }), inMemory: true }, { logger: false })
const { total, outcomes } = await evaluate(cases, (q) => app.appContext.submissions.similar(q, { limit: 5 }))
await app.close()

const groups = new Map<string, Tally>()
const group = (name: string) => groups.get(name) ?? groups.set(name, emptyTally()).get(name)!
outcomes.forEach((o, i) => {
  for (const name of [`language ${o.case.language}`, `half ${i % 2 === 0 ? 'even' : 'odd'}`, `kind ${o.case.kind}`]) tallyCase(group(name), o.case, o.matches)
})

const fmt = (n: number, d: number) => (d === 0 ? '   -  ' : (n / d).toFixed(3).padStart(6))
const line = (label: string, t: Tally) =>
  `${label.padEnd(24)} ${String(t.positives + t.negatives).padStart(4)}  recall@3 ${fmt(t.found, t.positives)} (${t.found}/${t.positives})  precision ${fmt(t.correctFlags, t.flagged)} (${t.correctFlags}/${t.flagged})  clean negatives ${fmt(t.cleanNegatives, t.negatives)} (${t.cleanNegatives}/${t.negatives})`
console.log(`Duplicate detection, warning threshold ${WARNING_THRESHOLD}, ${cases.length} cases (recall@3: expected tool flagged likely within the top 3; precision: flagged likely in the top 3 that are the expected tool)`)
console.log(line('all', total))
for (const [name, t] of [...groups].sort(([a], [b]) => a.localeCompare(b))) console.log(line(name, t))
const report = outcomes.filter((o) => !o.right || (verbose && o.matches.slice(0, 3).some((m) => m.likely && m.candidate.slug !== o.case.expected)))
if (report.length > 0) console.log('')
for (const o of report) {
  console.log(
    `${o.right ? 'extra' : 'MISS'} ${o.case.id} (${o.case.kind}, ${o.case.language}) "${o.case.query.name}" expected ${o.case.expected ?? 'none'}: ` +
      (o.matches.map((m) => `${m.candidate.slug ?? `submission ${m.candidate.id}`} ${m.score}${m.likely ? '!' : ''} [${m.reasons.join(',')}]`).join('; ') || 'no candidates'),
  )
}
