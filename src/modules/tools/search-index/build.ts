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
  ids: Float64Array
  docOf: Map<number, number>
  /** Lexemes, sorted (a prefix's lexemes are one range); postings of lexeme i are postStart[i]..postStart[i+1]. */
  lexemes: string[]
  lexemeId: Map<string, number>
  postStart: Uint32Array
  postDocs: Uint32Array
  /** ts_rank's calc_rank_or contribution of the lexeme in that tool (from its positions and weights). */
  postScore: Float32Array
  /** The weights of the lexeme's positions in that tool (WEIGHT_BIT): A is a name or alias, B a description. */
  postWeights: Uint8Array
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
  /** Tools by lower(unaccent(name or alias)): one tool, or several that share the name. */
  exactNames: Map<string, number | number[]>
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

type Numbers = Uint8Array | Uint32Array | Float32Array

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
  private entryScore: Grow<Float32Array>
  private entryWeights: Grow<Uint8Array>
  private keyId = new Map<string, number>()
  private keys: string[] = []
  private docKeyStart: number[] = [0]
  private docKeys = new Grow((n) => new Uint32Array(n), 1 << 12)
  private exactNames = new Map<string, number | number[]>()
  private orgNumber = new Map<number, number>()
  private docOrgStart: number[] = [0]
  private docOrgs = new Grow((n) => new Uint32Array(n), 1 << 12)

  /** expectedTools sizes the buffers (about 42 lexemes a tool), so they need not grow (and leave freed copies). */
  constructor(expectedTools = 1000) {
    const capacity = Math.max(1 << 12, Math.ceil(expectedTools * 48))
    this.entryLexeme = new Grow((n) => new Uint32Array(n), capacity)
    this.entryScore = new Grow((n) => new Float32Array(n), capacity)
    this.entryWeights = new Grow((n) => new Uint8Array(n), capacity)
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
        this.entryScore.push(score)
        this.entryWeights.push(weights)
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
        const docs = this.exactNames.get(name)
        if (docs === undefined) this.exactNames.set(name, doc)
        else if (typeof docs === 'number') this.exactNames.set(name, [docs, doc])
        else docs.push(doc)
      }
    }
  }

  finish(version: number, orders: { byName: number[]; byNewest: number[] }): SearchIndex {
    const size = this.ids.length
    const ids = Float64Array.from(this.ids)
    const docOf = new Map<number, number>()
    this.ids.forEach((id, doc) => docOf.set(id, doc))

    // Lexemes sorted, postings grouped by lexeme (a counting sort; tools stay in id order within a lexeme).
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
    const postScore = new Float32Array(n)
    const postWeights = new Uint8Array(n)
    for (let d = 0; d < size; d++) {
      for (let e = this.entryStart[d]!; e < this.entryStart[d + 1]!; e++) {
        const at = fill[rank[this.entryLexeme.data[e]!]!]!++
        postDocs[at] = d
        postScore[at] = this.entryScore.data[e]!
        postWeights[at] = this.entryWeights.data[e]!
      }
    }

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
        const doc = docOf.get(id)
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
    return {
      version,
      size,
      ids,
      docOf,
      lexemes,
      lexemeId: new Map(lexemes.map((l, i) => [l, i])),
      postStart,
      postDocs,
      postScore,
      postWeights,
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
      exactNames: this.exactNames,
      allCounts,
      scratchScore: new Float64Array(size),
      scratchCount: new Uint16Array(size),
    }
  }
}
