import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { buildThemeCss } from './theme.ts'

// One stylesheet for every page, built once per process (decision 0025): the rules of the NL Design System CSS whose
// component classes the sources use, then the theme's tokens, then the layout (app.css); minified, named by a hash
// of its content so that browsers may keep it for a year.

const require = createRequire(import.meta.url)
const THEME_DIR = import.meta.dirname
const SOURCE_DIR = join(import.meta.dirname, '..')

/** Every `utrecht-…` class the sources name; a name ending in - or _ is a prefix (`utrecht-heading-${level}`). */
export function usedUtrechtClasses(sourceDir = SOURCE_DIR): { names: Set<string>; prefixes: string[] } {
  const names = new Set<string>()
  const prefixes = new Set<string>()
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) walk(path)
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
        for (const [name] of readFileSync(path, 'utf8').matchAll(/utrecht-[a-z][a-zA-Z0-9_-]*/g)) {
          if (/[-_]$/.test(name)) prefixes.add(name)
          else names.add(name)
        }
      }
    }
  }
  walk(sourceDir)
  return { names, prefixes: [...prefixes] }
}

/** The end of the block that opens at `open` (a `{`), skipping strings. */
function blockEnd(css: string, open: number): number {
  let depth = 0
  for (let i = open; i < css.length; i++) {
    const c = css[i]
    if (c === '"' || c === "'") {
      const close = css.indexOf(c, i + 1)
      i = close < 0 ? css.length : close
    } else if (c === '{') depth++
    else if (c === '}' && --depth === 0) return i
  }
  return css.length
}

/** Splits at top-level commas (not those inside :is(), :not(), …). */
function splitSelectors(prelude: string): string[] {
  const parts: string[] = []
  let depth = 0
  let start = 0
  for (let i = 0; i < prelude.length; i++) {
    const c = prelude[i]
    if (c === '(') depth++
    else if (c === ')') depth--
    else if (c === ',' && depth === 0) {
      parts.push(prelude.slice(start, i))
      start = i + 1
    }
  }
  parts.push(prelude.slice(start))
  return parts.map((p) => p.trim()).filter(Boolean)
}

/**
 * Keeps the rules whose selectors name only used component classes. Classes inside functional pseudo-classes
 * (`:not(.x--disabled)`, `:is(…)`) do not count: such a rule still applies to the used element.
 */
export function purgeCss(css: string, used: (className: string) => boolean): string {
  const out: string[] = []
  let i = 0
  while (i < css.length) {
    const brace = css.indexOf('{', i)
    const semi = css.indexOf(';', i)
    if (brace < 0) break
    if (semi >= 0 && semi < brace) {
      // A statement (@charset, @import): the stylesheet is served as UTF-8, nothing else is imported.
      i = semi + 1
      continue
    }
    const prelude = css.slice(i, brace).trim()
    const end = blockEnd(css, brace)
    const body = css.slice(brace + 1, end)
    i = end + 1
    if (/^@(media|supports|container)\b/.test(prelude)) {
      const inner = purgeCss(body, used)
      if (inner.trim()) out.push(`${prelude}{${inner}}`)
    } else if (prelude.startsWith('@')) out.push(`${prelude}{${body}}`)
    else {
      const kept = splitSelectors(prelude).filter((selector) => {
        const outside = selector.replace(/\([^()]*(\([^()]*\)[^()]*)*\)/g, '')
        return [...outside.matchAll(/\.(utrecht-[a-zA-Z0-9_-]+)/g)].every(([, name]) => used(name!))
      })
      if (kept.length > 0) out.push(`${kept.join(',')}{${body}}`)
    }
  }
  return out.join('\n')
}

/** Comments and needless white space out; strings and the spaces that matter (descendant selectors, calc) stay. */
export function minifyCss(css: string): string {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/;}/g, '}')
    .trim()
}

const hashOf = (body: string) => createHash('sha256').update(body).digest('hex').slice(0, 12)

export interface Asset {
  /** The address, with the content hash in its name. */
  path: string
  body: string
  type: string
}

export interface AssetBundle {
  css: Asset
  icon: Asset
  selectArrow: Asset
}

function hashed(base: string, extension: string, body: string, type: string): Asset {
  return { path: `/assets/${base}.${hashOf(body)}.${extension}`, body, type }
}

/** Builds the stylesheet and the icons with their hashed names. */
export function buildAssets(): AssetBundle {
  const { names, prefixes } = usedUtrechtClasses()
  const used = (name: string) => names.has(name) || prefixes.some((prefix) => name.startsWith(prefix))
  const utrecht = purgeCss(readFileSync(require.resolve('@utrecht/component-library-css/dist/index.css'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, ''), used)
  const icon = hashed('favicon', 'svg', readFileSync(join(THEME_DIR, 'favicon.svg'), 'utf8'), 'image/svg+xml')
  const selectArrow = hashed('select-arrow', 'svg', readFileSync(join(THEME_DIR, 'select-arrow.svg'), 'utf8'), 'image/svg+xml')
  const app = readFileSync(join(THEME_DIR, 'app.css'), 'utf8').replaceAll('/assets/select-arrow.svg', selectArrow.path)
  const css = hashed('app', 'css', minifyCss(`${utrecht}\n${buildThemeCss()}\n${app}`), 'text/css; charset=utf-8')
  return { css, icon, selectArrow }
}

let built: AssetBundle | undefined

/** The assets of this process, built at first use (the server builds them at start). */
export function assets(): AssetBundle {
  built ??= buildAssets()
  return built
}
