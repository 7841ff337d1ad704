import { translator } from '../../../i18n/i18n.ts'
import { heading, paragraph, table, unorderedList } from '../../../views/components/index.ts'
import { html } from '../../../views/html.ts'
import { layout, type PageContext } from '../../../views/layout.ts'

export interface AboutPageModel {
  principles: { label: string; description: string }[]
  rathenau: { label: string; description: string }[]
  preconditions: { label: string; description: string }[]
  forms: { label: string; binding: string; bindingForce: string; description: string }[]
  sdgTargets: { code: string; title: string; summary: string }[]
  sdgSourceUrl: string
}

export function aboutPage(ctx: PageContext, model: AboutPageModel): string {
  const t = translator(ctx.locale)
  const definitions = (items: { label: string; description: string }[]) =>
    unorderedList(items.map((i) => html`<strong>${i.label}</strong>: ${i.description}`))
  const main = html`${heading(1, t('about.title'))}
${paragraph(t('about.intro'), { lead: true })}
${heading(2, t('about.tool.heading'))}
${paragraph(t('about.tool.text'))}
${heading(2, t('about.principles.heading'))}
${paragraph(t('about.principles.intro'))}
${definitions(model.principles)}
${heading(2, t('about.rathenau.heading'))}
${paragraph(t('about.rathenau.intro'))}
${definitions(model.rathenau)}
${heading(2, t('about.preconditions.heading'))}
${paragraph(t('about.preconditions.intro'))}
${definitions(model.preconditions)}
${heading(2, t('about.forms.heading'))}
${table(
  t('about.forms.heading'),
  [t('about.forms.form'), t('about.forms.binding'), t('about.forms.description')],
  model.forms.map((f) => [f.label, html`<strong>${f.binding}.</strong> ${f.bindingForce}`, f.description]),
)}
${heading(2, t('about.sdg.heading'))}
${unorderedList(model.sdgTargets.map((s) => html`<strong>${s.code} ${s.title}</strong>: ${s.summary}`))}
${heading(2, t('about.lifecycle.heading'))}
${paragraph(t('about.lifecycle.text'))}`
  return layout(ctx, { title: t('about.title'), section: 'about', description: t('about.intro') }, main)
}
