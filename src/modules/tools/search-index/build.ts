// The in-process search index (decision 0023), built from what the database derived: each tool's search_vector
// (the Dutch, English and simple lexemes with their positions and weights) and facet keys. Pure TypeScript over
// typed arrays: postings per lexeme (tool numbers and the ts_rank contribution of that lexeme in that tool),
// postings per facet key, each tool's facet keys, and the database's own name and newest-first orders.

/** ts_rank's default weights of D, C, B, A. */
const WEIGHT_D = 0.1
const WEIGHT_C = 0.2
const WEIGHT_B = 0.4
const WEIGHT_A = 1.0
/** pi^2/6: ts_rank's normalisation of one lexeme's positions. */
const ZETA_2 = 1.64493406685

export interface SearchIndex {
  /** The catalogue version the index was read at. */
  version: number
  /** Number of tools; a tool's number ("doc") is its position in id order. */
  size: number
  /** Tool ids in ascending order (docOf finds a tool's number by binary search). */
  ids: Float64Array
  /**
   * Lexemes, sorted (a prefix's lexemes are one range, a lexeme is found by binary search: lexemeOf); postings of
   * lexeme i are postStart[i]..postStart[i+1].
   */
  lexemes: string[]
  postStart: Uint32Array
  postDocs: Uint32Array
  /**
   * Each posting's kind: a number into codeScore and codeWeights. A catalogue has only a few hundred distinct pairs
   * of the two (215 in the generated 100k), so one byte per posting says what would otherwise take five.
   */
  postCode: Uint8Array | Uint16Array
  /** ts_rank's calc_rank_or contribution of the lexeme in the tool (from its positions and weights), per code. */
  codeScore: Float32Array
  /** The weights of the lexeme's positions in the tool (WEIGHT_BIT): A is a name or alias, B a description; per code. */
  codeWeights: Uint8Array
  /** Facet keys ('form:software'); postings of key k are keyStart[k]..keyStart[k+1] in keyDocs. */
  keys: string[]
  keyId: Map<string, number>
  keyFacet: string[]
  /** Each key's facet as a small number (facetIds), for bit masks. */
  keyFacetId: Uint8Array
  facetIds: Map<string, number>
  keyStart: Uint32Array
  keyDocs: Uint32Array
  /** Each tool's facet keys: docKeyStart[d]..docKeyStart[d+1] in docKeys. */
  docKeyStart: Uint32Array
  docKeys: Uint32Array
  /** Organisations with a role: rows of organisation o are orgStart[o]..orgStart[o+1] in orgRows (doc * 2 + owner). */
  orgStart: Uint32Array
  orgRows: Uint32Array
  /** Each tool's roles: docOrgStart[d]..docOrgStart[d+1] in docOrgs (organisation number * 2 + owner). */
  docOrgStart: Uint32Array
  docOrgs: Uint32Array
  /** Each tool's category (an index into categories). */
  category: Uint8Array
  categories: string[]
  /** Tools in the database's orders, and each tool's place in them. */
  byName: Uint32Array
  byNewest: Uint32Array
  nameRank: Uint32Array
  /**
   * Tools by lower(unaccent(name or alias)), as 53-bit hashes (nameHash) sorted, each with its tool: a name is
   * found by binary search (exactDocs). 120,000 names take 1.4 MB instead of about 10 MB as a Map of strings; two
   * names share a hash about once in 10^11 searches, and then only the order of that page changes.
   */
  nameHashes: Float64Array
  nameDocs: Uint32Array
  /** Facet counts of the whole catalogue (the bare catalogue page). */
  allCounts: Map<string, number>
  /** Scratch space for one query at a time (JavaScript runs one at a time). */
  scratchScore: Float64Array
  scratchCount: Uint16Array
}

export interface IndexSourceTool {
  id: number
  category: string
  vector: string
  facet_keys: string[]
  names: string[]
  /** The tool's roles (tool_organisations), each as organisation id * 2 + 1 for an owner, + 0 otherwise. */
  roles: number[]
}

type Numbers = Uint8Array | Uint16Array | Uint32Array | Float32Array | Float64Array

/** A typed array that grows by half when full. */
class Grow<A extends Numbers> {
  data: A
  length = 0
  private readonly make: (length: number) => A
  constructor(make: (length: number) => A, capacity = 1024) {
    this.make = make
    this.data = make(capacity)
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const next = this.make(Math.ceil(this.data.length * 1.5))
      next.set(this.data)
      this.data = next
    }
    this.data[this.length++] = value
  }
}

/** A posting's weights as bits: which of A, B, C and D its positions carry. */
export const WEIGHT_BIT = { A: 1, B: 2, C: 4, D: 8 } as const

/** cyrb53: a 53-bit string hash (exact as a double), for the exact-name lookup. */
export function nameHash(text: string): number {
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ c, 2654435761)
    h2 = Math.imul(h2 ^ c, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return 4294967296 * (2097151 & h2) + (h1 >>> 0)
}

/** The first place in a sorted list whose value is not below `value` (the list's length when there is none). */
export function lowerBound<T extends number | string>(list: ArrayLike<T>, value: T): number {
  let lo = 0
  let hi = list.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (list[mid]! < value) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** A tool's number from its id, or undefined when the index does not hold it. */
export function docOf(index: Pick<SearchIndex, 'ids'>, id: number): number | undefined {
  const at = lowerBound(index.ids, id)
  return index.ids[at] === id ? at : undefined
}

/** A lexeme's number, or undefined when no tool has it. */
export function lexemeOf(index: Pick<SearchIndex, 'lexemes'>, lexeme: string): number | undefined {
  const at = lowerBound(index.lexemes, lexeme)
  return index.lexemes[at] === lexeme ? at : undefined
}

/** The tools called exactly `name` (lower(unaccent()) already applied). */
export function exactDocs(index: Pick<SearchIndex, 'nameHashes' | 'nameDocs'>, name: string): number[] {
  const hash = nameHash(name)
  const hashes = index.nameHashes
  const docs: number[] = []
  for (let i = lowerBound(hashes, hash); i < hashes.length && hashes[i] === hash; i++) docs.push(index.nameDocs[i]!)
  return docs
}

/**
 * Calls `entry` for each lexeme of a tsvector's text form ('a''b':1A,5 'c'), with its calc_rank_or contribution
 * (the positions' weights summed with 1/j^2 falloff, the heaviest counted in full: PostgreSQL's tsrank.c) and the
 * weights its positions carry (WEIGHT_BIT; none for a lexeme without positions).
 */
export function parseVector(text: string, entry: (lexeme: string, score: number, weights: number) => void): void {
  const n = text.length
  let i = 0
  while (i < n) {
    if (text.charCodeAt(i) !== 39) {
      i++
      continue
    }
    i++
    let lexeme = ''
    let start = i
    while (i < n) {
      const c = text.charCodeAt(i)
      if (c === 39) {
        if (text.charCodeAt(i + 1) === 39) {
          lexeme += text.slice(start, i + 1)
          i += 2
          start = i
          continue
        }
        lexeme += text.slice(start, i)
        i++
        break
      }
      if (c === 92) {
        lexeme += text.slice(start, i) + text.charAt(i + 1)
        i += 2
        start = i
        continue
      }
      i++
    }
    let resj = 0
    let wjm = -1
    let jm = 0
    let weights = 0
    if (text.charCodeAt(i) === 58) {
      i++
      let j = 0
      for (;;) {
        while (i < n && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++
        const c = text.charCodeAt(i)
        let w = WEIGHT_D
        let bit: number = WEIGHT_BIT.D
        if (c === 65) [w, bit] = [WEIGHT_A, WEIGHT_BIT.A]
        else if (c === 66) [w, bit] = [WEIGHT_B, WEIGHT_BIT.B]
        else if (c === 67) [w, bit] = [WEIGHT_C, WEIGHT_BIT.C]
        weights |= bit
        if (c >= 65 && c <= 68) i++
        resj = Math.fround(resj + w / ((j + 1) * (j + 1)))
        if (w > wjm) {
          wjm = w
          jm = j
        }
        j++
        if (text.charCodeAt(i) === 44) {
          i++
          continue
        }
        break
      }
    } else {
      resj = WEIGHT_D
      wjm = WEIGHT_D
    }
    entry(lexeme, (wjm + resj - wjm / ((jm + 1) * (jm + 1))) / ZETA_2, weights)
  }
}

/** Collects tools (in id order, in chunks) and makes the index. */
export class SearchIndexBuilder {
  private ids: number[] = []
  private categoryOf: number[] = []
  private categories: string[] = []
  private lexemeId = new Map<string, number>()
  private lexemes: string[] = []
  private entryLexeme: Grow<Uint32Array>
  /** Each tool's lexeme entries are entryStart[d]..entryStart[d+1] (entries come in tool order). */
  private entryStart: number[] = [0]
  /** Each entry's code (score and weights): codeOf maps `${score} ${weights}` to its number. */
  private entryCode: Grow<Uint16Array>
  private codeOf = new Map<string, number>()
  private codeScore: number[] = []
  private codeWeights: number[] = []
  private keyId = new Map<string, number>()
  private keys: string[] = []
  private docKeyStart: number[] = [0]
  private docKeys = new Grow((n) => new Uint32Array(n), 1 << 12)
  private nameHashes = new Grow((n) => new Float64Array(n), 1 << 12)
  private nameDocs = new Grow((n) => new Uint32Array(n), 1 << 12)
  private orgNumber = new Map<number, number>()
  private docOrgStart: number[] = [0]
  private docOrgs = new Grow((n) => new Uint32Array(n), 1 << 12)

  /** expectedTools sizes the buffers (about 42 lexemes a tool), so they need not grow (and leave freed copies). */
  constructor(expectedTools = 1000) {
    const capacity = Math.max(1 << 12, Math.ceil(expectedTools * 44))
    this.entryLexeme = new Grow((n) => new Uint32Array(n), capacity)
    this.entryCode = new Grow((n) => new Uint16Array(n), capacity)
  }

  add(tools: IndexSourceTool[]): void {
    for (const tool of tools) {
      const doc = this.ids.length
      this.ids.push(tool.id)
      let category = this.categories.indexOf(tool.category)
      if (category < 0) category = this.categories.push(tool.category) - 1
      this.categoryOf.push(category)
      parseVector(tool.vector, (lexeme, score, weights) => {
        let id = this.lexemeId.get(lexeme)
        if (id === undefined) {
          // A copy: a slice would keep the whole vector text it was cut from alive.
          const own = Buffer.from(lexeme, 'utf8').toString('utf8')
          id = this.lexemes.push(own) - 1
          this.lexemeId.set(own, id)
        }
        this.entryLexeme.push(id)
        const kind = `${score} ${weights}`
        let code = this.codeOf.get(kind)
        if (code === undefined) {
          code = this.codeScore.push(score) - 1
          this.codeWeights.push(weights)
          this.codeOf.set(kind, code)
        }
        this.entryCode.push(code)
      })
      this.entryStart.push(this.entryLexeme.length)
      for (const key of tool.facet_keys) {
        let id = this.keyId.get(key)
        if (id === undefined) {
          id = this.keys.push(key) - 1
          this.keyId.set(key, id)
        }
        this.docKeys.push(id)
      }
      this.docKeyStart.push(this.docKeys.length)
      for (const role of tool.roles) {
        const id = Math.floor(role / 2)
        let number = this.orgNumber.get(id)
        if (number === undefined) this.orgNumber.set(id, (number = this.orgNumber.size))
        this.docOrgs.push(number * 2 + (role % 2))
      }
      this.docOrgStart.push(this.docOrgs.length)
      for (const name of new Set(tool.names)) {
        this.nameHashes.push(nameHash(name))
        this.nameDocs.push(doc)
      }
    }
  }

  finish(version: number, orders: { byName: number[]; byNewest: number[] }): SearchIndex {
    const size = this.ids.length
    const ids = Float64Array.from(this.ids)
    for (let d = 1; d < size; d++) if (ids[d]! <= ids[d - 1]!) throw new Error('search index: tools must come in ascending id order')

    // Lexemes sorted (by code unit, as lowerBound compares), postings grouped by lexeme (a counting sort; tools stay
    // in id order within a lexeme).
    const order = this.lexemes.map((_, i) => i).sort((a, b) => (this.lexemes[a]! < this.lexemes[b]! ? -1 : 1))
    const rank = new Uint32Array(order.length)
    order.forEach((old, i) => (rank[old] = i))
    const lexemes = order.map((i) => this.lexemes[i]!)
    const postStart = new Uint32Array(lexemes.length + 1)
    const n = this.entryLexeme.length
    for (let e = 0; e < n; e++) postStart[rank[this.entryLexeme.data[e]!]! + 1]!++
    for (let t = 0; t < lexemes.length; t++) postStart[t + 1]! += postStart[t]!
    const fill = postStart.slice(0, lexemes.length)
    const postDocs = new Uint32Array(n)
    const postCode = this.codeScore.length <= 256 ? new Uint8Array(n) : new Uint16Array(n)
    for (let d = 0; d < size; d++) {
      for (let e = this.entryStart[d]!; e < this.entryStart[d + 1]!; e++) {
        const at = fill[rank[this.entryLexeme.data[e]!]!]!++
        postDocs[at] = d
        postCode[at] = this.entryCode.data[e]!
      }
    }
    // The entries are no longer needed; let them go before the rest is made.
    this.entryLexeme = new Grow((m) => new Uint32Array(m), 1)
    this.entryCode = new Grow((m) => new Uint16Array(m), 1)

    // Facet keys: postings per key from each tool's keys.
    const docKeyStart = Uint32Array.from(this.docKeyStart)
    const docKeys = this.docKeys.data.slice(0, this.docKeys.length)
    const keyStart = new Uint32Array(this.keys.length + 1)
    for (const k of docKeys) keyStart[k + 1]!++
    for (let k = 0; k < this.keys.length; k++) keyStart[k + 1]! += keyStart[k]!
    const keyFill = keyStart.slice(0, this.keys.length)
    const keyDocs = new Uint32Array(docKeys.length)
    for (let d = 0; d < size; d++) for (let p = docKeyStart[d]!; p < docKeyStart[d + 1]!; p++) keyDocs[keyFill[docKeys[p]!]!++] = d
    // Roles: rows per organisation from each tool's roles, as for facet keys.
    const docOrgStart = Uint32Array.from(this.docOrgStart)
    const docOrgs = this.docOrgs.data.slice(0, this.docOrgs.length)
    const orgStart = new Uint32Array(this.orgNumber.size + 1)
    for (const r of docOrgs) orgStart[(r >>> 1) + 1]!++
    for (let o = 0; o < this.orgNumber.size; o++) orgStart[o + 1]! += orgStart[o]!
    const orgFill = orgStart.slice(0, this.orgNumber.size)
    const orgRows = new Uint32Array(docOrgs.length)
    for (let d = 0; d < size; d++) for (let p = docOrgStart[d]!; p < docOrgStart[d + 1]!; p++) orgRows[orgFill[docOrgs[p]! >>> 1]!++] = d * 2 + (docOrgs[p]! & 1)
    const allCounts = new Map<string, number>()
    this.keys.forEach((key, k) => allCounts.set(key, keyStart[k + 1]! - keyStart[k]!))

    const placed = (list: number[]) => {
      const docs: number[] = []
      for (const id of list) {
        const doc = docOf({ ids }, id)
        if (doc !== undefined) docs.push(doc)
      }
      // A tool the order query did not see (added between the reads) goes last; the version has moved on anyway.
      const seen = new Uint8Array(size)
      for (const d of docs) seen[d] = 1
      for (let d = 0; d < size; d++) if (!seen[d]) docs.push(d)
      return Uint32Array.from(docs)
    }
    const byName = placed(orders.byName)
    const byNewest = placed(orders.byNewest)
    const nameRank = new Uint32Array(size)
    byName.forEach((doc, i) => (nameRank[doc] = i))

    const keyFacet = this.keys.map((k) => k.slice(0, k.indexOf(':')))
    const facetIds = new Map<string, number>()
    for (const f of keyFacet) if (!facetIds.has(f)) facetIds.set(f, Math.min(facetIds.size, 30))
    // Names by hash, for binary search.
    const names = this.nameHashes.length
    const byHash = new Uint32Array(names).map((_, i) => i).sort((a, b) => this.nameHashes.data[a]! - this.nameHashes.data[b]! || a - b)
    const nameHashes = Float64Array.from(byHash, (i) => this.nameHashes.data[i]!)
    const nameDocs = Uint32Array.from(byHash, (i) => this.nameDocs.data[i]!)
    return {
      version,
      size,
      ids,
      lexemes,
      postStart,
      postDocs,
      postCode,
      codeScore: Float32Array.from(this.codeScore),
      codeWeights: Uint8Array.from(this.codeWeights),
      keys: this.keys,
      keyId: this.keyId,
      keyFacet,
      keyFacetId: Uint8Array.from(keyFacet, (f) => facetIds.get(f) ?? 30),
      facetIds,
      keyStart,
      keyDocs,
      docKeyStart,
      docKeys,
      orgStart,
      orgRows,
      docOrgStart,
      docOrgs,
      category: Uint8Array.from(this.categoryOf),
      categories: this.categories,
      byName,
      byNewest,
      nameRank,
      nameHashes,
      nameDocs,
      allCounts,
      scratchScore: new Float64Array(size),
      scratchCount: new Uint16Array(size),
    }
  }
}
