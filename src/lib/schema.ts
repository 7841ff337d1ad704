import { Type, type SchemaOptions, type Static, type TSchema, type TUnsafe } from '@sinclair/typebox'

// Response schemas serve twice: Fastify serialises responses through them, and the OpenAPI 3.0 document is
// generated from them. OpenAPI 3.0 knows neither `const` nor `type: null`, so these helpers write what both read.

/** Marks a schema as a named component of the API document; spreads (Type.Optional) keep the mark. */
const COMPONENT = Symbol('openapi.component')

/** Gives a schema a component name: the API document defines it once and refers to it everywhere else. */
export function Component<T extends TSchema>(name: string, schema: T): T {
  return Object.assign(schema, { [COMPONENT]: name })
}

export function componentName(schema: object): string | undefined {
  return (schema as { [COMPONENT]?: string })[COMPONENT]
}

/** A string from a fixed list, as `enum` (OpenAPI 3.0 has no `const`, which Type.Literal writes). */
export function StringEnum<const T extends readonly string[]>(values: T, options: SchemaOptions = {}): TUnsafe<T[number]> {
  return Type.Unsafe<T[number]>({ ...options, type: 'string', enum: [...values] })
}

/**
 * The schema or null, as OpenAPI 3.0 writes it (`nullable: true` beside `type`). A nullable value is never a
 * reference: the copy loses the component name, so the document writes it out in place.
 */
export function Nullable<T extends TSchema>(schema: T): TUnsafe<Static<T> | null> {
  const { [COMPONENT]: _name, ...rest } = schema as T & { [COMPONENT]?: string; enum?: unknown[] }
  const copy: Record<string, unknown> = { ...rest, nullable: true }
  // An enum lists every allowed value, null included (OpenAPI 3.0.3).
  if (Array.isArray(rest.enum)) copy.enum = [...rest.enum, null]
  return Type.Unsafe<Static<T> | null>(copy)
}
