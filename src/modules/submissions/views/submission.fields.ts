import { label, translate, translator } from '../../../i18n/i18n.ts'
import type { Locale } from '../../../i18n/messages.ts'
import { list, str, type FieldSpec, type FormValues } from '../../../views/form.ts'
import type { ReferenceData } from '../../reference/reference.service.ts'
import { PROCESSES } from '../../tools/tools.constants.ts'
import { DESCRIPTION_MAX, LICENCE_MAX, NAME_MAX, NOTE_MAX, OWNER_MAX, SHARED_MUNICIPALITIES_MAX, SHARED_STATUSES, TOOL_LANGUAGES, URL_MAX } from '../submissions.schemas.ts'

/**
 * The fields that describe a shared tool, for the share form and the curator's edit form: first what duplicate
 * detection reads, then the rest.
 */
export function toolFieldSpecs(locale: Locale, reference: ReferenceData, values: FormValues, options: { addition?: boolean } = {}) {
  const t = translator(locale)
  const identity: FieldSpec[] = [
    { name: 'name', type: 'text', value: str(values, 'name'), maxLength: NAME_MAX, required: true, hint: t('share.hint.name'), autocomplete: 'off' },
    options.addition
      ? { name: 'description', type: 'textarea', value: str(values, 'description'), maxLength: DESCRIPTION_MAX, hint: t('share.hint.descriptionAddition') }
      : { name: 'description', type: 'textarea', value: str(values, 'description'), maxLength: DESCRIPTION_MAX, required: true, hint: t('share.hint.description') },
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

/** The id of the share form's list of municipalities (the organisation picker's datalist). */
export const MUNICIPALITY_LIST_ID = 'share-municipality-list'

/**
 * What only the share form asks: the processes the tool changes, how far along it is, and the municipalities that
 * use it (text fields with the list of municipalities to choose from, as the organisation picker does).
 */
export function sharedFieldSpecs(locale: Locale, values: FormValues): FieldSpec[] {
  const t = translator(locale)
  return [
    { name: 'processes', type: 'checkboxes', values: list(values, 'processes'), hint: t('share.hint.processes'), options: PROCESSES.map((p) => ({ value: p, label: label(locale, 'process', p) })) },
    {
      name: 'toolStatus',
      type: 'select',
      value: str(values, 'toolStatus') ?? '',
      options: [{ value: '', label: t('share.unknown') }, ...SHARED_STATUSES.map((s) => ({ value: s, label: label(locale, 'status', s) }))],
    },
    ...Array.from({ length: SHARED_MUNICIPALITIES_MAX }, (_, i): FieldSpec => ({
      name: `municipality${i + 1}`,
      type: 'text',
      value: str(values, `municipality${i + 1}`),
      maxLength: OWNER_MAX,
      list: MUNICIPALITY_LIST_ID,
      autocomplete: 'off',
      ...(i === 0 ? { hint: t('share.hint.municipalities') } : {}),
    })),
  ]
}

export const noteField = (locale: Locale, values: FormValues): FieldSpec => ({
  name: 'note',
  type: 'textarea',
  value: str(values, 'note'),
  maxLength: NOTE_MAX,
  hint: translate(locale, 'share.hint.note'),
})
