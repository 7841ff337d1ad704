import { label, translator } from '../../../i18n/i18n.ts'
import { button, fieldset } from '../../../views/components/index.ts'
import { list, renderFields, str, type FieldSpec, type FormValues } from '../../../views/form.ts'
import { html, type SafeHtml } from '../../../views/html.ts'
import type { PageContext } from '../../../views/layout.ts'
import type { ReferenceData } from '../../reference/reference.service.ts'
import { TOOL_LANGUAGES } from '../../submissions/submissions.schemas.ts'
import { CATEGORIES, COMMON_LICENCES, ORIGINS, PROCESSES, STATUSES, TOOL_LIMITS as L } from '../../tools/tools.constants.ts'
import type { LoadedTool } from '../tool-editing.service.ts'
import { editPage, sectionPath, type EditFrame } from './edit.frame.ts'

/** The form values of a tool as it is now. */
export function basicsValues({ tool, processes, themes }: LoadedTool): FormValues {
  const licenceChoice = tool.licence_not_applicable ? 'not_applicable' : !tool.licence ? '' : (COMMON_LICENCES as readonly string[]).includes(tool.licence) ? tool.licence : 'other'
  return {
    nameNl: tool.name_nl ?? '',
    nameEn: tool.name_en ?? '',
    descriptionNl: tool.description_nl ?? '',
    descriptionEn: tool.description_en ?? '',
    processQuestionNl: tool.process_question_nl ?? '',
    processQuestionEn: tool.process_question_en ?? '',
    occasionNl: tool.occasion_nl ?? '',
    occasionEn: tool.occasion_en ?? '',
    category: tool.category,
    form: tool.form,
    lifecycle: tool.status,
    origin: tool.origin,
    websiteUrl: tool.website_url ?? '',
    licenceChoice,
    licenceOther: licenceChoice === 'other' ? (tool.licence ?? '') : '',
    startedOn: tool.started_on ?? '',
    availableOn: tool.available_on ?? '',
    languages: tool.languages,
    processes,
    themes,
    slug: tool.slug,
  }
}

/** /tools/{slug}/edit: names and texts in both languages, classification, licence, dates, processes and themes. */
export function basicsPage(ctx: PageContext, reference: ReferenceData, frame: EditFrame, values: FormValues, options: { mayChangeSlug: boolean; retired: boolean }): string {
  const { locale } = ctx
  const t = translator(locale)
  const v = (name: string) => str(values, name) ?? ''
  const pair = (base: 'name' | 'description' | 'processQuestion' | 'occasion', max: number, type: 'text' | 'textarea'): FieldSpec[] =>
    (['Nl', 'En'] as const).map((lang) => ({ name: `${base}${lang}`, type, value: v(`${base}${lang}`), maxLength: max, rows: type === 'textarea' ? 4 : undefined }))
  const select = (name: string, options: { value: string; label: string }[]): FieldSpec => ({ name, type: 'select', value: v(name), options })
  const currentStatus = v('lifecycle')
  const checkboxes = (name: string, options: { value: string; label: string }[]): FieldSpec => ({ name, type: 'checkboxes', values: list(values, name), options })
  const render = (fields: FieldSpec[]) => renderFields({ id: 'basics', fields, problems: frame.problems, locale })
  const group = (legend: string, content: SafeHtml) => fieldset(legend, content, { className: 'citydeal-edit-group citydeal-choice' })
  const texts = group(
    t('editing.group.texts'),
    html`${(['name', 'description', 'processQuestion', 'occasion'] as const).map(
      (base) => html`<div class="citydeal-pair">${render(pair(base, { name: L.name, description: L.description, processQuestion: L.processQuestion, occasion: L.occasion }[base], base === 'name' ? 'text' : 'textarea'))}</div>`,
    )}`,
  )
  const classification = group(
    t('editing.group.classification'),
    render([
      select('category', CATEGORIES.map((c) => ({ value: c, label: label(locale, 'category', c) }))),
      select('form', reference.forms.map((f) => ({ value: f.code, label: locale === 'nl' ? f.name_nl : f.name_en }))),
      {
        ...select(
          'lifecycle',
          // Retiring takes a reason (its own page); a retired tool can be brought back by choosing another status.
          STATUSES.filter((s) => s !== 'retired' || currentStatus === 'retired').map((s) => ({ value: s, label: label(locale, 'status', s) })),
        ),
        ...(options.retired ? { hint: t('editing.retiredNote') } : {}),
      },
      select('origin', ORIGINS.map((o) => ({ value: o, label: label(locale, 'origin', o) }))),
      checkboxes('processes', PROCESSES.map((p) => ({ value: p, label: label(locale, 'process', p) }))),
      checkboxes('themes', reference.criteria.filter((c) => c.family === 'rathenau').map((c) => ({ value: c.code, label: locale === 'nl' ? c.name_nl : c.name_en }))),
    ]),
  )
  const availability = group(
    t('editing.group.availability'),
    render([
      { name: 'websiteUrl', type: 'url', value: v('websiteUrl'), maxLength: L.url },
      select('licenceChoice', [
        { value: '', label: t('editing.licence.none') },
        ...COMMON_LICENCES.map((l) => ({ value: l, label: l })),
        { value: 'other', label: t('editing.licence.other') },
        { value: 'not_applicable', label: t('editing.licence.notApplicable') },
      ]),
      { name: 'licenceOther', type: 'text', value: v('licenceOther'), maxLength: L.licence },
      { name: 'startedOn', type: 'date', value: v('startedOn') },
      { name: 'availableOn', type: 'date', value: v('availableOn') },
      checkboxes('languages', TOOL_LANGUAGES.map((l) => ({ value: l, label: label(locale, 'language', l) }))),
      ...(options.mayChangeSlug ? [{ name: 'slug', type: 'text' as const, value: v('slug'), maxLength: 120, hint: t('editing.slugHint') }] : []),
    ]),
  )
  return editPage(ctx, frame, t('editing.intro.basics'), {
    action: sectionPath(locale, frame.tool.slug, 'basics'),
    body: html`${texts}${classification}${availability}
<p class="utrecht-paragraph">${button(t('editing.save'))}</p>`,
  })
}
