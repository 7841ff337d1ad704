import type { FieldProblem } from '../../../errors.ts'
import { label, localePath, translator } from '../../../i18n/i18n.ts'
import type { Locale, MessageKey } from '../../../i18n/messages.ts'
import { alert, heading, link, paragraph, unorderedList } from '../../../views/components/index.ts'
import { errorSummary, postForm } from '../../../views/form.ts'
import { formatDate } from '../../../views/format.ts'
import { html, type SafeHtml } from '../../../views/html.ts'
import type { PageContext } from '../../../views/layout.ts'
import { simplePage } from '../../../views/simple.page.ts'
import { CURATOR_SECTIONS, SECTIONS, type Section, type ToolConflictError } from '../tool-editing.service.ts'

export interface EditFrame {
  tool: { slug: string; name_nl: string | null; name_en: string | null; version: number }
  section: Section
  csrfToken: string
  flash?: MessageKey | undefined
  problems: FieldProblem[]
  /** Saved by someone else meanwhile: what they changed. */
  conflict?: ToolConflictError | undefined
  /** A label for each field the error summary names that has no field.* message (rows). */
  labelFor?: ((name: string) => string | undefined) | undefined
  /** A curator or administrator: offered retiring and merging the tool. */
  mayEditCatalogue?: boolean | undefined
}

const SECTION_PATH: Record<Section, string> = { basics: '', links: '/links', sdg: '/sdg', assessments: '/assessments', organisations: '/organisations', pilots: '/pilots', mims: '/mims' }

export const sectionPath = (locale: Locale, slug: string, section: Section) => localePath(locale, `/tools/${slug}/edit${SECTION_PATH[section]}`)

/** How a field of the audit log's record of a save is called on the edit pages. */
const COLUMN_LABEL: Record<string, MessageKey> = {
  name_nl: 'field.nameNl',
  name_en: 'field.nameEn',
  description_nl: 'field.descriptionNl',
  description_en: 'field.descriptionEn',
  process_question_nl: 'field.processQuestionNl',
  process_question_en: 'field.processQuestionEn',
  occasion_nl: 'field.occasionNl',
  occasion_en: 'field.occasionEn',
  category: 'field.category',
  form: 'field.form',
  status: 'field.lifecycle',
  origin: 'field.origin',
  website_url: 'field.websiteUrl',
  licence: 'field.licenceChoice',
  licence_not_applicable: 'field.licenceChoice',
  started_on: 'field.startedOn',
  available_on: 'field.availableOn',
  languages: 'field.languages',
  processes: 'field.processes',
  themes: 'field.themes',
  slug: 'field.slug',
  retired_on: 'field.lifecycle',
  retired_reason_nl: 'field.reasonNl',
  retired_reason_en: 'field.reasonEn',
  replaced_by_tool_id: 'field.replacedBy',
  links: 'editing.links',
  aliases: 'editing.aliases',
  sdgTargets: 'editing.section.sdg',
  assessments: 'editing.section.assessments',
  organisations: 'editing.section.organisations',
  pilots: 'editing.section.pilots',
  adoptions: 'adoptions.heading',
  mims: 'editing.section.mims',
}

/** The fields a conflicting save changed, in words (the section's data as the audit log keeps it). */
function changedFields(locale: Locale, before: unknown, after: unknown): string {
  const b = (before ?? {}) as Record<string, unknown>
  const a = (after ?? {}) as Record<string, unknown>
  const t = translator(locale)
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]) && COLUMN_LABEL[k])
  return [...new Set(keys.map((k) => t(COLUMN_LABEL[k]!)))].join(', ') || t('editing.noneChosen')
}

/** Who saved, as the public may read it: an organisation, the curators, never a person. */
function savedBy(locale: Locale, change: ToolConflictError['changes'][number]): string {
  const t = translator(locale)
  if (change.actor_role === 'curator' || change.actor_role === 'admin') return t('editing.byCurators')
  return change.organisation_name ?? t('editing.byEditor')
}

/** Someone saved the tool after the editor opened it: what they changed, above the form that keeps what was typed. */
export function conflictAlert(locale: Locale, conflict: ToolConflictError): SafeHtml {
  const t = translator(locale)
  return alert(
    'warning',
    html`${paragraph(t('editing.conflict'))}${heading(2, t('editing.conflict.heading'))}${unorderedList(
      conflict.changes.map((c) => {
        const section = (c.after as { section?: Section } | null)?.section
        return html`${t('editing.conflict.entry', {
          date: formatDate(locale, c.occurred_at, { style: 'medium', time: true }),
          by: savedBy(locale, c),
          section: section && SECTIONS.includes(section) ? t(`editing.section.${section}` as const) : label(locale, 'history', c.action),
        })} (${t('editing.conflict.fields', { fields: changedFields(locale, c.before, c.after) })})`
      }),
    )}`,
    { role: 'alert' },
  )
}

/** The pages of a tool's life beside its parts, for curators: retiring it and merging another tool into it. */
export const lifecyclePath = (locale: Locale, slug: string, page: 'retire' | 'merge') => localePath(locale, `/tools/${slug}/${page}`)

/** The frame of every edit page: the tool's name, its parts as navigation, messages, then the section's form. */
export function editPage(ctx: PageContext, frame: EditFrame, intro: string, form: { action: string; hidden?: Record<string, string>; body: SafeHtml }): string {
  const { locale } = ctx
  const t = translator(locale)
  const name = (locale === 'en' ? (frame.tool.name_en ?? frame.tool.name_nl) : (frame.tool.name_nl ?? frame.tool.name_en)) ?? frame.tool.slug
  const nav = html`<nav aria-label="${t('editing.sections')}" class="citydeal-edit-nav">${unorderedList(
    SECTIONS.filter((s) => frame.mayEditCatalogue || !CURATOR_SECTIONS.has(s)).map((s) => link(sectionPath(locale, frame.tool.slug, s), t(`editing.section.${s}` as const), { current: s === frame.section })),
  )}</nav>`
  const conflict = frame.conflict ? conflictAlert(locale, frame.conflict) : ''
  // Curators also retire the tool or merge another into it: pages of their own, beside the public page.
  const lifecycle = frame.mayEditCatalogue
    ? html` · ${link(lifecyclePath(locale, frame.tool.slug, 'retire'), t('lifecycle.retire.link'))} · ${link(lifecyclePath(locale, frame.tool.slug, 'merge'), t('lifecycle.merge.link'))}`
    : ''
  const content = html`${paragraph(html`${link(localePath(locale, `/tools/${frame.tool.slug}`), t('editing.viewPublic'))}${lifecycle}`)}
${nav}
${conflict}
${errorSummary({ id: frame.section, problems: frame.problems, locale, labelFor: frame.labelFor })}
${heading(2, t(`editing.section.${frame.section}` as const))}
${paragraph(intro)}
${postForm({ action: form.action, csrfToken: frame.csrfToken, className: 'citydeal-form citydeal-edit-form', hidden: { version: String(frame.conflict?.currentVersion ?? frame.tool.version), ...form.hidden } }, form.body)}`
  return simplePage(ctx, { title: t('editing.title', { name }), flash: frame.flash, section: 'tools' }, content)
}
