import { label, translate, translator } from '../../../i18n/i18n.ts'
import type { Locale } from '../../../i18n/messages.ts'
import { list, str, type FieldSpec, type FormValues } from '../../../views/form.ts'
import type { ReferenceData } from '../../reference/reference.service.ts'
import { DESCRIPTION_MAX, LICENCE_MAX, NAME_MAX, NOTE_MAX, OWNER_MAX, TOOL_LANGUAGES, URL_MAX } from '../submissions.schemas.ts'

/**
 * The fields that describe a shared tool, for the share form and the curator's edit form: first what duplicate
 * detection reads, then the rest.
 */
export function toolFieldSpecs(locale: Locale, reference: ReferenceData, values: FormValues) {
  const t = translator(locale)
  const identity: FieldSpec[] = [
    { name: 'name', type: 'text', value: str(values, 'name'), maxLength: NAME_MAX, required: true, hint: t('share.hint.name'), autocomplete: 'off' },
    { name: 'description', type: 'textarea', value: str(values, 'description'), maxLength: DESCRIPTION_MAX, required: true, hint: t('share.hint.description') },
    { name: 'websiteUrl', type: 'url', value: str(values, 'websiteUrl'), maxLength: URL_MAX, hint: t('share.hint.websiteUrl'), autocomplete: 'url' },
  ]
  const details: FieldSpec[] = [
    {
      name: 'form',
      type: 'select',
      value: str(values, 'form') ?? '',
      options: [{ value: '', label: t('share.unknown') }, ...reference.forms.map((f) => ({ value: f.code, label: locale === 'nl' ? f.name_nl : f.name_en }))],
    },
    {
      name: 'category',
      type: 'select',
      value: str(values, 'category') ?? '',
      options: [{ value: '', label: t('share.unknown') }, ...['content', 'governance'].map((c) => ({ value: c, label: label(locale, 'category', c) }))],
    },
    { name: 'ownerName', type: 'text', value: str(values, 'ownerName'), maxLength: OWNER_MAX, hint: t('share.hint.ownerName'), autocomplete: 'organization' },
    {
      name: 'themes',
      type: 'checkboxes',
      values: list(values, 'themes'),
      hint: t('share.hint.themes'),
      options: reference.criteria.filter((c) => c.family === 'rathenau').map((c) => ({ value: c.code, label: locale === 'nl' ? c.name_nl : c.name_en })),
    },
    {
      name: 'sdgTargets',
      type: 'checkboxes',
      values: list(values, 'sdgTargets'),
      hint: t('share.hint.sdgTargets'),
      options: reference.sdgTargets.map((s) => ({ value: s.code, label: `${s.code} ${locale === 'nl' ? s.title_nl : s.title_en}` })),
    },
    {
      name: 'languages',
      type: 'checkboxes',
      values: list(values, 'languages'),
      options: TOOL_LANGUAGES.map((l) => ({ value: l, label: label(locale, 'language', l) })),
    },
    { name: 'licence', type: 'text', value: str(values, 'licence'), maxLength: LICENCE_MAX, hint: t('share.hint.licence') },
  ]
  return { identity, details }
}

export const noteField = (locale: Locale, values: FormValues): FieldSpec => ({
  name: 'note',
  type: 'textarea',
  value: str(values, 'note'),
  maxLength: NOTE_MAX,
  hint: translate(locale, 'share.hint.note'),
})
