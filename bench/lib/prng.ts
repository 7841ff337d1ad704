// A small seeded pseudo-random generator and the sampling helpers the generator and query mix use.
// Everything in bench/ that looks random comes from here, so a run with the same seed is the same run.

/** sfc32: fast, good enough for synthetic data, and identical on every platform. */
export class Random {
  #a: number
  #b: number
  #c: number
  #d: number

  constructor(seed: number) {
    this.#a = 0x9e3779b9
    this.#b = 0x243f6a88
    this.#c = 0xb7e15162
    this.#d = seed >>> 0
    for (let i = 0; i < 15; i++) this.next()
  }

  /** A float in [0, 1). */
  next(): number {
    const a = this.#a, b = this.#b, c = this.#c, d = this.#d
    const t = (((a + b) | 0) + d) | 0
    this.#d = (d + 1) | 0
    this.#a = b ^ (b >>> 9)
    this.#b = (c + (c << 3)) | 0
    this.#c = (c << 21) | (c >>> 11)
    this.#c = (this.#c + t) | 0
    return (t >>> 0) / 4294967296
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  chance(p: number): boolean {
    return this.next() < p
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list')
    return items[Math.floor(this.next() * items.length)]!
  }

  /** One of the keys, with probability proportional to its weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const entries = Object.entries(weights) as [K, number][]
    const total = entries.reduce((s, [, w]) => s + w, 0)
    let x = this.next() * total
    for (const [key, w] of entries) {
      x -= w
      if (x < 0) return key
    }
    return entries[entries.length - 1]![0]
  }

  /** Up to n distinct items, each drawn with the given sampler (bounded: 20 tries per item). */
  distinct<T>(n: number, draw: () => T): T[] {
    const out: T[] = []
    for (let tries = 0; out.length < n && tries < n * 20; tries++) {
      const x = draw()
      if (!out.includes(x)) out.push(x)
    }
    return out
  }

  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items]
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1))
      ;[out[i], out[j]] = [out[j]!, out[i]!]
    }
    return out
  }
}

/** Samples ranks 0..n-1 with P(k) ∝ 1/(k+1)^s (Zipf): rank 0 is by far the most frequent. */
export class Zipf {
  readonly #cdf: number[]

  constructor(n: number, s = 1) {
    const weights = Array.from({ length: n }, (_, k) => 1 / Math.pow(k + 1, s))
    const total = weights.reduce((a, b) => a + b, 0)
    let acc = 0
    this.#cdf = weights.map((w) => (acc += w / total))
  }

  sample(random: Random): number {
    const x = random.next()
    let lo = 0
    let hi = this.#cdf.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (this.#cdf[mid]! < x) lo = mid + 1
      else hi = mid
    }
    return lo
  }
}
