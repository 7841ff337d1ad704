import { docOf, exactDocs, lexemeOf, lowerBound, WEIGHT_BIT, type SearchIndex } from './build.ts'

// A search over the in-process index (decision 0023): the same matches, totals, facet counts and orders as the
// SQL search in tools.repository.ts. Sets of tools are bitsets (Uint32Array, one bit per tool).

/** One query lexeme: matches the lexeme itself, or with prefix every lexeme that starts with it. */
export interface IndexItem {
  lexeme: string
  prefix: boolean
}

export interface IndexQuery {
  /** Every group must match; a group matches a tool when any of its items does. */
  groups: IndexItem[][]
  /** lower(unaccent()) of the query as typed: tools called exactly this rank first. */
  exactName?: string | undefined
  filters: Record<string, string[]>
  /** Only these tools (ids), e.g. those with an open call; undefined: all. */
  allowed?: number[] | undefined
  sort: 'relevance' | 'name' | 'newest'
  limit: number
  offset: number
}

export interface IndexResult {
  ids: number[]
  facetCounts: Map<string, number>
}

type Bits = Uint32Array

const words = (index: SearchIndex) => (index.size + 31) >>> 5

function allBits(index: SearchIndex): Bits {
  const bits = new Uint32Array(words(index)).fill(0xffffffff)
  const tail = index.size & 31
  if (tail && bits.length > 0) bits[bits.length - 1] = (1 << tail) - 1
  return bits
}

/** The lexeme ids an item matches: one, or a prefix's range. */
function lexemeRange(index: SearchIndex, item: IndexItem): [number, number] {
  if (!item.prefix) {
    const id = lexemeOf(index, item.lexeme)
    return id === undefined ? [0, 0] : [id, id + 1]
  }
  const list = index.lexemes
  const start = lowerBound(list, item.lexeme)
  let end = start
  while (end < list.length && list[end]!.startsWith(item.lexeme)) end++
  return [start, end]
}

function orPostings(index: SearchIndex, bits: Bits, from: number, to: number): void {
  const docs = index.postDocs
  for (let p = index.postStart[from]!; p < index.postStart[to]!; p++) {
    const d = docs[p]!
    bits[d >>> 5]! |= 1 << (d & 31)
  }
}

function orKey(index: SearchIndex, bits: Bits, key: number): void {
  const docs = index.keyDocs
  for (let p = index.keyStart[key]!; p < index.keyStart[key + 1]!; p++) {
    const d = docs[p]!
    bits[d >>> 5]! |= 1 << (d & 31)
  }
}

function and(target: Bits, other: Bits): void {
  for (let w = 0; w < target.length; w++) target[w]! &= other[w]!
}

/** Calls fn for each tool in the set, in tool order. */
function forEach(bits: Bits, fn: (doc: number) => void): void {
  for (let w = 0; w < bits.length; w++) {
    let x = bits[w]!
    while (x !== 0) {
      const low = x & -x
      fn((w << 5) + 31 - Math.clz32(low))
      x ^= low
    }
  }
}

const has = (bits: Bits, d: number) => (bits[d >>> 5]! & (1 << (d & 31))) !== 0

/** The tools matching the text (every group) and the pipeline filter, before facet filters. */
function baseSet(index: SearchIndex, query: IndexQuery): Bits {
  let base: Bits | undefined
  for (const group of query.groups) {
    const bits = new Uint32Array(words(index))
    for (const item of group) {
      const [from, to] = lexemeRange(index, item)
      if (to > from) orPostings(index, bits, from, to)
    }
    if (base) and(base, bits)
    else base = bits
  }
  base ??= allBits(index)
  if (query.allowed) {
    const allowed = new Uint32Array(words(index))
    for (const id of query.allowed) {
      const d = docOf(index, id)
      if (d !== undefined) allowed[d >>> 5]! |= 1 << (d & 31)
    }
    and(base, allowed)
  }
  return base
}

/**
 * The facet counts: every facet without a selection over the matches (one pass over the matching tools' keys); a
 * facet with a selection over the tools that pass every other filter (its values' postings, tested bit by bit).
 */
function facetCounts(index: SearchIndex, base: Bits, passes: Map<string, Bits>): { matches: Bits; counts: Map<string, number> } {
  const counts = new Int32Array(index.keys.length)
  const matches = base.slice()
  for (const bits of passes.values()) and(matches, bits)
  const { docKeyStart, docKeys, keyFacetId } = index
  let selected = 0
  for (const facet of passes.keys()) selected |= 1 << (index.facetIds.get(facet) ?? 31)
  for (let w = 0; w < matches.length; w++) {
    let x = matches[w]!
    while (x !== 0) {
      const low = x & -x
      const d = (w << 5) + 31 - Math.clz32(low)
      x ^= low
      for (let p = docKeyStart[d]!, end = docKeyStart[d + 1]!; p < end; p++) {
        const k = docKeys[p]!
        if ((selected & (1 << keyFacetId[k]!)) === 0) counts[k]!++
      }
    }
  }
  for (const facet of passes.keys()) {
    const own = base.slice()
    for (const [other, bits] of passes) if (other !== facet) and(own, bits)
    const id = index.facetIds.get(facet)
    for (let k = 0; k < index.keys.length; k++) {
      if (keyFacetId[k] !== id) continue
      let n = 0
      for (let p = index.keyStart[k]!, end = index.keyStart[k + 1]!; p < end; p++) {
        const d = index.keyDocs[p]!
        if ((own[d >>> 5]! & (1 << (d & 31))) !== 0) n++
      }
      counts[k] = n
    }
  }
  const out = new Map<string, number>()
  counts.forEach((n, k) => {
    if (n > 0) out.set(index.keys[k]!, n)
  })
  return { matches, counts: out }
}

/** The tools of the page in one of the database's orders. */
function pageInOrder(order: Uint32Array, matches: Bits, offset: number, limit: number): number[] {
  const out: number[] = []
  let seen = 0
  for (let i = 0; i < order.length && out.length < limit; i++) {
    const d = order[i]!
    if (!has(matches, d)) continue
    if (seen++ >= offset) out.push(d)
  }
  return out
}

/**
 * The tools of the page by relevance: exact name first, then ts_rank (calc_rank_or over the query's distinct
 * lexemes), then name. A bounded heap keeps the best offset+limit.
 */
function pageByRelevance(index: SearchIndex, query: IndexQuery, matches: Bits): number[] {
  const score = index.scratchScore
  score.fill(0)
  const items = new Map<string, IndexItem>()
  for (const group of query.groups) for (const item of group) if (!items.has(item.lexeme)) items.set(item.lexeme, item)
  const codeScore = index.codeScore
  for (const item of items.values()) {
    const [from, to] = lexemeRange(index, item)
    for (let p = index.postStart[from]!; p < index.postStart[to]!; p++) score[index.postDocs[p]!]! += codeScore[index.postCode[p]!]!
  }
  const exact = new Set(query.exactName ? exactDocs(index, query.exactName) : [])
  const size = Math.max(1, items.size)
  const k = query.offset + query.limit
  // Heap of [key, nameRank, doc] with the worst at the top; key = exact * 4 + rank (rank < 4).
  const heapKey: number[] = []
  const heapName: number[] = []
  const heapDoc: number[] = []
  const worse = (ka: number, na: number, kb: number, nb: number) => ka < kb || (ka === kb && na > nb)
  const swap = (a: number, b: number) => {
    ;[heapKey[a], heapKey[b]] = [heapKey[b]!, heapKey[a]!]
    ;[heapName[a], heapName[b]] = [heapName[b]!, heapName[a]!]
    ;[heapDoc[a], heapDoc[b]] = [heapDoc[b]!, heapDoc[a]!]
  }
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1
      const r = l + 1
      let w = i
      if (l < heapKey.length && worse(heapKey[l]!, heapName[l]!, heapKey[w]!, heapName[w]!)) w = l
      if (r < heapKey.length && worse(heapKey[r]!, heapName[r]!, heapKey[w]!, heapName[w]!)) w = r
      if (w === i) return
      swap(i, w)
      i = w
    }
  }
  forEach(matches, (d) => {
    const key = (exact.has(d) ? 4 : 0) + Math.fround(score[d]! / size)
    const name = index.nameRank[d]!
    if (heapKey.length < k) {
      heapKey.push(key)
      heapName.push(name)
      heapDoc.push(d)
      let i = heapKey.length - 1
      while (i > 0) {
        const parent = (i - 1) >> 1
        if (!worse(heapKey[i]!, heapName[i]!, heapKey[parent]!, heapName[parent]!)) break
        swap(i, parent)
        i = parent
      }
    } else if (k > 0 && worse(heapKey[0]!, heapName[0]!, key, name)) {
      heapKey[0] = key
      heapName[0] = name
      heapDoc[0] = d
      down(0)
    }
  })
  const order = heapDoc.map((_, i) => i).sort((a, b) => heapKey[b]! - heapKey[a]! || heapName[a]! - heapName[b]!)
  return order.slice(query.offset).map((i) => heapDoc[i]!)
}

/** One page of a search and its facet counts, as tool ids. */
export function searchIndex(index: SearchIndex, query: IndexQuery): IndexResult {
  const passes = new Map<string, Bits>()
  for (const [facet, values] of Object.entries(query.filters)) {
    if (values.length === 0) continue
    const bits = new Uint32Array(words(index))
    for (const value of values) {
      const key = index.keyId.get(`${facet}:${value}`)
      if (key !== undefined) orKey(index, bits, key)
    }
    passes.set(facet, bits)
  }
  const base = baseSet(index, query)
  const bare = query.groups.length === 0 && !query.allowed && passes.size === 0
  const { matches, counts } = bare ? { matches: base, counts: new Map(index.allCounts) } : facetCounts(index, base, passes)
  for (const [key, n] of counts) if (n === 0) counts.delete(key)
  const docs =
    query.sort === 'newest'
      ? pageInOrder(index.byNewest, matches, query.offset, query.limit)
      : query.sort === 'relevance' && query.groups.length > 0
        ? pageByRelevance(index, query, matches)
        : pageInOrder(index.byName, matches, query.offset, query.limit)
  return { ids: docs.map((d) => index.ids[d]!), facetCounts: counts }
}

/** Facets whose shared values make tools similar (not category, status, origin or who is involved). */
const SIMILAR_FACETS = new Set(['form', 'process', 'theme', 'sdg', 'principle', 'mim'])

/** A word of a tool's names (weight A) or descriptions (B), as "similar tools" compares them. */
const TEXT_WEIGHTS = WEIGHT_BIT.A | WEIGHT_BIT.B

/**
 * "Similar tools", exactly as the SQL scores them (tools.repository.ts, decision 0026) but from the index: a point
 * per shared classification key and for the same category, plus for each rare word of the tool's names and
 * descriptions (at most max(3, 2 % of the catalogue) tools have it) 2 points to a tool that has it in its name too
 * when it is in this tool's name, else 1. At least 3 points, best first, then by name. `words`: the tool's own
 * lexemes with their weights (its search_vector).
 */
export function similarInIndex(index: SearchIndex, toolId: number, limit: number, exclude: number[], words: { lexeme: string; weights: number }[]): { id: number; score: number }[] {
  const me = docOf(index, toolId)
  if (me === undefined) return []
  // Points per tool in the scratch counts; a common key touches most of the catalogue, so every tool is then read
  // once in order (faster than keeping a list of the touched ones) and the counts are cleared as they are read.
  const count = index.scratchCount
  for (let p = index.docKeyStart[me]!; p < index.docKeyStart[me + 1]!; p++) {
    const k = index.docKeys[p]!
    if (!SIMILAR_FACETS.has(index.keyFacet[k]!)) continue
    for (let q = index.keyStart[k]!; q < index.keyStart[k + 1]!; q++) count[index.keyDocs[q]!]!++
  }
  const rare = Math.max(3, Math.floor(index.size / 50))
  for (const word of words) {
    if ((word.weights & TEXT_WEIGHTS) === 0) continue
    const l = lexemeOf(index, word.lexeme)
    if (l === undefined || index.postStart[l + 1]! - index.postStart[l]! > rare) continue
    const inName = (word.weights & WEIGHT_BIT.A) !== 0
    for (let p = index.postStart[l]!; p < index.postStart[l + 1]!; p++) {
      const theirs = index.codeWeights[index.postCode[p]!]!
      if ((theirs & TEXT_WEIGHTS) !== 0) count[index.postDocs[p]!]! += inName && (theirs & WEIGHT_BIT.A) !== 0 ? 2 : 1
    }
  }
  count[me] = 0
  for (const id of exclude) {
    const d = docOf(index, id)
    if (d !== undefined) count[d] = 0
  }
  const category = index.category
  const mine = category[me]
  const best = new Best(index, limit)
  for (let d = 0; d < index.size; d++) {
    const points = count[d]!
    if (points === 0) continue
    count[d] = 0
    const score = points + (category[d] === mine ? 1 : 0)
    if (score >= 3) best.offer(d, score)
  }
  return best.list()
}

/** The best `limit` tools by score, then by name, as a short sorted list (no sort of every candidate). */
class Best {
  private readonly docs: number[] = []
  private readonly scores: number[] = []
  private readonly index: SearchIndex
  private readonly limit: number
  constructor(index: SearchIndex, limit: number) {
    this.index = index
    this.limit = limit
  }

  /** Whether (score, doc) goes before place i of the list. */
  private before(score: number, doc: number, i: number): boolean {
    const rank = this.index.nameRank
    return score > this.scores[i]! || (score === this.scores[i]! && rank[doc]! < rank[this.docs[i]!]!)
  }

  /** Keeps the tool when it is among the best so far. */
  offer(doc: number, score: number): void {
    const { docs, scores, limit } = this
    if (limit <= 0 || (docs.length === limit && !this.before(score, doc, limit - 1))) return
    let at = docs.length < limit ? docs.length : limit - 1
    while (at > 0 && this.before(score, doc, at - 1)) at--
    docs.splice(at, 0, doc)
    scores.splice(at, 0, score)
    if (docs.length > limit) {
      docs.pop()
      scores.pop()
    }
  }

  list(): { id: number; score: number }[] {
    return this.docs.map((d, i) => ({ id: this.index.ids[d]!, score: this.scores[i]! }))
  }
}

/**
 * The best `limit` of the touched tools by score, then by name; resets their scratch counts. `scoreOf` turns a
 * tool's counted points into its score (0: leave it out).
 */
function pickBest(index: SearchIndex, touched: number[], limit: number, scoreOf: (doc: number, points: number) => number): { id: number; score: number }[] {
  const count = index.scratchCount
  const best = new Best(index, limit)
  for (const d of touched) {
    const score = scoreOf(d, count[d]!)
    count[d] = 0
    if (score > 0) best.offer(d, score)
  }
  return best.list()
}

/**
 * "From the same organisations", exactly as the SQL scores them (tools.repository.ts related): for each pair of a
 * role of this tool and a role of another tool at the same organisation, 3 points when both are owners, else 1;
 * best first, then by name.
 */
export function relatedInIndex(index: SearchIndex, toolId: number, limit: number): { id: number; score: number }[] {
  const me = docOf(index, toolId)
  if (me === undefined) return []
  const count = index.scratchCount
  const touched: number[] = []
  for (let r = index.docOrgStart[me]!; r < index.docOrgStart[me + 1]!; r++) {
    const organisation = index.docOrgs[r]! >>> 1
    const owner = (index.docOrgs[r]! & 1) === 1
    for (let p = index.orgStart[organisation]!; p < index.orgStart[organisation + 1]!; p++) {
      const d = index.orgRows[p]! >>> 1
      if (d === me) continue
      if (count[d] === 0) touched.push(d)
      count[d]! += owner && (index.orgRows[p]! & 1) === 1 ? 3 : 1
    }
  }
  return pickBest(index, touched, limit, (_d, points) => points)
}
