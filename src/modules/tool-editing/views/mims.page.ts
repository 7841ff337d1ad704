import { label, translator } from '../../../i18n/i18n.ts'
import { MIM_RELATIONS } from '../../../db/schema-open-data.ts'
import { button } from '../../../views/components/index.ts'
import { fieldLabel, type FormValues } from '../../../views/form.ts'
import { html } from '../../../views/html.ts'
import type { PageContext } from '../../../views/layout.ts'
import type { ReferenceData } from '../../reference/reference.service.ts'
import type { LoadedTool } from '../tool-editing.service.ts'
import { editPage, sectionPath, type EditFrame } from './edit.frame.ts'
import { rowProblemLabel, rowsFieldsets, rowValues, type RowsSpec } from './rows.ts'

/** One row per MIM, with the tool's relation to it ('' for none). */
export function mimValues(reference: ReferenceData, tool: LoadedTool): FormValues {
  return rowValues(
    'mim',
    reference.mims.map((m) => ({ code: m.code, relation: tool.mims.find((x) => x.mim_code === m.code)?.relation ?? '' })),
  )
}

/** /tools/{slug}/edit/mims: how the tool relates to each Living-in.EU MIM (curators). */
export function mimsPage(ctx: PageContext, reference: ReferenceData, frame: EditFrame, values: FormValues): string {
  const { locale } = ctx
  const t = translator(locale)
  const legend = (code: string | undefined) => {
    const mim = reference.mims.find((m) => m.code === code)
    return mim ? `${locale === 'nl' ? mim.name_nl : mim.name_en} (${t(`mimStatus.${mim.status}`)})` : (code ?? '')
  }
  const rows: RowsSpec = {
    formId: 'mims',
    kind: 'mim',
    locale,
    values,
    problems: frame.problems,
    editable: false,
    blank: 0,
    what: t('editing.section.mims'),
    legend: (row) => legend(row.code),
    fields: (name, row) => [
      { name: name('code'), type: 'hidden', value: row.code ?? '' },
      {
        name: name('relation'),
        type: 'select',
        label: t('field.mimRelation'),
        value: row.relation ?? '',
        options: [{ value: '', label: t('mimRelation.none') }, ...MIM_RELATIONS.map((r) => ({ value: r, label: label(locale, 'mimRelation', r) }))],
      },
    ],
  }
  return editPage(ctx, { ...frame, labelFor: rowProblemLabel(rows, (field) => (field === 'relation' ? t('field.mimRelation') : fieldLabel(locale, field))) }, t('editing.intro.mims'), {
    action: sectionPath(locale, frame.tool.slug, 'mims'),
    body: html`${rowsFieldsets(rows)}
<p class="utrecht-paragraph">${button(t('editing.save'))}</p>`,
  })
}
