import type { AppError, FieldProblem } from '../../../errors.ts'
import { label, localePath, translate, translator } from '../../../i18n/i18n.ts'
import type { Locale, MessageKey } from '../../../i18n/messages.ts'
import { alert, button, heading, link, paragraph, unorderedList } from '../../../views/components/index.ts'
import { actionForm, errorSummary, postForm, renderFields, str, type FieldSpec, type FormValues } from '../../../views/form.ts'
import { formatDate } from '../../../views/format.ts'
import { html } from '../../../views/html.ts'
import type { PageContext } from '../../../views/layout.ts'
import { simplePage } from '../../../views/simple.page.ts'
import { toolName } from '../../curation/views/curation.format.ts'
import { organisationDatalist, pickerHint, type PickerEntry } from '../../organisations/views/organisation.picker.ts'
import { ADOPTION_LIMITS as L } from '../adoptions.schemas.ts'
import type { AdoptionsService } from '../adoptions.service.ts'

type Loaded = Awaited<ReturnType<AdoptionsService['load']>>

export interface AdoptionPageModel extends Loaded {
  values: FormValues
  /** A refused save: its problems per field, or (none) the refusal itself. */
  refusal?: AppError | undefined
  flash?: MessageKey | undefined
  /** The organisations a curator chooses from. */
  pickerEntries: PickerEntry[]
  csrfToken: string
}

/** The adoption page's address; a curator's choice of organisation travels in the query. */
export const adoptionPath = (locale: Locale, slug: string, organisation?: string) =>
  `${localePath(locale, `/tools/${slug}/adoption`)}${organisation ? `?${new URLSearchParams({ organisation })}` : ''}`

/** The form as the adoption is now (empty when none is recorded); a curator's form names the organisation. */
export function adoptionValues(loaded: Loaded): FormValues {
  const a = loaded.adoption
  return {
    ...(loaded.forAny ? { organisation: loaded.organisation?.name ?? '' } : {}),
    since: a?.since ?? '',
    toolVersion: a?.tool_version ?? '',
    localVariantNl: a?.local_variant_nl ?? '',
    localVariantEn: a?.local_variant_en ?? '',
    localUrl: a?.local_url ?? '',
  }
}

/** /tools/{slug}/adoption: "we use this tool", for a member's own organisation or, by a curator, for any. */
export function adoptionPage(ctx: PageContext, model: AdoptionPageModel): string {
  const { locale } = ctx
  const t = translator(locale)
  const { tool, organisation, adoption } = model
  const name = toolName(locale, tool) || tool.slug
  const v = (field: string) => str(model.values, field) ?? ''
  const problems: FieldProblem[] = [...model.problems, ...(model.refusal?.details ?? [])]
  // Use already recorded stays changeable; new use needs a tool that can be used.
  const showForm = model.adoptable || !!adoption
  const notAdoptable = model.adoptable ? '' : alert('info', paragraph(t('adoption.notAdoptable', { status: label(locale, 'status', tool.status) })))
  const refusal = model.refusal && model.refusal.details.length === 0 ? alert('error', paragraph(translate(locale, model.refusal.messageKey, model.refusal.params)), { role: 'alert' }) : ''

  const recorded =
    model.forAny && model.adoptions.length > 0
      ? html`${heading(2, t('adoption.recordedFor'))}${unorderedList(
          model.adoptions.map(
            (a) =>
              html`${link(adoptionPath(locale, tool.slug, a.organisation_name), t('adoption.editFor', { name: a.organisation_name }))}${
                a.since ? html` <span class="citydeal-meta">(${t('adoptions.since', { date: formatDate(locale, a.since) })})</span>` : ''
              }`,
          ),
          { className: 'citydeal-spaced-list' },
        )}`
      : ''

  const fields: FieldSpec[] = [
    ...(model.forAny
      ? [{ name: 'organisation', type: 'text', value: v('organisation'), maxLength: L.organisation, required: true, autocomplete: 'off', list: 'adoption-organisations', hint: `${t('adoption.hint.organisation')} ${pickerHint(locale)}` } satisfies FieldSpec]
      : []),
    { name: 'since', type: 'date', value: v('since') },
    { name: 'toolVersion', type: 'text', value: v('toolVersion'), maxLength: L.toolVersion, autocomplete: 'off', hint: t('adoption.hint.toolVersion') },
    { name: 'localVariantNl', type: 'textarea', value: v('localVariantNl'), maxLength: L.localVariant, rows: 3, hint: t('adoption.hint.localVariant') },
    { name: 'localVariantEn', type: 'textarea', value: v('localVariantEn'), maxLength: L.localVariant, rows: 3 },
    { name: 'localUrl', type: 'url', value: v('localUrl'), maxLength: L.url, autocomplete: 'url', hint: t('adoption.hint.localUrl') },
  ]
  const form = showForm
    ? html`${recorded ? heading(2, t('adoption.formHeading')) : ''}
${errorSummary({ id: 'adoption', problems, locale })}
${postForm(
  { action: localePath(locale, `/tools/${tool.slug}/adoption`), csrfToken: model.csrfToken, className: 'citydeal-form' },
  html`${renderFields({ id: 'adoption', fields, problems, locale })}
${model.forAny ? organisationDatalist('adoption-organisations', locale, model.pickerEntries) : ''}
<p class="utrecht-paragraph">${button(t('adoption.save'))}</p>`,
)}`
    : ''
  const remove =
    adoption && organisation
      ? html`${heading(2, t('adoption.remove.heading'))}
${paragraph(t('adoption.remove.intro', { organisation: organisation.name }))}
${actionForm(localePath(locale, `/tools/${tool.slug}/adoption/remove`), model.csrfToken, t('adoption.remove', { organisation: organisation.name }), model.forAny ? { organisation: organisation.name } : {})}`
      : ''

  const intro = model.forAny ? t('adoption.intro.curator') : t('adoption.intro.member', { organisation: organisation?.name ?? '' })
  const content = html`${paragraph(link(localePath(locale, `/tools/${tool.slug}`), t('adoption.back')))}
${refusal}
${adoption ? '' : notAdoptable}
${recorded}
${form}
${remove}`
  return simplePage(ctx, { title: t('adoption.title', { name }), intro, flash: model.flash, section: 'tools' }, content)
}
