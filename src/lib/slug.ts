/**
 * The one slug rule: lower-case ASCII letters and digits in words joined by single hyphens, at most 120
 * characters. The database's check on tools.slug (migration 0001) says the same and keeps its own text.
 */
export const SLUG_PATTERN = '^[a-z0-9]+(-[a-z0-9]+)*$'
export const SLUG_MAX_LENGTH = 120

const SLUG = new RegExp(SLUG_PATTERN)

/** Whether a value is a well-formed slug (so a path parameter that is not one can be a 404 without a query). */
export function isSlug(value: string): boolean {
  return value.length <= SLUG_MAX_LENGTH && SLUG.test(value)
}

/** Lower-case ASCII slug: accents dropped, every other run of non-alphanumerics one hyphen. */
export function slugify(text: string, maxLength = 80): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  if (slug.length <= maxLength) return slug
  return slug.slice(0, maxLength).replace(/-[^-]*$/, '') || slug.slice(0, maxLength)
}

