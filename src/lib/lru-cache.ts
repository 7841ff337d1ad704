/** A small least-recently-used cache whose entries belong to one version of the data they were made from. */
export class VersionedLru<V> {
  readonly #entries = new Map<string, { version: number; value: V }>()
  readonly maxEntries: number
  constructor(maxEntries: number) {
    this.maxEntries = maxEntries
  }

  get(key: string, version: number): V | undefined {
    const hit = this.#entries.get(key)
    if (!hit) return undefined
    this.#entries.delete(key)
    if (hit.version !== version) return undefined
    this.#entries.set(key, hit)
    return hit.value
  }

  set(key: string, version: number, value: V) {
    if (this.maxEntries <= 0) return
    this.#entries.delete(key)
    this.#entries.set(key, { version, value })
    if (this.#entries.size > this.maxEntries) this.#entries.delete(this.#entries.keys().next().value!)
  }
}
