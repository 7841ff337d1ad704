import type { AppError, FieldProblem } from '../../../errors.ts'
import { label, localePath, translate, translator } from '../../../i18n/i18n.ts'
import type { MessageKey } from '../../../i18n/messages.ts'
import { alert, button, paragraph } from '../../../views/components/index.ts'
import { errorSummary, fieldLabel, postForm, renderFields, str, type FormValues } from '../../../views/form.ts'
import { html } from '../../../views/html.ts'
import type { PageContext } from '../../../views/layout.ts'
import { simplePage } from '../../../views/simple.page.ts'
import { PILOT_OUTCOMES, PILOT_STATUSES, TOOL_LIMITS as L } from '../../tools/tools.constants.ts'
import type { PilotResultsService } from '../pilot-results.service.ts'

type Loaded = Awaited<ReturnType<PilotResultsService['load']>>

export interface PilotResultPageModel extends Loaded {
  values: FormValues
  refusal?: AppError | undefined
  flash?: MessageKey | undefined
  csrfToken: string
}

/** The form as the pilot is now. */
export function pilotResultValues(loaded: Loaded): FormValues {
  const p = loaded.pilot
  return {
    status: p.status,
    startedOn: p.started_on ?? '',
    completedOn: p.completed_on ?? '',
    testedNl: p.tested_nl ?? '',
    testedEn: p.tested_en ?? '',
    outcome: p.outcome ?? '',
    lessonsNl: p.lessons_nl ?? '',
    lessonsEn: p.lessons_en ?? '',
    evidenceUrl: p.evidence_url ?? '',
    version: String(loaded.version),
  }
}

/** /tools/{slug}/pilot: a member records how their municipality's pilot of the tool went. */
export function pilotResultPage(ctx: PageContext, model: PilotResultPageModel): string {
  const { locale } = ctx
  const t = translator(locale)
  const name = (locale === 'en' ? (model.tool.name_en ?? model.tool.name_nl) : (model.tool.name_nl ?? model.tool.name_en)) ?? model.tool.slug
  const v = (field: string) => str(model.values, field) ?? ''
  const problems: FieldProblem[] = model.refusal?.details ?? []
  const refusal = model.refusal && problems.length === 0 ? alert('error', paragraph(translate(locale, model.refusal.messageKey, model.refusal.params)), { role: 'alert' }) : ''
  const labelFor = (field: string) => (field === 'status' ? t('field.pilotStatus') : field === 'startedOn' ? t('field.pilotStartedOn') : fieldLabel(locale, field))
  const content = html`${paragraph(html`<a class="utrecht-link" href="${localePath(locale, `/tools/${model.tool.slug}`)}">${t('adoption.back')}</a>`)}
${refusal}
${errorSummary({ id: 'pilot', problems, locale, labelFor })}
${postForm(
  { action: localePath(locale, `/tools/${model.tool.slug}/pilot`), csrfToken: model.csrfToken, className: 'citydeal-form', hidden: { version: v('version') } },
  html`${renderFields({
    id: 'pilot',
    problems,
    locale,
    fields: [
      { name: 'status', type: 'select', label: t('field.pilotStatus'), value: v('status'), options: PILOT_STATUSES.map((s) => ({ value: s, label: label(locale, 'pilotStatus', s) })) },
      { name: 'startedOn', type: 'date', label: t('field.pilotStartedOn'), value: v('startedOn') },
      { name: 'completedOn', type: 'date', label: t('field.completedOn'), value: v('completedOn'), hint: t('pilotResult.hint.completedOn') },
      { name: 'testedNl', type: 'textarea', rows: 2, label: t('field.testedNl'), value: v('testedNl'), maxLength: L.pilotTested },
      { name: 'testedEn', type: 'textarea', rows: 2, label: t('field.testedEn'), value: v('testedEn'), maxLength: L.pilotTested },
      {
        name: 'outcome',
        type: 'select',
        label: t('field.outcome'),
        value: v('outcome'),
        hint: t('pilotResult.hint.outcome'),
        options: [{ value: '', label: t('editing.unknown') }, ...PILOT_OUTCOMES.map((o) => ({ value: o, label: label(locale, 'pilotOutcome', o) }))],
      },
      { name: 'lessonsNl', type: 'textarea', rows: 4, label: t('field.lessonsNl'), value: v('lessonsNl'), maxLength: L.pilotLessons },
      { name: 'lessonsEn', type: 'textarea', rows: 4, label: t('field.lessonsEn'), value: v('lessonsEn'), maxLength: L.pilotLessons },
      { name: 'evidenceUrl', type: 'url', label: t('field.evidenceUrl'), value: v('evidenceUrl'), maxLength: L.url },
    ],
  })}
<p class="utrecht-paragraph">${button(t('editing.save'))}</p>`,
)}`
  return simplePage(ctx, { title: t('pilotResult.title', { municipality: model.municipality.name, name }), intro: t('pilotResult.intro'), flash: model.flash, section: 'tools' }, content)
}
