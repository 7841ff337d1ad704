/** A JSON Schema object as the OpenAPI document writes it. */
type Schema = { [key: string]: unknown }

/** How many values of an enumeration the reference lists before it says how many more there are. */
const ENUM_SHOWN = 12

/** One part of a schema's summary: text, or the name of a component schema (the page links it). */
export type SummaryPart = { text: string } | { component: string }

const isSchema = (value: unknown): value is Schema => value !== null && typeof value === 'object' && !Array.isArray(value)

/**
 * A schema in a few words, for the reference: `string (uri)`, `array of Tool`, `one of: a, b, c`, `integer ≥ 1`.
 * References to components stay references, so the page can link to their description.
 */
export function summarise(schema: unknown): SummaryPart[] {
  if (!isSchema(schema)) return [{ text: 'any' }]
  if (typeof schema.$ref === 'string') return [{ component: schema.$ref.split('/').pop()! }]
  const nullable = schema.nullable === true ? [{ text: ' or null' }] : []
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    const options = schema[key]
    if (Array.isArray(options)) {
      const joined = options.flatMap((option, i) => [...(i > 0 ? [{ text: key === 'allOf' ? ' and ' : ' or ' }] : []), ...summarise(option)])
      return [...joined, ...nullable]
    }
  }
  if (Array.isArray(schema.enum)) {
    const values = schema.enum.map(String)
    const shown = values.slice(0, ENUM_SHOWN).join(', ')
    const more = values.length > ENUM_SHOWN ? `, … (${values.length} values)` : ''
    return [{ text: values.length === 1 ? `“${values[0]}”` : `one of: ${shown}${more}` }, ...nullable]
  }
  if (schema.type === 'array') return [{ text: 'array of ' }, ...summarise(schema.items), ...limits(schema), ...nullable]
  const type = typeof schema.type === 'string' ? schema.type : 'object'
  const format = typeof schema.format === 'string' ? ` (${schema.format})` : ''
  return [{ text: `${type}${format}` }, ...limits(schema), ...nullable]
}

function limits(schema: Schema): SummaryPart[] {
  const parts: string[] = []
  if (typeof schema.minimum === 'number') parts.push(`≥ ${schema.minimum}`)
  if (typeof schema.maximum === 'number') parts.push(`≤ ${schema.maximum}`)
  if (typeof schema.minLength === 'number' && schema.minLength > 0) parts.push(`at least ${schema.minLength} characters`)
  if (typeof schema.maxLength === 'number') parts.push(`at most ${schema.maxLength} characters`)
  if (typeof schema.maxItems === 'number') parts.push(`at most ${schema.maxItems} items`)
  if (schema.default !== undefined) parts.push(`default ${JSON.stringify(schema.default)}`)
  return parts.length > 0 ? [{ text: `, ${parts.join(', ')}` }] : []
}

/** The properties of an object schema, each with whether it is required, its summary and its description. */
export function properties(schema: unknown): { name: string; required: boolean; summary: SummaryPart[]; description: string | undefined }[] {
  if (!isSchema(schema) || !isSchema(schema.properties)) return []
  const required = new Set(Array.isArray(schema.required) ? schema.required.map(String) : [])
  return Object.entries(schema.properties).map(([name, value]) => ({
    name,
    required: required.has(name),
    summary: summarise(value),
    description: isSchema(value) && typeof value.description === 'string' ? value.description : undefined,
  }))
}
