import { localePath, translator } from '../i18n/i18n.ts'
import { alert, heading, link, paragraph, unorderedList } from './components/index.ts'
import { html } from './html.ts'
import { layout, type PageContext } from './layout.ts'

export function errorPage(ctx: PageContext, model: { message: string; problems: string[]; signIn?: boolean }): string {
  const t = translator(ctx.locale)
  const next = `${localePath(ctx.locale, ctx.path)}${ctx.search}`
  const main = html`${heading(1, t('error.title'))}
${alert('error', html`${paragraph(model.message)}${model.problems.length > 0 ? unorderedList(model.problems) : ''}`, { role: 'alert' })}
${model.signIn ? paragraph(link(`${localePath(ctx.locale, '/login')}?${new URLSearchParams({ next })}`, t('error.signInLink'))) : ''}
${paragraph(link(localePath(ctx.locale, '/tools'), t('error.backToCatalogue')))}`
  return layout(ctx, { title: t('error.title'), index: false }, main)
}
