import { translator } from '../../../i18n/i18n.ts'
import { button } from '../../../views/components/index.ts'
import { fieldLabel, type FormValues } from '../../../views/form.ts'
import { html } from '../../../views/html.ts'
import type { PageContext } from '../../../views/layout.ts'
import type { ReferenceData } from '../../reference/reference.service.ts'
import { TOOL_LIMITS as L } from '../../tools/tools.constants.ts'
import type { LoadedTool } from '../tool-editing.service.ts'
import { editPage, sectionPath, type EditFrame } from './edit.frame.ts'
import { rowProblemLabel, rowsFieldsets, rowValues, type RowsSpec } from './rows.ts'

/** One row per SDG 11 target, ticked where the tool contributes. */
export function sdgValues(reference: ReferenceData, tool: LoadedTool): FormValues {
  return rowValues(
    'sdg',
    reference.sdgTargets.map((target) => {
      const chosen = tool.sdgTargets.find((s) => s.target_code === target.code)
      return { code: target.code, contributes: chosen ? 'on' : '', contributionNl: chosen?.contribution_nl, contributionEn: chosen?.contribution_en }
    }),
  )
}

/** /tools/{slug}/edit/sdg: the SDG 11 targets the tool contributes to, with how, in both languages. */
export function sdgPage(ctx: PageContext, reference: ReferenceData, frame: EditFrame, values: FormValues): string {
  const { locale } = ctx
  const t = translator(locale)
  const title = (code: string | undefined) => {
    const target = reference.sdgTargets.find((s) => s.code === code)
    return target ? `${target.code} ${locale === 'nl' ? target.title_nl : target.title_en}` : (code ?? '')
  }
  const rows: RowsSpec = {
    formId: 'sdg',
    kind: 'sdg',
    locale,
    values,
    problems: frame.problems,
    editable: false,
    blank: 0,
    what: t('editing.section.sdg'),
    legend: (row) => title(row.code),
    fields: (name, row) => [
      { name: name('code'), type: 'hidden', value: row.code ?? '' },
      { name: name('contributes'), type: 'checkbox', label: t('field.contributes'), value: row.contributes ?? '' },
      { name: name('contributionNl'), type: 'textarea', rows: 2, label: t('field.contributionNl'), value: row.contributionNl ?? '', maxLength: L.contribution },
      { name: name('contributionEn'), type: 'textarea', rows: 2, label: t('field.contributionEn'), value: row.contributionEn ?? '', maxLength: L.contribution },
    ],
  }
  return editPage(ctx, { ...frame, labelFor: rowProblemLabel(rows, (field) => fieldLabel(locale, field)) }, t('editing.intro.sdg'), {
    action: sectionPath(locale, frame.tool.slug, 'sdg'),
    body: html`${rowsFieldsets(rows)}
<p class="utrecht-paragraph">${button(t('editing.save'))}</p>`,
  })
}
