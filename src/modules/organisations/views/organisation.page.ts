import { localePath, translator } from '../../../i18n/i18n.ts'
import { dataList, heading, link, paragraph, table, unorderedList } from '../../../views/components/index.ts'
import { formatDate } from '../../../views/format.ts'
import { html } from '../../../views/html.ts'
import { layout, type PageContext } from '../../../views/layout.ts'
import { localizedName, localizedText } from '../../../views/localized.ts'
import type { OrganisationToolView, OrganisationView } from '../organisations.presenter.ts'

/** /organisations/{slug}: who the organisation is, and what it owns, co-develops, tests, uses and is involved in. */
export function organisationPage(ctx: PageContext, org: OrganisationView): string {
  const { locale } = ctx
  const t = translator(locale)
  const p = (path: string) => localePath(locale, path)
  const toolLink = (tool: OrganisationToolView) =>
    html`${link(p(`/tools/${tool.slug}`), localizedName(tool.name))}${tool.retired ? html` <span class="citydeal-meta">(${t('organisation.toolRetired')})</span>` : ''}`

  const facts = dataList([
    { key: t('organisation.kind'), value: org.kind.label },
    ...(org.aliases.length > 0 ? [{ key: t('organisation.aliases'), value: org.aliases.join(', ') }] : []),
    ...(org.websiteUrl ? [{ key: t('organisation.website'), value: link(org.websiteUrl, org.websiteUrl, { rel: 'noopener' }) }] : []),
    { key: t('organisation.partner'), value: org.partner ? t('organisation.partner.yes') : t('organisation.partner.no') },
    ...(org.province ? [{ key: t('organisation.province'), value: link(p(`/organisations/${org.province.slug}`), org.province.name) }] : []),
    ...(org.cbsCode ? [{ key: t('organisation.cbsCode'), value: org.cbsCode }] : []),
  ])

  const groups = org.roles.map(
    ({ role, tools }) =>
      html`${heading(3, t(`organisation.role.${role}` as const))}${unorderedList(
        tools.map((tool) => html`${toolLink(tool)}${role === 'partner' && tool.involvement ? html` <span class="citydeal-meta">(${tool.involvement.label})</span>` : ''}`),
        { className: 'citydeal-spaced-list' },
      )}`,
  )
  // What it tests: one pilot per tool, with the stage, the outcome and what was learned.
  const tests =
    org.pilots.length > 0
      ? html`${heading(3, t('organisation.role.test_municipality'))}${table(
          t('organisation.tests.caption', { name: org.name }),
          [t('organisation.tests.tool'), t('organisation.tests.status'), t('organisation.tests.result'), t('organisation.tests.testedOn')],
          org.pilots.map((tool) => [
            toolLink(tool),
            tool.pilot.status.label,
            html`${tool.pilot.outcome ? html`<strong>${tool.pilot.outcome.label}.</strong> ` : ''}${localizedText(tool.pilot.lessons, locale, tool.pilot.outcome ? '' : '–')}`,
            tool.pilot.completedOn ? formatDate(locale, tool.pilot.completedOn) : '–',
          ]),
        )}`
      : ''
  const uses =
    org.adoptions.length > 0
      ? html`${heading(3, t('organisation.role.adopter'))}${unorderedList(
          org.adoptions.map((tool) => {
            const details = [tool.since ? t('adoptions.since', { date: formatDate(locale, tool.since) }) : '', tool.version ? t('adoptions.version', { version: tool.version }) : ''].filter(Boolean).join(', ')
            return html`${toolLink(tool)}${details ? html` <span class="citydeal-meta">(${details})</span>` : ''}${
              tool.localVariant || tool.localUrl
                ? html`<span class="citydeal-note">${tool.localVariant ? localizedText(tool.localVariant, locale) : ''}${tool.localVariant && tool.localUrl ? ' ' : ''}${
                    tool.localUrl ? link(tool.localUrl, t('adoptions.localVariant')) : ''
                  }</span>`
                : ''
            }`
          }),
          { className: 'citydeal-spaced-list' },
        )}`
      : ''
  const any = groups.length > 0 || org.pilots.length > 0 || org.adoptions.length > 0
  // In the order of the data model: owns, co-develops, tests, uses, organises, is involved in.
  const developing = org.roles.filter((r) => r.role === 'owner' || r.role === 'co_developer').length

  const main = html`${heading(1, org.name)}
${facts}
${heading(2, t('organisation.tools'))}
${any ? html`${groups.slice(0, developing)}${tests}${uses}${groups.slice(developing)}` : paragraph(t('organisation.noTools'))}
${paragraph(link(p('/organisations'), t('organisation.all')))}`
  return layout(ctx, { title: org.name, section: 'organisations' }, main)
}
