import { FormatRegistry, type Static, type TSchema } from '@sinclair/typebox'
import { Value, ValueErrorType } from '@sinclair/typebox/value'
import { ValidationError, type FieldProblem } from '../errors.ts'
import { cleanText } from './text.ts'

FormatRegistry.Set('email', (value) => /^[^\s@]{1,64}@[^\s@]+\.[^\s@]+$/.test(value) && value.length <= 254)

/**
 * Validates a form or JSON body against its one schema. Strings are cleaned (Unicode normalised, control
 * characters removed, trimmed) and empty strings dropped first; problems come back per field, translatable.
 */
export function validateInput<S extends TSchema>(schema: S, input: unknown): Static<S> {
  const cleaned: Record<string, unknown> = {}
  if (input && typeof input === 'object') {
    for (const [key, value] of Object.entries(input as Record<string, unknown>)) {
      if (key.startsWith('_')) continue
      if (typeof value === 'string') {
        const text = key.toLowerCase().includes('password') ? value : cleanText(value)
        if (text !== '') cleaned[key] = text
      } else if (Array.isArray(value)) {
        // Non-strings in a list are kept so that they fail validation rather than vanish.
        cleaned[key] = value.map((v) => (typeof v === 'string' ? cleanText(v) : v)).filter((v) => v !== '')
      } else if (typeof value === 'boolean' || typeof value === 'number') {
        cleaned[key] = value
      }
    }
    // A form sends one ticked checkbox as a string: a list field gets a list of one.
    const properties = (schema as { properties?: Record<string, { type?: string }> }).properties ?? {}
    for (const [key, value] of Object.entries(cleaned)) {
      if (properties[key]?.type === 'array' && typeof value === 'string') cleaned[key] = [value]
    }
  }
  const converted = Value.Convert(schema, cleaned)
  const problems: FieldProblem[] = []
  const seen = new Set<string>()
  for (const error of Value.Errors(schema, converted)) {
    const name = error.path.replace(/^\//, '').split('/')[0] || error.schema.title || 'form'
    if (seen.has(name)) continue
    seen.add(name)
    problems.push(problemFor(error.type, error.schema as Record<string, unknown>, name, error.value))
  }
  if (problems.length > 0) throw new ValidationError(problems)
  return converted as Static<S>
}

function problemFor(type: ValueErrorType, schema: Record<string, unknown>, name: string, value: unknown): FieldProblem {
  switch (type) {
    case ValueErrorType.ObjectRequiredProperty:
      return { name, messageKey: 'validation.required' }
    case ValueErrorType.StringMaxLength:
      return { name, messageKey: 'validation.tooLong', params: { max: Number(schema.maxLength) } }
    case ValueErrorType.StringMinLength:
      return { name, messageKey: 'validation.tooShort', params: { min: Number(schema.minLength) } }
    case ValueErrorType.StringPattern:
      return { name, messageKey: schema.title === 'websiteUrl' ? 'validation.url' : 'validation.invalid' }
    case ValueErrorType.StringFormat:
      return { name, messageKey: schema.format === 'email' ? 'validation.email' : 'validation.invalid' }
    case ValueErrorType.Union:
    case ValueErrorType.Literal:
      return { name, messageKey: 'validation.unknownValue', params: { value: String(value).slice(0, 60) } }
    default:
      return { name, messageKey: 'validation.invalid' }
  }
}
