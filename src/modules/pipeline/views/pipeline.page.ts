import { localePath, translator } from '../../../i18n/i18n.ts'
import { dataList, heading, link, paragraph, statusBadge, unorderedList } from '../../../views/components/index.ts'
import { formatDate } from '../../../views/format.ts'
import { html } from '../../../views/html.ts'
import { layout, type PageContext } from '../../../views/layout.ts'
import { localizedName } from '../../../views/localized.ts'
import type { PipelineView } from '../pipeline-view.presenter.ts'

type Tool = PipelineView[number]['tools'][number]

/** /tools/pipeline: a section per stage, in lifecycle order, each tool with what its next step still lacks. */
export function pipelinePage(ctx: PageContext, stages: PipelineView): string {
  const t = translator(ctx.locale)
  const toolPath = (slug: string) => localePath(ctx.locale, `/tools/${slug}`)
  const organisationLink = (o: { slug: string; name: string }) => link(localePath(ctx.locale, `/organisations/${o.slug}`), o.name)
  const count = (n: number) => (n === 1 ? t('pipeline.stage.countOne') : t('pipeline.stage.count', { count: n }))
  const stageId = (code: string) => `stage-${code.replace(/_/g, '-')}`

  const municipalities = (tool: Tool) => {
    const { gate } = tool
    const progress = (done: number, key: 'pipeline.municipalities.committed' | 'pipeline.municipalities.completed') =>
      html`${t(key, { count: done, needed: gate.needed })}, ${done >= gate.needed ? t('pipeline.municipalities.enough') : t('pipeline.municipalities.stillNeeded', { count: gate.needed - done })}.`
    const summary = gate.applies
      ? html`<span class="citydeal-note">${progress(gate.committed, 'pipeline.municipalities.committed')}</span>${
          tool.gate.next?.code === 'available' ? html`<span class="citydeal-note">${progress(gate.completed, 'pipeline.municipalities.completed')}</span>` : ''
        }`
      : ''
    const list =
      tool.pilots.length > 0
        ? unorderedList(
            tool.pilots.map((p) => html`${organisationLink(p.municipality)} <span class="citydeal-meta">(${p.status.label}${p.outcome ? html`: ${p.outcome.label}` : ''})</span>`),
            { className: 'citydeal-pipeline__pilots' },
          )
        : gate.applies
          ? ''
          : t('pipeline.municipalities.none')
    return html`${summary}${list}`
  }

  const call = (tool: Tool) =>
    tool.call
      ? html`${link(`${toolPath(tool.slug)}/call`, t('pipeline.call.open'))}<span class="citydeal-note citydeal-meta">${
          tool.call.municipalitiesNeeded === 1 ? t('pipeline.call.wantedOne') : t('pipeline.call.wanted', { count: tool.call.municipalitiesNeeded })
        }${
          tool.call.closesOn ? html`, ${t('pipeline.call.until', { date: formatDate(ctx.locale, tool.call.closesOn) })}` : ''
        }</span>`
      : html`<span class="citydeal-meta">${t('pipeline.call.none')}</span>`

  const nextStep = (tool: Tool) => {
    const { gate } = tool
    const verdict = !gate.applies ? t('pipeline.gate.noGate') : gate.missing.length > 0 ? gate.missing.join(' ') : t('pipeline.gate.ready')
    return html`<strong>${gate.next?.label ?? ''}</strong><span class="citydeal-note">${verdict}</span>${
      gate.unmet.length > 0 ? html`<span class="citydeal-note">${t('pipeline.gate.unmet')} ${gate.unmet.join(' ')}</span>` : ''
    }`
  }

  const toolCard = (tool: Tool) => html`<li class="citydeal-pipeline__tool">
${heading(3, link(toolPath(tool.slug), localizedName(tool.name)))}
<ul class="citydeal-badges">
<li>${statusBadge(tool.form.label)}</li>
<li>${statusBadge(tool.origin.label, tool.origin.code === 'city_deal' ? 'active' : 'neutral')}</li>
</ul>
${dataList([
  { key: t('pipeline.owner'), value: tool.owners.length > 0 ? tool.owners.map((o, i) => html`${i > 0 ? ', ' : ''}${organisationLink(o)}`) : html`<span class="citydeal-meta">${t('pipeline.owner.none')}</span>` },
  { key: t('pipeline.municipalities'), value: municipalities(tool) },
  { key: t('pipeline.call'), value: call(tool) },
  { key: t('pipeline.gate'), value: nextStep(tool) },
])}
</li>`

  const main = html`${heading(1, t('pipeline.title'))}
${paragraph(t('pipeline.intro'), { lead: true })}
<nav aria-labelledby="stages-heading" class="citydeal-pipeline__stages">
${heading(2, t('pipeline.stages'), { id: 'stages-heading' })}
<ol>${stages.map((s) => html`<li>${link(`#${stageId(s.status.code)}`, s.status.label)} <span class="citydeal-facet-count">(${s.total})</span></li>`)}</ol>
</nav>
${stages.map(
  (s) => html`<section aria-labelledby="${stageId(s.status.code)}" class="citydeal-pipeline__stage">
${heading(2, html`${s.status.label} <span class="citydeal-meta">(${count(s.total)})</span>`, { id: stageId(s.status.code) })}
${s.tools.length > 0 ? html`<ul class="citydeal-pipeline">${s.tools.map(toolCard)}</ul>` : paragraph(t('pipeline.stage.none'))}
${s.total > s.tools.length ? paragraph(link(`${localePath(ctx.locale, '/tools')}?${new URLSearchParams({ status: s.status.code })}`, t('pipeline.stage.more', { count: s.total }))) : ''}
</section>`,
)}
${paragraph(link(localePath(ctx.locale, '/tools'), t('tool.back.all')))}`
  return layout(ctx, { title: t('pipeline.title'), section: 'tools', description: t('pipeline.intro') }, main)
}
