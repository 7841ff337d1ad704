// Small formatting helpers the curation pages share.
import type { Locale } from '../../../i18n/messages.ts'
import { formatDate } from '../../../views/format.ts'
import type { ReferenceData } from '../../reference/reference.service.ts'

export const formatDateTime = (locale: Locale, value: Date | string) => formatDate(locale, value, { style: 'medium', time: true })

/** A tool's name in the page's language, or in the other one when it has no name in this one. */
export const toolName = (locale: Locale, tool: { name_nl: string | null; name_en: string | null }) => (locale === 'en' ? (tool.name_en ?? tool.name_nl) : (tool.name_nl ?? tool.name_en)) ?? ''

export const formName = (locale: Locale, reference: ReferenceData, code: string | null) => {
  if (!code) return '–'
  const form = reference.formsByCode.get(code)
  return (locale === 'nl' ? form?.name_nl : form?.name_en) ?? code
}

export const criterionName = (locale: Locale, reference: ReferenceData, code: string) => {
  const criterion = reference.criteriaByCode.get(code)
  return criterion ? (locale === 'nl' ? criterion.name_nl : criterion.name_en) : code
}
