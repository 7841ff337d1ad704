// Duplicate detection quality: runs every case of eval-set.json through the same ranking the share form
// and GET /api/v1/similar-tools use, on a fresh embedded database with the reference data, and prints
// precision and recall@3 at the warning threshold. `npm run bench:dedupe` (add --verbose for every miss).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { buildApp } from '../../src/app.ts'
import { loadConfig } from '../../src/config.ts'
import { WARNING_THRESHOLD } from '../../src/modules/submissions/similarity.ts'

interface Case {
  id: string
  language: 'nl' | 'en'
  kind: string
  query: { name: string; description?: string; url?: string }
  expected: string | null
  note?: string
}

const verbose = process.argv.includes('--verbose')
const cases: Case[] = JSON.parse(readFileSync(join(import.meta.dirname, 'eval-set.json'), 'utf8'))
const app = await buildApp({ ...loadConfig({ ...process.env, DATABASE_URL: '', LOG_LEVEL: 'warn' }), inMemory: true }, { logger: false })
const service = app.appContext.submissions

interface Tally { positives: number; found: number; flagged: number; correctFlags: number; negatives: number; cleanNegatives: number }
const empty = (): Tally => ({ positives: 0, found: 0, flagged: 0, correctFlags: 0, negatives: 0, cleanNegatives: 0 })
const byKind = new Map<string, Tally>()
const byHalf = new Map<string, Tally>()
const byLanguage = new Map<string, Tally>()
const total = empty()
const misses: string[] = []

for (const c of cases) {
  const matches = await service.similar(c.query, { limit: 5 })
  const top3 = matches.slice(0, 3)
  const flagged = top3.filter((m) => m.likely)
  // Tools only: an open submission cannot be an expected answer here (the eval database has none).
  const hit = c.expected !== null && flagged.some((m) => m.candidate.slug === c.expected)
  const correct = flagged.filter((m) => m.candidate.slug === c.expected).length
  for (const tally of [total, byKind.get(c.kind) ?? byKind.set(c.kind, empty()).get(c.kind)!, byLanguage.get(c.language) ?? byLanguage.set(c.language, empty()).get(c.language)!,
    // Two halves by id order: tune on one, read the other.
    byHalf.get(cases.indexOf(c) % 2 === 0 ? 'even' : 'odd') ?? byHalf.set(cases.indexOf(c) % 2 === 0 ? 'even' : 'odd', empty()).get(cases.indexOf(c) % 2 === 0 ? 'even' : 'odd')!]) {
    tally.flagged += flagged.length
    tally.correctFlags += correct
    if (c.expected !== null) {
      tally.positives++
      if (hit) tally.found++
    } else {
      tally.negatives++
      if (flagged.length === 0) tally.cleanNegatives++
    }
  }
  const wrong = c.expected !== null ? !hit : flagged.length > 0
  const extra = flagged.some((m) => m.candidate.slug !== c.expected)
  if (wrong || (extra && verbose)) {
    misses.push(
      `${wrong ? 'MISS' : 'extra'} ${c.id} (${c.kind}, ${c.language}) "${c.query.name}" expected ${c.expected ?? 'none'}: ` +
        (matches.map((m) => `${m.candidate.slug ?? `submission ${m.candidate.id}`} ${m.score}${m.likely ? '!' : ''} [${m.reasons.join(',')}]`).join('; ') || 'no candidates'),
    )
  }
}
await app.close()

const fmt = (n: number, d: number) => (d === 0 ? '   -  ' : (n / d).toFixed(3).padStart(6))
const line = (label: string, t: Tally) =>
  `${label.padEnd(22)} ${String(t.positives + t.negatives).padStart(4)}  recall@3 ${fmt(t.found, t.positives)} (${t.found}/${t.positives})  precision ${fmt(t.correctFlags, t.flagged)} (${t.correctFlags}/${t.flagged})  clean negatives ${fmt(t.cleanNegatives, t.negatives)} (${t.cleanNegatives}/${t.negatives})`
console.log(`Duplicate detection, warning threshold ${WARNING_THRESHOLD}, ${cases.length} cases (recall@3: expected tool flagged likely within the top 3; precision: flagged likely in the top 3 that are the expected tool)`)
console.log(line('all', total))
for (const [k, t] of [...byLanguage].sort()) console.log(line(`language ${k}`, t))
for (const [k, t] of [...byHalf].sort()) console.log(line(`half ${k}`, t))
for (const [k, t] of [...byKind].sort()) console.log(line(`kind ${k}`, t))
if (misses.length > 0) console.log(`\n${misses.join('\n')}`)
