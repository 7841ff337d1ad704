import type { FieldProblem } from '../../../errors.ts'
import { localePath, translator } from '../../../i18n/i18n.ts'
import { alert, button, link, paragraph } from '../../../views/components/index.ts'
import { errorSummary, postForm, renderFields, str, type FormValues } from '../../../views/form.ts'
import { formatDate } from '../../../views/format.ts'
import { html } from '../../../views/html.ts'
import type { PageContext } from '../../../views/layout.ts'
import { simplePage } from '../../../views/simple.page.ts'
import { toolName } from '../../curation/views/curation.format.ts'
import { TOOL_LIMITS as L } from '../../tools/tools.constants.ts'
import type { ToolConflictError } from '../tool-editing.service.ts'
import type { ToolRow } from '../tool-merge.ts'
import { conflictAlert, lifecyclePath, sectionPath } from './edit.frame.ts'
import { toolDatalist, type ToolPickerEntry } from './tool.picker.ts'

export interface RetirePageModel {
  tool: ToolRow
  values: FormValues
  /** The version the form is saved against (the current one after a conflict). */
  version: number
  problems: FieldProblem[]
  conflict?: ToolConflictError | undefined
  /** Tools that may replace it: in use, not this one. */
  successors: ToolPickerEntry[]
  csrfToken: string
}

/** The form values of a tool as it is now: its reasons and successor when it is retired already. */
export const retireValues = (tool: ToolRow, successor: { name_nl: string | null; name_en: string | null } | undefined, locale: 'nl' | 'en'): FormValues => ({
  reasonNl: tool.retired_reason_nl ?? '',
  reasonEn: tool.retired_reason_en ?? '',
  replacedBy: successor ? toolName(locale, successor) : '',
})

/** /tools/{slug}/retire: why the tool is retired and what replaces it. The tool and its page stay. */
export function retirePage(ctx: PageContext, model: RetirePageModel): string {
  const { locale } = ctx
  const t = translator(locale)
  const { tool } = model
  const name = toolName(locale, tool) || tool.slug
  const retired = tool.status === 'retired'
  const v = (field: string) => str(model.values, field) ?? ''
  const content = html`${paragraph(html`${link(sectionPath(locale, tool.slug, 'basics'), t('lifecycle.backToEditor'))} · ${link(localePath(locale, `/tools/${tool.slug}`), t('editing.viewPublic'))}`)}
${retired ? alert('info', paragraph(t('lifecycle.retire.already', { date: tool.retired_on ? formatDate(locale, tool.retired_on) : '–' }))) : ''}
${model.conflict ? conflictAlert(locale, model.conflict) : ''}
${errorSummary({ id: 'retire', problems: model.problems, locale })}
${postForm(
  { action: lifecyclePath(locale, tool.slug, 'retire'), csrfToken: model.csrfToken, className: 'citydeal-form', hidden: { version: String(model.version) } },
  html`${renderFields({
    id: 'retire',
    problems: model.problems,
    locale,
    fields: [
      { name: 'reasonNl', type: 'textarea', value: v('reasonNl'), maxLength: L.retiredReason, rows: 3, hint: t('lifecycle.retire.hint.reason') },
      { name: 'reasonEn', type: 'textarea', value: v('reasonEn'), maxLength: L.retiredReason, rows: 3 },
      { name: 'replacedBy', type: 'text', value: v('replacedBy'), maxLength: L.name, autocomplete: 'off', list: 'retire-tools', hint: t('lifecycle.retire.hint.replacedBy') },
    ],
  })}
${toolDatalist('retire-tools', locale, model.successors)}
<p class="utrecht-paragraph">${button(retired ? t('lifecycle.retire.save') : t('lifecycle.retire.submit'))}</p>`,
)}`
  return simplePage(ctx, { title: t('lifecycle.retire.title', { name }), intro: t('lifecycle.retire.intro'), section: 'tools' }, content)
}
