// Dutch writes compounds as one word (datadeling, gegevensbescherming) where a tool may say "data delen" or
// "bescherming van gegevens". A query word the catalogue does not know is split into two words it does know, with
// the linking -s- of Dutch (gegevens-s-bescherming) and, for a second part in -ing, its verb (deling: delen).

/** Each part of a split is at least this long (shorter pieces match too much: "ai", "de"). */
const MIN_PART = 3
/** Words shorter than this are not split (two parts of at least MIN_PART). */
export const MIN_COMPOUND = MIN_PART * 2

export interface CompoundPart {
  /** The part as written, and words it may also be (a verb for a noun in -ing). */
  words: string[]
}

export interface CompoundSplit {
  head: string
  tail: CompoundPart
}

/** The words a part may be: itself, and for a noun in -ing the verb it comes from (deling: delen, meting: meten). */
function forms(part: string): string[] {
  if (!part.endsWith('ing') || part.length < MIN_PART + 3) return [part]
  const stem = part.slice(0, -3)
  return [part, `${stem}en`]
}

/** Every way to cut a word into a head and a tail (with or without a linking s), longest head first. */
export function compoundSplits(word: string): CompoundSplit[] {
  if (word.length < MIN_COMPOUND || !/^[a-z]+$/.test(word)) return []
  const splits: CompoundSplit[] = []
  for (let cut = word.length - MIN_PART; cut >= MIN_PART; cut--) {
    const head = word.slice(0, cut)
    splits.push({ head, tail: { words: forms(word.slice(cut)) } })
    // A linking s (gegevens + s + bescherming): the s belongs to neither word.
    if (word[cut] === 's' && word.length - cut - 1 >= MIN_PART) splits.push({ head, tail: { words: forms(word.slice(cut + 1)) } })
  }
  return splits
}

/** Every word a split of these words could need to know (to ask the catalogue in one go). */
export function splitVocabulary(words: string[]): string[] {
  const all = new Set<string>()
  for (const word of words) for (const split of compoundSplits(word)) [split.head, ...split.tail.words].forEach((w) => all.add(w))
  return [...all]
}

/**
 * The best split of a word into two known words: the head and at least one form of the tail known, the most
 * even cut first (data|deling before datadel|ing). The tail keeps only its known forms. Undefined: no such split.
 */
export function bestSplit(word: string, known: ReadonlySet<string>): { head: string; tail: string[] } | undefined {
  let best: { head: string; tail: string[]; balance: number } | undefined
  for (const split of compoundSplits(word)) {
    if (!known.has(split.head)) continue
    const tail = split.tail.words.filter((w) => known.has(w))
    if (tail.length === 0) continue
    const balance = Math.min(split.head.length, split.tail.words[0]!.length)
    if (!best || balance > best.balance) best = { head: split.head, tail, balance }
  }
  return best && { head: best.head, tail: best.tail }
}
