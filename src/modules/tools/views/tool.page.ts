import { localePath, translator } from '../../../i18n/i18n.ts'
import { dataList, heading, link, paragraph, table, unorderedList } from '../../../views/components/index.ts'
import { html } from '../../../views/html.ts'
import { layout, type PageContext } from '../../../views/layout.ts'
import { formatDate } from '../../../views/format.ts'
import { localizedName, localizedText } from '../../../views/localized.ts'
import type { ToolView } from '../tools.presenter.ts'

export function toolPage(ctx: PageContext, tool: ToolView): string {
  const t = translator(ctx.locale)
  const notRecorded = t('tool.notRecorded')
  const date = (value: Date | string) => formatDate(ctx.locale, value)
  const toolLink = (slug: string, name: ToolView['name']) => link(localePath(ctx.locale, `/tools/${slug}`), localizedName(name))
  const filterLink = (facet: string, value: string, text: string) =>
    link(`${localePath(ctx.locale, '/tools')}?${new URLSearchParams({ [facet]: value })}`, text)

  const facts = dataList([
    { key: t('tool.category'), value: filterLink('category', tool.category.code, tool.category.label) },
    { key: t('tool.form'), value: filterLink('form', tool.form.code, tool.form.label) },
    {
      key: t('tool.bindingForce'),
      value: tool.form.bindingLevel ? html`<strong>${tool.form.bindingLevel.label}.</strong> ${tool.form.bindingForce}` : notRecorded,
    },
    { key: t('tool.status'), value: tool.status.label },
    { key: t('tool.origin'), value: tool.origin.label },
    {
      key: t('tool.processes'),
      value: tool.processes.length > 0 ? tool.processes.map((p, i) => html`${i > 0 ? ', ' : ''}${filterLink('process', p.code, p.label)}`) : notRecorded,
    },
    { key: t('tool.licence'), value: tool.licence ?? notRecorded },
    ...(tool.languages.length > 0 ? [{ key: t('tool.languages'), value: tool.languages.map((l) => l.label).join(', ') }] : []),
    { key: t('tool.website'), value: tool.website ? link(tool.website, tool.website) : notRecorded },
    ...(tool.aliases.length > 0 ? [{ key: t('tool.aliases'), value: tool.aliases.join(' · ') }] : []),
  ])

  const assessmentTable = (caption: string, rows: ToolView['assessment']['principles']) =>
    table(
      caption,
      [t('tool.assessment.criterion'), t('tool.assessment.rating'), t('tool.assessment.explanation')],
      rows.map((r) => [r.label, r.rating.label, localizedText(r.explanation, ctx.locale, '–')]),
    )

  const main = html`<article>
${heading(1, localizedName(tool.name))}
${tool.description ? paragraph(localizedText(tool.description, ctx.locale), { lead: true }) : ''}
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
        (o) => html`${o.name} (${o.kind.label}) – ${o.role.label}${o.involvement ? html`, ${o.involvement.label}` : ''}`,
      ),
    )
  : paragraph(t('tool.organisations.none'))}
${heading(2, t('tool.tests'))}
${tool.testMunicipalities.length > 0
  ? table(
      t('tool.tests'),
      [t('tool.tests.municipality'), t('tool.tests.status'), t('tool.tests.result')],
      tool.testMunicipalities.map((m) => [m.name, m.testStatus?.label ?? '–', localizedText(m.result, ctx.locale, '–')]),
    )
  : paragraph(t('tool.tests.none'))}
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
${assessmentTable(t('tool.assessment.principles'), tool.assessment.principles)}
${assessmentTable(t('tool.assessment.rathenau'), tool.assessment.rathenau)}
${assessmentTable(t('tool.assessment.preconditions'), tool.assessment.preconditions)}
${tool.links.length > 0
  ? html`${heading(2, t('tool.links'))}${unorderedList(tool.links.map((l) => link(l.url, html`${localizedText(l.title, ctx.locale)}: ${l.url}`)))}`
  : ''}
${heading(2, t('tool.related'))}
${tool.related.length > 0 ? unorderedList(tool.related.map((r) => toolLink(r.slug, r.name))) : paragraph(t('tool.related.none'))}
${heading(2, t('tool.similar'))}
${tool.similar.length > 0 ? unorderedList(tool.similar.map((r) => toolLink(r.slug, r.name))) : paragraph(t('tool.similar.none'))}
${heading(2, t('tool.addition.heading'))}
${paragraph(html`${t('tool.addition.text')} ${link(`${localePath(ctx.locale, '/tools/share')}?additionTo=${tool.slug}`, t('tool.addition.link'))}`)}
${heading(2, t('tool.history'))}
<p class="utrecht-paragraph citydeal-meta">${t('tool.lastChanged', { date: date(tool.updatedAt) })}</p>
${tool.history.length > 0 ? unorderedList(tool.history.map((h) => html`${date(h.at)}: ${h.action} (${h.by})`)) : paragraph(t('tool.history.none'))}
</article>`
  return layout(ctx, { title: tool.name.text, section: 'tools', description: tool.description?.text ?? '' }, main)
}
