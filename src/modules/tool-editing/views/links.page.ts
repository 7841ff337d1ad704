import { label, translator } from '../../../i18n/i18n.ts'
import { button, heading } from '../../../views/components/index.ts'
import { fieldLabel, type FieldSpec, type FormValues } from '../../../views/form.ts'
import { html } from '../../../views/html.ts'
import type { PageContext } from '../../../views/layout.ts'
import { TOOL_LANGUAGES } from '../../submissions/submissions.schemas.ts'
import { ALIAS_KINDS, LINK_KINDS, TOOL_LIMITS as L } from '../../tools/tools.constants.ts'
import type { RowKind } from '../tool-editing.schemas.ts'
import type { LoadedTool } from '../tool-editing.service.ts'
import { editPage, sectionPath, type EditFrame } from './edit.frame.ts'
import { rowProblemLabel, rowsFieldsets, rowValues, type RowsSpec } from './rows.ts'

/** The form values of the tool's links and other names as they are now. */
export function linksValues(tool: LoadedTool): FormValues {
  return {
    ...rowValues('link', tool.links.map((l) => ({ kind: l.kind, url: l.url, titleNl: l.title_nl, titleEn: l.title_en, language: l.language }))),
    ...rowValues('alias', tool.aliases.map((a) => ({ alias: a.alias, kind: a.kind, language: a.language }))),
  }
}

/** /tools/{slug}/edit/links: links (websites, documents, source) and other names, as rows. */
export function linksPage(ctx: PageContext, frame: EditFrame, values: FormValues, blank: { link: number; alias: number }): string {
  const { locale } = ctx
  const t = translator(locale)
  const languageOptions = [{ value: '', label: t('editing.unknown') }, ...TOOL_LANGUAGES.map((l) => ({ value: l, label: label(locale, 'language', l) }))]
  const rowSpec = (kind: RowKind): Omit<RowsSpec, 'fields' | 'what'> => ({ formId: 'links', kind, locale, values, problems: frame.problems, editable: true, blank: blank[kind as 'link' | 'alias'] })
  const links: RowsSpec = {
    ...rowSpec('link'),
    what: t('editing.link'),
    fields: (name, row): FieldSpec[] => [
      { name: name('kind'), type: 'select', label: t('field.kindOfLink'), value: row.kind ?? 'website', options: LINK_KINDS.map((k) => ({ value: k, label: t(`linkKind.${k}` as const) })) },
      { name: name('url'), type: 'url', label: t('field.url'), value: row.url ?? '', maxLength: L.url },
      { name: name('titleNl'), type: 'text', label: t('field.titleNl'), value: row.titleNl ?? '', maxLength: L.linkTitle },
      { name: name('titleEn'), type: 'text', label: t('field.titleEn'), value: row.titleEn ?? '', maxLength: L.linkTitle },
      { name: name('language'), type: 'select', label: t('field.language'), value: row.language ?? '', options: languageOptions },
    ],
  }
  const aliases: RowsSpec = {
    ...rowSpec('alias'),
    what: t('editing.alias'),
    fields: (name, row): FieldSpec[] => [
      { name: name('alias'), type: 'text', label: t('field.alias'), value: row.alias ?? '', maxLength: L.alias },
      { name: name('kind'), type: 'select', label: t('field.aliasKind'), value: row.kind ?? 'other_name', options: ALIAS_KINDS.map((k) => ({ value: k, label: t(`aliasKind.${k}` as const) })) },
      { name: name('language'), type: 'select', label: t('field.language'), value: row.language ?? '', options: languageOptions },
    ],
  }
  const fieldName = (field: string) => (field === 'kind' ? t('field.kindOfLink') : fieldLabel(locale, field))
  const linkLabel = rowProblemLabel(links, fieldName)
  const aliasLabel = rowProblemLabel(aliases, fieldName)
  return editPage(ctx, { ...frame, labelFor: (name) => linkLabel(name) ?? aliasLabel(name) }, t('editing.intro.links'), {
    action: sectionPath(locale, frame.tool.slug, 'links'),
    body: html`<button type="submit" class="citydeal-default-submit" tabindex="-1" aria-hidden="true">${t('editing.save')}</button>
${heading(3, t('editing.links'))}
${rowsFieldsets(links)}
${heading(3, t('editing.aliases'))}
${rowsFieldsets(aliases)}
<p class="utrecht-paragraph">${button(t('editing.save'))}</p>`,
  })
}
