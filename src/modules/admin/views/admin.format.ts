// Small formatting helpers the administration pages share.
import { label, translator } from '../../../i18n/i18n.ts'
import type { Locale } from '../../../i18n/messages.ts'
import { ValidationError, type AppError } from '../../../errors.ts'
import { alert } from '../../../views/components/index.ts'
import { formatDate } from '../../../views/format.ts'

export const formatDateTime = (locale: Locale, value: Date | string | null) => (value ? formatDate(locale, value, { style: 'medium', time: true }) : '–')

/** An organisation a user can belong to, or a duplicate can be merged into. */
export interface OrganisationChoice {
  id: number
  name: string
  kind: string
  cbs_code: string | null
}

/** Select options for organisations: name, kind and CBS code, so that namesakes can be told apart. */
export function organisationOptions(locale: Locale, organisations: OrganisationChoice[], none?: string) {
  return [
    ...(none === undefined ? [] : [{ value: '', label: none }]),
    ...organisations.map((o) => ({ value: String(o.id), label: `${o.name} (${label(locale, 'kind', o.kind)}${o.cbs_code ? `, ${o.cbs_code}` : ''})` })),
  ]
}

/**
 * A refusal that the form's own field messages do not show (a conflict such as the last administrator, or input the
 * page has no field for), as an alert at the top of the page.
 */
export function refusalAlert(locale: Locale, error: AppError | undefined, shownByFields: boolean) {
  if (!error || (shownByFields && error instanceof ValidationError)) return ''
  return alert('error', translator(locale)(error.messageKey, error.params), { role: 'alert' })
}
