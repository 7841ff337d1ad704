import { localePath, translator } from '../i18n/i18n.ts'
import { alert, button, formField, heading, link, paragraph, textbox, unorderedList } from './components/index.ts'
import { html } from './html.ts'
import { layout, type PageContext } from './layout.ts'

/**
 * The error page: what went wrong, in the visitor's language. A page that does not exist says so and offers the
 * catalogue's search; a page that needs an account offers to sign in.
 */
export function errorPage(ctx: PageContext, model: { message: string; problems: string[]; signIn?: boolean; notFound?: boolean }): string {
  const t = translator(ctx.locale)
  const next = `${localePath(ctx.locale, ctx.path)}${ctx.search}`
  const title = model.notFound ? t('error.notFoundTitle') : t('error.title')
  const search = model.notFound
    ? html`<form method="get" action="${localePath(ctx.locale, '/tools')}" class="citydeal-search" role="search">
${formField('error-q', t('error.searchLabel'), textbox({ id: 'error-q', name: 'q', type: 'search', value: '', maxLength: 200 }))}
${button(t('home.search.button'))}
</form>`
    : ''
  const main = html`${heading(1, title)}
${alert('error', html`${paragraph(model.message)}${model.problems.length > 0 ? unorderedList(model.problems) : ''}`, { role: 'alert' })}
${search}
${model.signIn ? paragraph(link(`${localePath(ctx.locale, '/login')}?${new URLSearchParams({ next })}`, t('error.signInLink'))) : ''}
${paragraph(link(localePath(ctx.locale, '/tools'), t('error.backToCatalogue')))}`
  return layout(ctx, { title, index: false }, main)
}
