import { localePath, translator } from '../../../i18n/i18n.ts'
import { link, unorderedList } from '../../../views/components/index.ts'
import type { PageContext } from '../../../views/layout.ts'
import { simplePage } from '../../../views/simple.page.ts'

/** /admin: the way to users, organisations, the outbox and the audit log. */
export function adminPage(ctx: PageContext): string {
  const t = translator(ctx.locale)
  const p = (path: string) => localePath(ctx.locale, path)
  return simplePage(
    ctx,
    { title: t('admin.title'), intro: t('admin.intro'), section: 'admin' },
    unorderedList([
      link(p('/admin/users'), t('admin.users')),
      link(p('/admin/organisations'), t('admin.organisations')),
      link(p('/admin/outbox'), t('admin.outbox')),
      link(p('/admin/audit'), t('admin.audit')),
      link(p('/admin/programme'), t('programme.admin.title')),
      link(p('/admin/partnerships'), t('partners.admin.link')),
    ]),
  )
}
