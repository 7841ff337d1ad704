import { componentName } from '../../lib/schema.ts'

/** A JSON Schema object as the OpenAPI document writes it. */
export type SchemaObject = { [key: string]: unknown }

/**
 * Turns the schemas the routes validate and serialise with into OpenAPI 3.0 schema objects, each named component
 * written once under components.schemas and referred to everywhere else. TypeBox's own marks (symbol keys) are
 * left behind, and what OpenAPI 3.0 lacks is written the 3.0 way: a union of literals becomes an `enum`, the
 * app's `http-url` format a `uri` with an http(s) pattern; the app's `multiline` hint is dropped.
 */
export function createSchemaRegistry() {
  const components: Record<string, SchemaObject> = {}
  const sources = new Map<string, object>()

  function register(name: string, schema: object) {
    const known = sources.get(name)
    if (known === schema) return
    const converted = convertObject(schema)
    if (known && JSON.stringify(components[name]) !== JSON.stringify(converted)) throw new Error(`Two different schemas are named ${name}`)
    sources.set(name, schema)
    components[name] = converted
  }

  function convert(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(convert)
    if (value === null || typeof value !== 'object') return value
    const name = componentName(value)
    if (name) {
      register(name, value)
      return { $ref: `#/components/schemas/${name}` }
    }
    return convertObject(value)
  }

  function convertObject(schema: object): SchemaObject {
    const out: SchemaObject = {}
    const { anyOf } = schema as { anyOf?: { const?: unknown }[] }
    const literals = anyOf?.map((s) => s.const) ?? []
    for (const [key, value] of Object.entries(schema)) {
      if (key === 'multiline') continue
      if (key === 'anyOf' && literals.length > 0 && literals.every((v) => typeof v === 'string')) {
        Object.assign(out, { type: 'string', enum: literals })
        continue
      }
      out[key] = key === 'properties' ? Object.fromEntries(Object.entries(value as object).map(([p, s]) => [p, convert(s)])) : convert(value)
    }
    if ('const' in out) {
      out.enum = [out.const]
      delete out.const
    }
    if (out.format === 'http-url') Object.assign(out, { format: 'uri', pattern: '^https?://' })
    return out
  }

  return {
    /** The schema for use in the document: a reference when it is a named component. */
    schema: (schema: object) => convert(schema) as SchemaObject,
    /** Every component met so far, for components.schemas. */
    components,
  }
}
