import { FormatRegistry, type Static, type TSchema } from '@sinclair/typebox'
import { Value, ValueErrorType } from '@sinclair/typebox/value'
import { ValidationError, type FieldProblem } from '../errors.ts'
import { cleanText } from './text.ts'

// Length first: the patterns then run on short strings only.
FormatRegistry.Set('email', (value) => value.length <= 254 && /^[^\s@]{1,64}@[^\s@.]+(\.[^\s@.]+)+$/.test(value))
/** A web address people can open: http or https, a host name with a dot, nothing that breaks out of markup. */
FormatRegistry.Set('http-url', (value) => {
  if (value.length > 2000 || /[\s<>"]/.test(value)) return false
  try {
    const url = new URL(value)
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.') && /^https?:\/\//i.test(value)
  } catch {
    return false
  }
})

/** A calendar date as a date field sends it (2026-12-03), a real day between 1900 and 2100. */
FormatRegistry.Set('iso-date', (value) => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!match) return false
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  return year >= 1900 && year <= 2100 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
})

interface PropertySchema {
  type?: string
  maxLength?: number
  format?: string
  /** A textarea: line breaks are kept. */
  multiline?: boolean
}

/**
 * Validates a form or JSON body against its one schema. Strings are cleaned (Unicode normalised, control
 * characters removed, trimmed) and empty strings dropped first; problems come back per field, translatable.
 */
export function validateInput<S extends TSchema>(schema: S, input: unknown): Static<S> {
  const cleaned: Record<string, unknown> = {}
  const properties = (schema as { properties?: Record<string, PropertySchema> }).properties ?? {}
  const tooLong: FieldProblem[] = []
  if (input && typeof input === 'object') {
    for (const [key, value] of Object.entries(input as Record<string, unknown>)) {
      if (key.startsWith('_')) continue
      // Over-long text is refused before any pattern runs on it.
      const max = properties[key]?.maxLength
      if (typeof value === 'string' && max !== undefined && value.length > max * 4 + 100) {
        tooLong.push({ name: key, messageKey: 'validation.tooLong', params: { max } })
        continue
      }
      if (typeof value === 'string') {
        const text = key.toLowerCase().includes('password') ? value : cleanText(value, { multiline: properties[key]?.multiline === true })
        if (text !== '') cleaned[key] = text
      } else if (Array.isArray(value)) {
        // Non-strings in a list are kept so that they fail validation rather than vanish.
        cleaned[key] = value.map((v) => (typeof v === 'string' ? cleanText(v) : v)).filter((v) => v !== '')
      } else if (typeof value === 'boolean' || typeof value === 'number') {
        cleaned[key] = value
      }
    }
    for (const [key, value] of Object.entries(cleaned)) {
      // A form sends one ticked checkbox as a string: a list field gets a list of one. Lists hold each value once.
      if (properties[key]?.type === 'array') cleaned[key] = [...new Set(typeof value === 'string' ? [value] : (value as unknown[]))]
      // Web addresses are stored with a lower-case scheme (HTTPS://… is the same address).
      if (properties[key]?.format === 'http-url' && typeof value === 'string') cleaned[key] = value.replace(/^https?:/i, (scheme) => scheme.toLowerCase())
    }
  }
  const converted = Value.Convert(schema, cleaned)
  const problems: FieldProblem[] = [...tooLong]
  const seen = new Set<string>(tooLong.map((p) => p.name))
  for (const error of Value.Errors(schema, converted)) {
    const name = error.path.replace(/^\//, '').split('/')[0] || error.schema.title || 'form'
    if (seen.has(name)) continue
    seen.add(name)
    problems.push(problemFor(error.type, error.schema as Record<string, unknown>, name, error.value))
  }
  if (problems.length > 0) throw new ValidationError(problems)
  return converted as Static<S>
}

/** Runs several validations and then throws one ValidationError with all their problems, so every one shows at once. */
export function validationCollector() {
  const problems: FieldProblem[] = []
  return {
    run<T>(work: () => T): T | undefined {
      try {
        return work()
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error
        problems.push(...error.details)
        return undefined
      }
    },
    check() {
      if (problems.length > 0) throw new ValidationError(problems)
    },
  }
}

function problemFor(type: ValueErrorType, schema: Record<string, unknown>, name: string, value: unknown): FieldProblem {
  switch (type) {
    case ValueErrorType.ObjectRequiredProperty:
      return { name, messageKey: 'validation.required' }
    case ValueErrorType.StringMaxLength:
      return { name, messageKey: 'validation.tooLong', params: { max: Number(schema.maxLength) } }
    case ValueErrorType.StringMinLength:
      return { name, messageKey: 'validation.tooShort', params: { min: Number(schema.minLength) } }
    case ValueErrorType.StringFormat:
      return { name, messageKey: schema.format === 'email' ? 'validation.email' : schema.format === 'http-url' ? 'validation.url' : schema.format === 'iso-date' ? 'validation.date' : 'validation.invalid' }
    case ValueErrorType.Union:
    case ValueErrorType.Literal:
      return { name, messageKey: 'validation.unknownValue', params: { value: String(value).slice(0, 60) } }
    case ValueErrorType.Integer:
    case ValueErrorType.IntegerMinimum:
    case ValueErrorType.IntegerMaximum:
      // A whole number in a range says which range (pageSize=1000 says the most it may be).
      if (typeof schema.minimum === 'number' && typeof schema.maximum === 'number') {
        return { name, messageKey: 'validation.numberBetween', params: { min: schema.minimum, max: schema.maximum } }
      }
      return { name, messageKey: 'validation.invalid' }
    default:
      return { name, messageKey: 'validation.invalid' }
  }
}
