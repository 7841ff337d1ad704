import { link } from './components/index.ts'
import { html, type SafeHtml } from './html.ts'

// Up to the first space, quote or angle bracket; what ends a sentence is trimmed off below.
const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"'`]+/gi

/** An address without the punctuation that followed it in the sentence ("see https://x.org/a." or "(https://x.org)"). */
function trimTrailing(url: string): string {
  let end = url.length
  for (;;) {
    const last = url[end - 1]
    const body = url.slice(0, end)
    if (last && '.,;:!?*'.includes(last)) end--
    // A closing bracket belongs to the address only when the address opened it (e.g. Wikipedia's "Foo_(bar)").
    else if (last === ')' && body.split('(').length < body.split(')').length) end--
    else if (last === ']' && body.split('[').length < body.split(']').length) end--
    else return url.slice(0, end)
  }
}

function isWebAddress(text: string): boolean {
  try {
    const url = new URL(text)
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== ''
  } catch {
    return false
  }
}

/** Plain text with its http(s) addresses as links; everything else escaped, line breaks left to the style sheet. */
export function linkify(text: string): SafeHtml {
  const parts: (SafeHtml | string)[] = []
  let from = 0
  for (const match of text.matchAll(URL_IN_TEXT)) {
    const url = trimTrailing(match[0])
    if (!isWebAddress(url)) continue
    parts.push(text.slice(from, match.index), link(url, url))
    from = match.index + url.length
  }
  parts.push(text.slice(from))
  return html`${parts}`
}
