// A horizontal bar chart drawn on the server as inline SVG: no script, no hover. Labels sit above their bar (wrapped),
// so long Dutch labels fit a phone; the numbers are written next to the bars, never only shown by length. The chart
// is an image with a title and a description; the table after it carries the same data for everyone.
import { html, type SafeHtml } from '../../../views/html.ts'

export interface BarRow {
  label: string
  value: number
  /** Drawn as an outlined bar behind the value, with its number written out. */
  target?: number | undefined
}

// Drawn at about its own size on a phone (360 wide) and at most a third larger on a wide screen (app.css), so the
// text stays between 16 and 21 pixels.
const WIDTH = 360
/** Room is left after the longest bar for its number and target ("10 (target 10)"). */
const BAR_AREA = 230
const FONT = 16
const LINE = 20
const BAR = 18
const GAP = 14
/** About the characters of one label line at this font size in this width. */
const WRAP = 38
/** Contrast on white: the bar 9.4:1, the target's outline and the text over 12:1. */
const BAR_COLOUR = '#00507d'
const INK = '#1a1a1a'

/** Splits a label into lines of at most WRAP characters, at spaces. */
export function wrapLabel(text: string, width = WRAP): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line)
      line = word
    } else line = line ? `${line} ${word}` : word
  }
  if (line) lines.push(line)
  return lines
}

/** The chart as an SVG image: `id` makes its title and description referable; `valueText` writes a row's number. */
export function barChart(spec: { id: string; title: string; description: string; rows: BarRow[]; valueText: (row: BarRow) => string }): SafeHtml {
  const max = Math.max(1, ...spec.rows.flatMap((r) => [r.value, r.target ?? 0]))
  const scale = (n: number) => (n / max) * BAR_AREA
  let y = 0
  const rows = spec.rows.map((row) => {
    const lines = wrapLabel(row.label)
    const labelTop = y
    const barTop = y + lines.length * LINE + 4
    y = barTop + BAR + GAP
    const end = Math.max(scale(row.value), row.target === undefined ? 0 : scale(row.target))
    return html`<g>
<text x="0" y="${labelTop + FONT}" font-size="${FONT}" fill="${INK}">${lines.map((l, i) => html`<tspan x="0" dy="${i === 0 ? 0 : LINE}">${l}</tspan>`)}</text>
${row.target === undefined ? '' : html`<rect x="0.75" y="${barTop + 0.75}" width="${Math.max(0, scale(row.target) - 1.5).toFixed(1)}" height="${BAR - 1.5}" fill="none" stroke="${INK}" stroke-width="1.5" stroke-dasharray="4 3"/>`}
<rect x="0" y="${barTop + 3}" width="${scale(row.value).toFixed(1)}" height="${BAR - 6}" fill="${BAR_COLOUR}"/>
<text x="${(end + 6).toFixed(1)}" y="${barTop + BAR - 3}" font-size="${FONT}" fill="${INK}">${spec.valueText(row)}</text>
</g>`
  })
  const height = Math.max(y - GAP, 1)
  return html`<svg class="citydeal-chart" role="img" aria-labelledby="${spec.id}-title ${spec.id}-desc" viewBox="0 0 ${WIDTH} ${height}" xmlns="http://www.w3.org/2000/svg" font-family="inherit">
<title id="${spec.id}-title">${spec.title}</title>
<desc id="${spec.id}-desc">${spec.description}</desc>
${rows}
</svg>`
}
