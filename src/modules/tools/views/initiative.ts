import { label, localePath, translator } from '../../../i18n/i18n.ts'
import type { Locale } from '../../../i18n/messages.ts'
import { link } from '../../../views/components/index.ts'
import { html, type SafeHtml } from '../../../views/html.ts'
import { INVOLVEMENTS } from '../tools.constants.ts'

export interface InitiativeOrganisation {
  slug: string
  name: string
  role: string
  involvement: string | null
}

/**
 * An initiative of others in one sentence: "Initiatief van {organising party}; betrokken partners: A (trekker),
 * B (geïnformeerd)." Partners closest to it first.
 */
export function initiativeStatement(locale: Locale, organisations: InitiativeOrganisation[]): SafeHtml {
  const t = translator(locale)
  const orgLink = (o: InitiativeOrganisation) => link(localePath(locale, `/organisations/${o.slug}`), o.name)
  const list = (items: SafeHtml[]) => items.map((item, i) => html`${i > 0 ? ', ' : ''}${item}`)
  const organisers = organisations.filter((o) => o.role === 'organising_party')
  const depth = (o: InitiativeOrganisation) => (o.involvement ? INVOLVEMENTS.indexOf(o.involvement as (typeof INVOLVEMENTS)[number]) : INVOLVEMENTS.length)
  const partners = organisations.filter((o) => o.role === 'partner').sort((a, b) => depth(a) - depth(b) || a.name.localeCompare(b.name, locale))
  const by = organisers.length > 0 ? html`${t('initiative.of')} ${list(organisers.map(orgLink))}` : t('initiative.unknownOrganiser')
  const involved =
    partners.length > 0
      ? html`${t('initiative.partners')} ${list(partners.map((p) => html`${orgLink(p)}${p.involvement ? ` (${label(locale, 'involvement', p.involvement)})` : ''}`))}`
      : t('initiative.noPartners')
  return html`<p class="utrecht-paragraph citydeal-initiative">${by}; ${involved}.</p>`
}
