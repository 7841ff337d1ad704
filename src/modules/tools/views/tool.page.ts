import { localePath, translator } from '../../../i18n/i18n.ts'
import type { Locale } from '../../../i18n/messages.ts'
import { alert, dataList, heading, link, paragraph, table, unorderedList } from '../../../views/components/index.ts'
import { html, type SafeHtml } from '../../../views/html.ts'
import { layout, type PageContext } from '../../../views/layout.ts'
import { callNeeds } from '../../../views/call-needs.ts'
import { formatDate } from '../../../views/format.ts'
import { localizedName, localizedText } from '../../../views/localized.ts'
import type { ToolView } from '../tools.presenter.ts'
import { initiativeStatement } from './initiative.ts'
import { jsonLdScript, toolJsonLd } from './tool.jsonld.ts'

export interface ToolPageOptions {
  /** The normalised catalogue query the visitor came from ('' for none): the page links back to it. */
  from: string
  /** The viewer may edit this tool: the page links to the editor. Never true for a cached (anonymous) page. */
  canEdit: boolean
  /** The viewer records use of this tool ("we use this tool"). Never true for a cached (anonymous) page. */
  canAdopt?: boolean | undefined
  /** An initiative of others: the viewer may ask to be involved, or decides on requests. Never for a cached page. */
  involvement?: 'ask' | 'decide' | undefined
  /** The viewer opens and manages calls for test municipalities on this tool. Never true for a cached page. */
  canManageCall?: boolean | undefined
  /** The viewer's municipality has a pilot of this tool (its name): the page links to recording its results. */
  ownPilot?: string | undefined
}

/**
 * Whether a form's binding text already begins with its binding level ("Wettelijk bindend: …" under "Wettelijk
 * bindend"), so the level is not said twice.
 */
export function bindingTextRepeatsLevel(force: string, level: string, locale: Locale): boolean {
  const start = force.slice(0, level.length)
  return start.localeCompare(level, locale, { sensitivity: 'base' }) === 0 && !/^[\p{L}\p{N}]/u.test(force.slice(level.length))
}

function bindingForce(form: ToolView['form'], locale: Locale, notRecorded: string): SafeHtml | string {
  if (!form.bindingLevel || !form.bindingForce) return notRecorded
  const level = form.bindingLevel.label
  const force = form.bindingForce
  if (!bindingTextRepeatsLevel(force, level, locale)) return html`<strong>${level}.</strong> ${force}`
  return html`<strong>${force.slice(0, level.length)}</strong>${force.slice(level.length)}`
}

export function toolPage(ctx: PageContext, tool: ToolView, options: ToolPageOptions): string {
  const t = translator(ctx.locale)
  const notRecorded = t('tool.notRecorded')
  const date = (value: Date | string) => formatDate(ctx.locale, value)
  const toolLink = (slug: string, name: ToolView['name']) => link(localePath(ctx.locale, `/tools/${slug}`), localizedName(name))
  const organisationLink = (o: { slug: string; name: string }) => link(localePath(ctx.locale, `/organisations/${o.slug}`), o.name)
  const filterLink = (facet: string, value: string, text: string) =>
    link(`${localePath(ctx.locale, '/tools')}?${new URLSearchParams({ [facet]: value })}`, text)
  const toolPath = (suffix = '') => localePath(ctx.locale, `/tools/${tool.slug}${suffix}`)

  const back = options.from
    ? link(`${localePath(ctx.locale, '/tools')}?${options.from}`, html`<span aria-hidden="true">← </span>${t('tool.back.results')}`)
    : link(localePath(ctx.locale, '/tools'), t('tool.back.all'))

  const retired = tool.retired
    ? alert(
        'warning',
        html`${paragraph(html`${tool.retired.on ? t('tool.retired.on', { date: date(tool.retired.on) }) : t('tool.retired.undated')}${
          tool.retired.reason ? html`: ${localizedText(tool.retired.reason, ctx.locale)}` : '.'
        }`)}${tool.retired.replacedBy ? paragraph(html`${t('tool.retired.replacedBy')} ${toolLink(tool.retired.replacedBy.slug, tool.retired.replacedBy.name)}.`) : ''}`,
      )
    : ''

  const licence = tool.licence ?? (tool.licenceNotApplicable ? t('tool.licence.notApplicable') : notRecorded)
  const facts = dataList([
    { key: t('tool.category'), value: filterLink('category', tool.category.code, tool.category.label) },
    { key: t('tool.form'), value: filterLink('form', tool.form.code, tool.form.label) },
    { key: t('tool.bindingForce'), value: bindingForce(tool.form, ctx.locale, notRecorded) },
    { key: t('tool.status'), value: tool.status.label },
    { key: t('tool.origin'), value: tool.origin.label },
    {
      key: t('tool.processes'),
      value: tool.processes.length > 0 ? tool.processes.map((p, i) => html`${i > 0 ? ', ' : ''}${filterLink('process', p.code, p.label)}`) : notRecorded,
    },
    { key: t('tool.licence'), value: licence },
    ...(tool.languages.length > 0 ? [{ key: t('tool.languages'), value: tool.languages.map((l) => l.label).join(', ') }] : []),
    { key: t('tool.website'), value: tool.website ? link(tool.website, tool.website) : notRecorded },
    ...(tool.aliases.length > 0 ? [{ key: t('tool.aliases'), value: tool.aliases.join(' · ') }] : []),
  ])

  type Criterion = ToolView['assessment']['principles'][number]
  const assessmentNotes = (r: Criterion) => {
    if (r.rating.code === 'unknown') return html`<span class="citydeal-empty">–</span>`
    const assessor = r.assessedBy
      ? html`${t('tool.assessment.assessedBy')} ${organisationLink(r.assessedBy)}${r.assessedOn ? html` ${t('tool.assessment.assessedOnShort', { date: date(r.assessedOn) })}` : ''}`
      : r.assessedOn
        ? t('tool.assessment.assessedOn', { date: date(r.assessedOn) })
        : ''
    return html`${localizedText(r.explanation, ctx.locale, r.evidenceUrl || assessor ? '' : '–')}${
      r.evidenceUrl ? html`<span class="citydeal-note">${t('tool.assessment.evidence')}: ${link(r.evidenceUrl, r.evidenceUrl)}</span>` : ''
    }${assessor ? html`<span class="citydeal-note citydeal-meta">${assessor}</span>` : ''}`
  }
  const assessmentTable = (caption: string, rows: Criterion[]) =>
    table(
      caption,
      [t('tool.assessment.criterion'), t('tool.assessment.rating'), t('tool.assessment.explanation')],
      rows.map((r) => [r.label, r.rating.label, assessmentNotes(r)]),
    )
  const assessLink = options.canEdit ? paragraph(link(toolPath('/edit/assessments'), t('tool.assessment.assess'))) : ''
  const assessment = tool.assessment.assessed
    ? html`<div class="citydeal-assessment">
${assessmentTable(t('tool.assessment.principles'), tool.assessment.principles)}
${assessmentTable(t('tool.assessment.rathenau'), tool.assessment.rathenau)}
${assessmentTable(t('tool.assessment.preconditions'), tool.assessment.preconditions)}
</div>
${assessLink}`
    : html`${paragraph(t('tool.assessment.none', { count: tool.assessment.criteriaCount }))}${assessLink}`

  const main = html`<article>
<p class="utrecht-paragraph citydeal-back">${back}</p>
${heading(1, localizedName(tool.name))}
${retired}
${options.canEdit ? html`<p class="utrecht-paragraph citydeal-actions">${link(toolPath('/edit'), t('tool.edit'))}</p>` : ''}
${tool.description ? paragraph(localizedText(tool.description, ctx.locale), { lead: true }) : ''}
${tool.origin.code === 'others_initiative' ? initiativeStatement(ctx.locale, tool.organisations.map((o) => ({ slug: o.slug, name: o.name, role: o.role.code, involvement: o.involvement?.code ?? null }))) : ''}
${heading(2, t('tool.procesvraag'))}
${paragraph(localizedText(tool.processQuestion, ctx.locale, notRecorded))}
${heading(2, t('tool.occasion'))}
${paragraph(localizedText(tool.occasion, ctx.locale, notRecorded))}
${heading(2, t('tool.facts'))}
${facts}
${heading(2, t('tool.organisations'))}
${tool.organisations.length > 0
  ? unorderedList(
      tool.organisations.map(
        (o) => html`${organisationLink(o)} (${o.kind.label}) – ${o.role.label}${o.involvement ? html`, ${o.involvement.label}` : ''}`,
      ),
    )
  : paragraph(t('tool.organisations.none'))}
${options.involvement ? paragraph(link(toolPath('/involvement'), t(options.involvement === 'ask' ? 'initiative.ask' : 'initiative.requests'))) : ''}
${heading(2, t('tool.tests'))}
${tool.gateNotes.length > 0 ? alert('info', paragraph(tool.gateNotes.join(' '))) : ''}
${tool.call
  ? html`<div class="citydeal-call-notice">${heading(3, t('calls.tool.heading'))}
${tool.call.asked ? paragraph(localizedText(tool.call.asked, ctx.locale)) : ''}
<p class="utrecht-paragraph citydeal-meta">${callNeeds(ctx.locale, { stillNeeded: tool.call.municipalitiesStillNeeded, closesOn: tool.call.closesOn })}</p>
${paragraph(link(toolPath('/call'), options.canManageCall ? t('calls.tool.manage') : t('calls.tool.answer')))}</div>`
  : options.canManageCall
    ? paragraph(link(toolPath('/call'), t('calls.tool.manage')))
    : ''}
${tool.pilots.length > 0
  ? html`<div class="citydeal-caption-hidden">${table(
      t('pilots.caption'),
      [t('tool.tests.municipality'), t('tool.tests.status'), t('tool.tests.result')],
      tool.pilots.map((p) => [
        organisationLink(p.municipality),
        html`${p.status.label}${p.completedOn ? html`<span class="citydeal-note citydeal-meta">${t('pilots.completedOn', { date: date(p.completedOn) })}</span>` : ''}`,
        p.outcome || p.lessons || p.tested
          ? html`${p.outcome ? html`<strong>${p.outcome.label}.</strong> ` : ''}${localizedText(p.lessons ?? p.tested, ctx.locale)}${
              p.evidenceUrl ? html`<span class="citydeal-note">${link(p.evidenceUrl, t('pilots.evidence'))}</span>` : ''
            }`
          : '–',
      ]),
    )}</div>`
  : paragraph(t('tool.tests.none'))}
${options.ownPilot ? paragraph(link(toolPath('/pilot'), t('pilotResult.link', { municipality: options.ownPilot }))) : ''}
${heading(2, t('adoptions.heading'))}
${tool.adoptions.length > 0
  ? unorderedList(
      tool.adoptions.map((a) => {
        const details = [a.since ? t('adoptions.since', { date: date(a.since) }) : '', a.version ? t('adoptions.version', { version: a.version }) : ''].filter(Boolean).join(', ')
        return html`${organisationLink(a.organisation)}${details ? html` <span class="citydeal-meta">(${details})</span>` : ''}${
          a.localVariant || a.localUrl
            ? html`<span class="citydeal-note">${a.localVariant ? localizedText(a.localVariant, ctx.locale) : ''}${a.localVariant && a.localUrl ? ' ' : ''}${
                a.localUrl ? link(a.localUrl, t('adoption.localVariantOf', { name: a.organisation.name })) : ''
              }</span>`
            : ''
        }`
      }),
      { className: 'citydeal-spaced-list' },
    )
  : paragraph(t('adoptions.none'))}
${options.canAdopt ? paragraph(link(toolPath('/adoption'), t('adoption.link'))) : ''}
${heading(2, t('tool.sdg'))}
${tool.sdgTargets.length > 0
  ? unorderedList(
      tool.sdgTargets.map(
        (s) => html`${filterLink('sdg', s.code, s.label)}${s.contribution ? html`: ${localizedText(s.contribution, ctx.locale)}` : ''}`,
      ),
    )
  : paragraph(t('tool.sdg.none'))}
${tool.themes.length > 0
  ? html`${heading(2, t('tool.themes'))}${unorderedList(tool.themes.map((th) => filterLink('theme', th.code, th.label)))}`
  : ''}
${heading(2, t('tool.assessment'))}
${assessment}
${tool.links.length > 0
  ? html`${heading(2, t('tool.links'))}${unorderedList(tool.links.map((l) => link(l.url, l.title ? html`${localizedText(l.title, ctx.locale)}: ${l.url}` : l.url)))}`
  : ''}
${heading(2, t('tool.related'))}
${tool.related.length > 0 ? unorderedList(tool.related.map((r) => toolLink(r.slug, r.name))) : paragraph(t('tool.related.none'))}
${heading(2, t('tool.similar'))}
${tool.similar.length > 0 ? unorderedList(tool.similar.map((r) => toolLink(r.slug, r.name))) : paragraph(t('tool.similar.none'))}
${heading(2, t('tool.addition.heading'))}
${paragraph(html`${t('tool.addition.text')} ${link(`${localePath(ctx.locale, '/tools/share')}?additionTo=${tool.slug}`, t('tool.addition.link'))}`)}
${tool.startedBy ? paragraph(link(localePath(ctx.locale, `/decisions/${tool.startedBy.id}`), t('decisions.startedBy', { title: tool.startedBy.title }))) : ''}
${tool.lifecycle.length > 0 ? html`${heading(2, t('timeline.heading'))}<ol class="citydeal-timeline">${tool.lifecycle.map(
  (c) => html`<li${c.current ? html` class="citydeal-timeline__current" aria-current="step"` : ''}><time datetime="${c.on}">${date(c.on)}</time> <span class="citydeal-timeline__status">${c.status.label}</span>${
    c.current ? html` <span class="citydeal-meta">(${t('timeline.current')})</span>` : ''
  }</li>`,
)}</ol>` : ''}
${heading(2, t('tool.history'))}
<p class="utrecht-paragraph citydeal-meta">${t('tool.lastChanged', { date: date(tool.updatedAt) })}</p>
${tool.history.length > 0
  ? unorderedList(tool.history.map((h) => t('tool.history.entry', { date: date(h.at), action: h.action, by: h.by })))
  : paragraph(t('tool.history.none'))}
</article>`
  return layout(
    ctx,
    {
      title: tool.name.text,
      section: 'tools',
      description: tool.description?.text ?? '',
      canonical: `/tools/${tool.slug}`,
      ogType: 'article',
      head: jsonLdScript(toolJsonLd(tool, ctx.locale, ctx.publicUrl)),
    },
    main,
  )
}
