import { html, type SafeHtml } from '../../../views/html.ts'

/** Characters XML 1.0 does not allow at all, even escaped: a stray one would make the whole document unreadable. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g

/**
 * Text for an XML document: html`` escapes the five special characters (its &#39; is a valid XML reference too);
 * this also drops the control characters XML forbids.
 */
export function xmlText(text: string): string {
  return text.replace(NOT_XML, '')
}

/** An XML document from html``-escaped markup, with its declaration. */
export function xmlDocument(body: SafeHtml): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${body}`
}

export { html as xml }
