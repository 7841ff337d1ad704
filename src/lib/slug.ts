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
