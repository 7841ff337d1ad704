import { readFileSync } from 'node:fs'
import { join } from 'node:path'

type TokenTree = { [key: string]: TokenTree | { value: string } }

function isToken(node: unknown): node is { value: string } {
  return typeof node === 'object' && node !== null && 'value' in node
}

/** Flattens design tokens to CSS custom properties; {a.b} references become var(--a-b). */
export function tokensToCss(tokens: TokenTree, selector: string): string {
  const lines: string[] = []
  const walk = (node: TokenTree, path: string[]) => {
    for (const [key, child] of Object.entries(node)) {
      if (isToken(child)) {
        const value = child.value.replace(/\{([^}]+)\}/g, (_m, ref: string) => `var(--${ref.replace(/\./g, '-')})`)
        lines.push(`  --${[...path, key].join('-')}: ${value};`)
      } else walk(child, [...path, key])
    }
  }
  walk(tokens, [])
  return `${selector} {\n${lines.join('\n')}\n}\n`
}

/** The City Deal theme: tokens.json as CSS custom properties on .citydeal-theme. */
export function buildThemeCss(): string {
  const tokens = JSON.parse(readFileSync(join(import.meta.dirname, 'tokens.json'), 'utf8')) as TokenTree
  return tokensToCss(tokens, '.citydeal-theme')
}
