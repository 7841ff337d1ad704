/**
 * Removes control and formatting characters, normalises Unicode and white space. Multi-line text (a textarea)
 * keeps its line breaks, at most one empty line in a row.
 */
export function cleanText(text: string, options: { multiline?: boolean } = {}): string {
  const normalized = text.normalize('NFKC')
  if (!options.multiline) {
    return normalized
      .replace(/[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}]/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  }
  return normalized
    .replace(/\r\n?/g, '\n')
    .replace(/[^\S\n]+/g, ' ')
    .replace(/[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}]/gu, (c) => (c === '\n' ? c : ' '))
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}
