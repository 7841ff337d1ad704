import { localePath, translator } from '../../../i18n/i18n.ts'
import { heading, link, paragraph, table, unorderedList } from '../../../views/components/index.ts'
import { html } from '../../../views/html.ts'
import type { PageContext } from '../../../views/layout.ts'
import { simplePage } from '../../../views/simple.page.ts'
import type { OpenDataService } from '../open-data.service.ts'

type Report = Awaited<ReturnType<OpenDataService['report']>>

const nameOf = (locale: 'nl' | 'en', t: { name_nl: string | null; name_en: string | null; slug: string }) =>
  (locale === 'en' ? (t.name_en ?? t.name_nl) : (t.name_nl ?? t.name_en)) ?? t.slug

/** /curation/open-data: which tools the DCAT-AP export leaves out and what each lacks; which have no licence. */
export function openDataReportPage(ctx: PageContext, report: Report): string {
  const { locale } = ctx
  const t = translator(locale)
  const total = report.exported + report.leftOut.length
  const leftOut =
    report.leftOut.length === 0
      ? paragraph(t('openData.report.none'))
      : table(
          t('openData.report.tableCaption'),
          [t('openData.report.tool'), t('openData.report.missing'), t('openData.report.edit')],
          report.leftOut.map((tool) => [
            link(localePath(locale, `/tools/${tool.slug}`), nameOf(locale, tool)),
            tool.missing.map((m) => t(`openData.missing.${m}`)).join(', '),
            link(localePath(locale, `/tools/${tool.slug}/edit${tool.missing.includes('owner') && tool.missing.length === 1 ? '/organisations' : ''}`), t('openData.report.edit'), {
              label: `${t('openData.report.edit')}: ${nameOf(locale, tool)}`,
            }),
          ]),
        )
  const content = html`${paragraph(t('openData.report.summary', { exported: report.exported, total, left: report.leftOut.length }))}
${heading(2, t('openData.report.leftOut'))}
${leftOut}
${heading(2, t('openData.report.pages'))}
${paragraph(t('openData.report.pagesIntro', { count: report.withoutLicence.length }))}
${report.withoutLicence.length > 0 ? html`<details><summary>${t('openData.report.pages')} (${report.withoutLicence.length})</summary>${unorderedList(report.withoutLicence.map((tool) => link(localePath(locale, `/tools/${tool.slug}/edit`), nameOf(locale, tool))))}</details>` : ''}
${paragraph(html`${link('/data/catalogue.ttl', 'Turtle')} · ${link('/data/catalogue.jsonld', 'JSON-LD')}`)}`
  return simplePage(ctx, { title: t('openData.report.title'), intro: t('openData.report.intro'), section: 'curation' }, content)
}
