// Duplicate detection: how much a submitted tool looks like a tool or submission we already have, and why.
// Pure functions (no database): the repository finds candidates, this scores them. The evaluation set in
// bench/dedupe measures the result; change the weights only with its figures in hand.

import { allStems, guessLanguage, initials, isAcronymLike, normalizeName, overlap, specificStems, stem, STOP_WORDS, trigramSimilarity, UNIFORM, urlKey, type StemWeight } from './similarity.text.ts'

export interface MatchQuery {
  name: string
  description?: string | undefined
  url?: string | undefined
  /** How many catalogue tools have an address on the submitted URL's host (a shared host says little). */
  hostTools?: number | undefined
}

export type NameKind = 'name' | 'alias' | 'acronym' | 'translation'

export interface MatchCandidate {
  type: 'tool' | 'submission'
  id: number
  /** Tools only. */
  slug: string | null
  /** The name to show. */
  name: string
  status: string
  names: { text: string; kind: NameKind; language: string | null }[]
  descriptions: { text: string; language: 'nl' | 'en' }[]
  urls: string[]
}

export const REASONS = ['same_website', 'alias_or_acronym', 'similar_name', 'other_language', 'similar_description'] as const
export type Reason = (typeof REASONS)[number]

export interface Match {
  candidate: MatchCandidate
  /** 0..1, higher is more likely the same tool. */
  score: number
  /** At or above the warning threshold: the submitter is warned. */
  likely: boolean
  reasons: Reason[]
}

/** From this score on, a candidate is shown as a likely duplicate (tuned on bench/dedupe/eval-set.json). */
export const WARNING_THRESHOLD = 0.6
/** Below this a candidate is not shown at all. */
export const SHOW_THRESHOLD = 0.3
const DESCRIPTION_GAIN = 1.4
const DESCRIPTION_WEIGHT = 0.9
const SIBLING_CAP = 0.55

/** Words of a name, without function words (unless that leaves none). */
function nameWords(normalized: string): string[] {
  const words = normalized.split(' ').filter(Boolean)
  const content = words.filter((w) => !STOP_WORDS.has(w))
  return content.length > 0 ? content : words
}

/** Word pairs already compared (a submitted name is compared with many candidates' names, word by word). */
const wordPairs = new Map<string, Map<string, number>>()

/** How well two words match: 1 when equal; for words without digits, their trigram similarity from 0.45. */
function wordSimilarity(a: string, b: string): number {
  if (a === b) return 1
  let known = wordPairs.get(a)
  if (!known) {
    if (wordPairs.size >= 2000) wordPairs.clear()
    known = new Map()
    wordPairs.set(a, known)
  }
  let similarity = known.get(b)
  if (similarity === undefined) {
    similarity = compareWords(a, b)
    known.set(b, similarity)
  }
  return similarity
}

function compareWords(a: string, b: string): number {
  if (/\d/.test(a) || /\d/.test(b)) return 0
  const similarity = trigramSimilarity(a, b)
  if (similarity >= 0.45) return similarity
  // A typo in a longer word: one letter wrong, missing or added, or two swapped (Eurpoe / Europe).
  return Math.min(a.length, b.length) >= 5 && a[0] === b[0] && oneEditApart(a, b) ? 0.8 : 0
}

/** Damerau-Levenshtein distance of exactly one. */
function oneEditApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1 || a === b) return false
  let i = 0
  while (i < a.length && i < b.length && a[i] === b[i]) i++
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2)
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1)
}

interface NameSimilarity {
  score: number
  /**
   * Both names have a word the other lacks, share at least half of their words otherwise, and the other
   * side's texts do not use the missing words either ("Responsible AI Toolkit" / "Responsible Sensing
   * Toolkit", "OGC API - Features" / "OGC SensorThings API"): a sibling, not the same tool.
   */
  sibling: boolean
}

/**
 * Names compared word by word: each word's best match, over the longer name's word count. A name where
 * both sides have a word the other lacks is another tool more often than not; numbers must agree
 * (ISO 37122 is not ISO 37123). qText and nText: the stems of everything each side says.
 */
function nameSimilarity(q: NameForm, n: NameForm, qText: Set<string>, nText: Set<string>): NameSimilarity {
  const qWords = q.words
  const nWords = n.words
  const best = (word: string, others: string[]) => {
    let top = 0
    for (const o of others) top = Math.max(top, wordSimilarity(word, o))
    return top
  }
  const qBest = qWords.map((w) => best(w, nWords))
  const nBest = nWords.map((w) => best(w, qWords))
  const aligned = qBest.reduce((a, b) => a + b, 0) / Math.max(qWords.length, nWords.length)
  const substituted = qBest.some((b) => b === 0) && nBest.some((b) => b === 0)
  if (substituted) {
    const shared = (bests: number[]) => bests.filter((b) => b > 0).length / bests.length
    // A missing word the other side's texts use is a translation or a paraphrase, not a difference.
    const unexplained = (words: string[], bests: number[], other: Set<string>) => words.some((w, i) => bests[i] === 0 && !other.has(stem(w)))
    const sibling = Math.min(shared(qBest), shared(nBest)) >= 0.5 && unexplained(qWords, qBest, nText) && unexplained(nWords, nBest, qText)
    return { score: aligned * 0.8, sibling }
  }
  // Compounds written apart or together (sensoren register / sensorenregister) only show as a whole.
  const whole = trigramSimilarity(q.compact, n.compact)
  return { score: Math.max(aligned, nWords.length === qWords.length ? whole : whole * 0.8), sibling: false }
}

/** A normalized name, its words (function words left out) and the whole without spaces. */
interface NameForm {
  normalized: string
  words: string[]
  compact: string
}

function nameForm(normalized: string): NameForm {
  return { normalized, words: nameWords(normalized), compact: normalized.replace(/ /g, '') }
}

/** A name without its bracketed additions, normalized: "Interoperable Europe Act (EU 2024/903)" → "interoperable europe act". */
function withoutBrackets(name: string): string {
  return normalizeName(name.replace(/\([^)]*\)|\[[^\]]*\]/g, ' '))
}

/** The numbers in a name: versions, numbers of standards (37122, mim7 → 7, nis2 → 2, "Directive 2" → 2). */
function numberTokens(text: string): Set<string> {
  return new Set((normalizeName(text).match(/\d+/g) ?? []).map((n) => n.replace(/^0+(?=\d)/, '')))
}

/** What is needed of a submission, worked out once per ranking. */
interface PreparedQuery {
  query: MatchQuery
  name: NameForm
  /** Without additions in brackets. */
  base: NameForm
  initials: string[]
  isAcronym: boolean
  language: 'nl' | 'en' | undefined
  /** Content stems of name and description (compared with descriptions). */
  stems: Set<string>
  /** All stems, generic words included (to tell a translated name word from a different one). */
  text: Set<string>
  numbers: Set<string>
}

function prepareQuery(query: MatchQuery): PreparedQuery {
  const all = `${query.name} ${query.description ?? ''}`
  return {
    query,
    name: nameForm(normalizeName(query.name)),
    base: nameForm(withoutBrackets(query.name)),
    initials: initials(query.name),
    isAcronym: isAcronymLike(query.name),
    language: guessLanguage(all),
    stems: specificStems(all),
    text: allStems(all),
    numbers: numberTokens(query.name),
  }
}

interface PreparedName {
  entry: MatchCandidate['names'][number]
  name: NameForm
  base: NameForm
  initials: string[]
  isAcronym: boolean
  /** Its own language, or guessed from its function words (undefined for names like "SensRNet"). */
  language: 'nl' | 'en' | undefined
}

/** What is needed of a candidate, worked out once per ranking. */
interface PreparedCandidate {
  names: PreparedName[]
  /** Each description with the candidate's names in its language or in none, as content stems. */
  texts: { stems: Set<string>; language: 'nl' | 'en' }[]
  /** All stems of names and descriptions, generic words included. */
  text: Set<string>
  numbers: Set<string>
}

function prepareCandidate(candidate: MatchCandidate): PreparedCandidate {
  const names = candidate.names.map((entry): PreparedName => {
    const own = entry.language === 'nl' || entry.language === 'en' ? entry.language : undefined
    return {
      entry,
      name: nameForm(normalizeName(entry.text)),
      base: nameForm(withoutBrackets(entry.text)),
      initials: initials(entry.text),
      isAcronym: isAcronymLike(entry.text),
      language: own ?? (entry.language === null ? guessLanguage(entry.text) : undefined),
    }
  })
  const texts = candidate.descriptions.map((d) => {
    const sameLanguage = names.filter((n) => (n.language ?? d.language) === d.language).map((n) => n.entry.text)
    return { stems: specificStems(`${sameLanguage.join(' ')} ${d.text}`), language: d.language }
  })
  const everything = [...candidate.names.map((n) => n.text), ...candidate.descriptions.map((d) => d.text)].join(' ')
  const numbers = new Set<string>()
  for (const n of candidate.names) for (const x of numberTokens(n.text)) numbers.add(x)
  return { names, texts, text: allStems(everything), numbers }
}

interface NameMatch extends NameSimilarity {
  reason: Reason
  language: string | null
}

function nameMatch(q: PreparedQuery, c: PreparedCandidate, descriptionScore: number): NameMatch | undefined {
  if (!q.name.normalized) return undefined
  let best: NameMatch | undefined
  // The best match wins; of equal ones, the one that is not a sibling.
  const consider = (m: NameMatch) => {
    if (!best || m.score > best.score || (m.score === best.score && best.sibling && !m.sibling)) best = m
  }
  // Initials collide easily (Dataportaal Gemeente Amsterdam is not the Data Governance Act): an acronym
  // match counts in full only when the descriptions agree too.
  const acronymScore = descriptionScore >= 0.15 ? 0.9 : 0.5
  for (const n of c.names) {
    if (!n.name.normalized) continue
    const { entry } = n
    const reason: Reason = entry.kind === 'translation' ? 'other_language' : entry.kind === 'name' ? 'similar_name' : 'alias_or_acronym'
    const language = entry.language
    if (q.name.normalized === n.name.normalized || q.name.compact === n.name.compact) {
      consider({ score: 1, sibling: false, reason, language })
      continue
    }
    // BGT submitted for "Basisregistratie Grootschalige Topografie", or the other way round.
    if ((q.isAcronym && n.initials.includes(q.name.compact)) || (n.isAcronym && q.initials.includes(n.name.compact))) {
      consider({ score: acronymScore, sibling: false, reason: 'alias_or_acronym', language })
    }
    // Names in another language than the submission's differ by their translated words, not as siblings do.
    const sameLanguage = !q.language || (n.language ?? q.language) === q.language
    const similarity = (a: NameForm, b: NameForm): NameSimilarity => {
      const result = nameSimilarity(a, b, q.text, c.text)
      return { score: result.score, sibling: result.sibling && sameLanguage }
    }
    consider({ ...similarity(q.name, n.name), reason, language })
    // The same name with or without an addition in brackets: "Interoperable Europe Act (EU 2024/903)".
    if (q.base.normalized && n.base.normalized && (q.base.normalized !== q.name.normalized || n.base.normalized !== n.name.normalized)) {
      consider({ ...(q.base.normalized === n.base.normalized ? { score: 0.95, sibling: false } : similarity(q.base, n.base)), reason, language })
    }
  }
  return best
}

function urlMatch(query: MatchQuery, candidate: MatchCandidate): number {
  const q = query.url ? urlKey(query.url) : undefined
  if (!q) return 0
  let best = 0
  const qHost = q.split('/')[0]
  for (const url of candidate.urls) {
    const c = urlKey(url)
    if (!c) continue
    if (c === q) return 1
    const cHost = c.split('/')[0]
    if (cHost !== qHost) continue
    const cHasPath = c.includes('/')
    // A page on the tool's own site: the tool's address is a prefix of the submitted one.
    if (cHasPath && q.startsWith(`${c}/`)) best = Math.max(best, 0.6)
    // The tool is the whole site (3dbag.nl), and no other tool lives there: a page of it is probably the tool.
    else if (!cHasPath && (query.hostTools ?? 0) <= 1) best = Math.max(best, 0.75)
    // Only the same host: big hosts (github.com, europa.eu, an organisation's site) carry many tools.
    else best = Math.max(best, 0.3)
  }
  return best
}

/** The best overlap of the submission with one of the candidate's descriptions (and its names in that language). */
function descriptionMatch(q: PreparedQuery, c: PreparedCandidate, weight: StemWeight): { score: number; language: 'nl' | 'en' | undefined } {
  let best = { score: 0, language: undefined as 'nl' | 'en' | undefined }
  for (const d of c.texts) {
    const score = overlap(q.stems, d.stems, weight)
    if (score > best.score) best = { score, language: d.language }
  }
  return best
}

/**
 * What scoring may know beyond the one candidate: the candidates of the same query, prepared once, and
 * how rare each stem is among them. rankCandidates makes one; scoreCandidate alone weighs all stems alike.
 */
export interface ScoringContext {
  query: PreparedQuery
  candidates: Map<MatchCandidate, PreparedCandidate>
  weight: StemWeight
}

/**
 * Inverse document frequency over the candidates of one query: a stem most candidates share (they were
 * found by the query's words) tells them apart less than one only a few have. With one candidate, or
 * none, every stem weighs the same.
 */
export function scoringContext(query: MatchQuery, candidates: MatchCandidate[]): ScoringContext {
  const prepared = new Map(candidates.map((c) => [c, prepareCandidate(c)] as const))
  const df = new Map<string, number>()
  for (const c of prepared.values()) {
    const stems = new Set<string>()
    for (const d of c.texts) for (const x of d.stems) stems.add(x)
    for (const x of stems) df.set(x, (df.get(x) ?? 0) + 1)
  }
  const n = candidates.length
  const weights = new Map<string, number>()
  for (const [x, count] of df) weights.set(x, Math.log(1 + n / count))
  const rarest = Math.log(1 + n)
  const weight: StemWeight = n <= 1 ? UNIFORM : (x) => weights.get(x) ?? rarest
  return { query: prepareQuery(query), candidates: prepared, weight }
}

/** Scores one candidate against a submission; reasons strongest first. */
export function scoreCandidate(query: MatchQuery, candidate: MatchCandidate, context?: ScoringContext): Match {
  const q = context?.query.query === query ? context.query : prepareQuery(query)
  const c = context?.candidates.get(candidate) ?? prepareCandidate(candidate)
  const weight = context?.weight ?? UNIFORM
  const reasons: Reason[] = []
  const url = urlMatch(query, candidate)
  const description = descriptionMatch(q, c, weight)
  const descriptionScore = description.score
  const name = nameMatch(q, c, descriptionScore)
  const nameScore = name?.score ?? 0

  if (url >= 0.6) reasons.push('same_website')
  if (name && nameScore >= 0.5) reasons.push(name.reason)
  if (descriptionScore >= 0.3) reasons.push('similar_description')

  const queryLanguage = q.language
  if (
    queryLanguage &&
    !reasons.includes('other_language') &&
    ((name && nameScore >= 0.5 && name.language && name.language !== queryLanguage) ||
      (descriptionScore >= 0.3 && nameScore < 0.5 && description.language && description.language !== queryLanguage))
  ) {
    reasons.push('other_language')
  }

  const base = Math.max(url, nameScore)
  let combined = 1 - (1 - base) * (1 - Math.min(1, descriptionScore * DESCRIPTION_GAIN) * DESCRIPTION_WEIGHT)
  // Different numbers in the names (MIM6 / MIM7, ISO 37122 / 37123): another tool of the same family.
  if (url < 1 && q.numbers.size > 0 && c.numbers.size > 0 && ![...q.numbers].some((x) => c.numbers.has(x))) combined = Math.min(combined, 0.45)
  // A sibling's name (Responsible AI Toolkit / Responsible Sensing Toolkit): shown, but not a likely duplicate.
  if (url < 0.6 && name?.sibling) combined = Math.min(combined, SIBLING_CAP)
  const score = Math.round(Math.min(1, combined) * 1000) / 1000
  // Likely from several weaker signals together: name the ones that added up.
  if (score >= WARNING_THRESHOLD && reasons.length === 0) {
    if (name && nameScore >= 0.3) reasons.push(name.reason)
    if (descriptionScore >= 0.15) reasons.push('similar_description')
  }
  return { candidate, score, likely: score >= WARNING_THRESHOLD, reasons: [...new Set(reasons)].sort((a, b) => REASONS.indexOf(a) - REASONS.indexOf(b)) }
}

/** Scores and ranks candidates, best first; only those worth showing. */
export function rankCandidates(query: MatchQuery, candidates: MatchCandidate[], limit = 5): Match[] {
  const context = scoringContext(query, candidates)
  return candidates
    .map((c) => scoreCandidate(query, c, context))
    // A candidate is shown with a reason, or not at all (a list of look-alikes without a why helps nobody).
    .filter((m) => m.score >= SHOW_THRESHOLD && (m.likely || m.reasons.length > 0))
    .sort((a, b) => b.score - a.score || a.candidate.name.localeCompare(b.candidate.name))
    .slice(0, limit)
}
