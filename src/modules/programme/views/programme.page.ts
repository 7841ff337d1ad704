import { localePath, translator } from '../../../i18n/i18n.ts'
import type { MessageKey } from '../../../i18n/messages.ts'
import { alert, button, heading, link, paragraph, table } from '../../../views/components/index.ts'
import { postForm } from '../../../views/form.ts'
import { formatDate } from '../../../views/format.ts'
import { html } from '../../../views/html.ts'
import { layout, type PageContext } from '../../../views/layout.ts'
import { TARGET_CODES, type ProgrammeFigures } from '../programme.figures.ts'
import { targetDefinition, targetLabel, type Cell, type DataTable, type TableId } from '../programme.presenter.ts'
import { barChart, type BarRow } from './bar-chart.ts'

/** /programme: targets against actuals, the funnel, who takes part; each chart followed by its table and a sentence. */
export interface ProgrammePageOptions {
  /** The earlier day asked for (the figures are then a stored snapshot). */
  asOf?: string | undefined
  /** Days with stored figures, the newest first. */
  snapshotDays: string[]
  /** Given to curators and administrators only: the form that stores today's figures. */
  csrfToken?: string | undefined
  flash?: MessageKey | undefined
}

export function programmePage(ctx: PageContext, figures: ProgrammeFigures, tables: DataTable[], options: ProgrammePageOptions): string {
  const { locale } = ctx
  const t = translator(locale)
  const p = (path: string) => localePath(locale, path)
  const byId = (id: TableId) => tables.find((x) => x.id === id)!
  const date = (value: string) => formatDate(locale, value)
  const query = options.asOf ? `?asOf=${options.asOf}` : ''
  const csvHref = (id: TableId) => p(`/programme/${id}.csv${query}`)
  const cell = (c: Cell) => (c.href ? link(c.href, String(c.value)) : String(c.value))

  /** A figure: its heading (unless the section's own says it), the chart, its table, its sentence and its CSV. */
  const figure = (data: DataTable, options: { heading?: boolean } = {}) => {
    const rows: BarRow[] = data.rows.map((row) => ({
      label: String(row[0]!.value),
      value: Number(row[data.chart.value]!.value),
      target: data.chart.target === undefined ? undefined : Number(row[data.chart.target]!.value),
    }))
    const valueText = (row: BarRow) =>
      row.target !== undefined ? `${row.value} (${t('programme.chart.target', { target: row.target })})` : data.id === 'gate' ? `${row.value} / ${figures.gate.tools}` : String(row.value)
    return html`<div class="citydeal-figure" id="figure-${data.id}">
${options.heading === false ? '' : heading(3, data.caption)}
${
  data.rows.length > 0
    ? html`${barChart({ id: `chart-${data.id}`, title: data.caption, description: data.summary, rows, valueText })}
${data.chart.target !== undefined ? paragraph(t('programme.chart.legend')) : ''}
${table(data.caption, data.headers, data.rows.map((row) => row.map(cell)))}`
    : ''
}
${paragraph(data.summary)}
${paragraph(link(csvHref(data.id), t('programme.csv', { caption: data.caption })))}
</div>`
  }

  const outside = figures.startedOutside
  const sections = [
    { id: 'targets', title: t('programme.targets.heading') },
    { id: 'funnel', title: t('programme.funnel.heading') },
    { id: 'participation', title: t('programme.participation.heading') },
    { id: 'growth', title: t('programme.growth.heading') },
    { id: 'history', title: t('programme.history.heading') },
    { id: 'data', title: t('programme.data') },
  ]
  const section = (id: string) => sections.find((s) => s.id === id)!.title
  const targets = figures.programme.targets

  const main = html`${heading(1, t('programme.title'))}
${paragraph(t('programme.intro', { name: figures.programme.name }), { lead: true })}
${options.flash ? alert('ok', t(options.flash), { role: 'status' }) : ''}
${options.asOf ? alert('info', html`${t('programme.history.viewing', { date: date(figures.asOf) })} ${link(p('/programme'), t('programme.history.today'))}`) : ''}
${paragraph(t('programme.asOf', { date: date(figures.asOf), start: date(figures.programme.startsOn), signing: date(figures.programme.signingOn) }))}
<nav aria-labelledby="programme-contents" class="citydeal-programme__contents">
${heading(2, t('programme.contents'), { id: 'programme-contents' })}
<ul>${sections.map((s) => html`<li>${link(`#${s.id}`, s.title)}</li>`)}</ul>
</nav>
<section aria-labelledby="targets" class="citydeal-programme__section">
${heading(2, section('targets'), { id: 'targets' })}
${paragraph(t('programme.targets.intro', { content: targets.content, governance: targets.governance, inYear: targets.startedInYear, atSigning: targets.startedAtSigning }))}
${figure(byId('targets'), { heading: false })}
${heading(3, t('programme.definitions'))}
<dl class="citydeal-programme__definitions">${TARGET_CODES.map((code) => html`<dt>${targetLabel(locale, code)}</dt><dd>${targetDefinition(locale, figures, code)}</dd>`)}</dl>
${
  outside === 1
    ? paragraph(t('programme.startedOutsideOne', { start: date(figures.programme.startsOn), signing: date(figures.programme.signingOn) }))
    : outside > 1
      ? paragraph(t('programme.startedOutside', { count: outside, start: date(figures.programme.startsOn), signing: date(figures.programme.signingOn) }))
      : ''
}
</section>
<section aria-labelledby="funnel" class="citydeal-programme__section">
${heading(2, section('funnel'), { id: 'funnel' })}
${paragraph(t('programme.stages.intro'))}
${figure(byId('stages'))}
${paragraph(t('programme.gate.intro', { total: figures.gate.tools }))}
${figure(byId('gate'))}
</section>
<section aria-labelledby="participation" class="citydeal-programme__section">
${heading(2, section('participation'), { id: 'participation' })}
${paragraph(t('programme.partners.intro'))}
${figure(byId('partners'))}
${paragraph(t('programme.municipalities.intro'))}
${figure(byId('municipalities'))}
${paragraph(html`${t('programme.calls', { count: figures.openCalls })} ${link(p('/calls'), t('programme.callsLink'))}`)}
${paragraph(t('programme.active.intro'))}
${figure(byId('active'))}
</section>
<section aria-labelledby="growth" class="citydeal-programme__section">
${heading(2, section('growth'), { id: 'growth' })}
${paragraph(t('programme.growth.intro'))}
${figure(byId('growth'))}
</section>
<section aria-labelledby="history" class="citydeal-programme__section">
${heading(2, section('history'), { id: 'history' })}
${paragraph(t('programme.history.intro'))}
${options.snapshotDays.length > 0
  ? html`<ul class="citydeal-programme__history">${options.snapshotDays.map((day) => html`<li>${link(`${p('/programme')}?asOf=${day}`, date(day), { current: day === options.asOf })}</li>`)}</ul>`
  : paragraph(t('programme.history.none'))}
${options.csrfToken
  ? html`${paragraph(t('programme.snapshot.intro'))}${postForm({ action: p('/programme/snapshots'), csrfToken: options.csrfToken }, html`<p class="utrecht-paragraph">${button(t('programme.snapshot.store'))}</p>`)}`
  : ''}
</section>
<section aria-labelledby="data" class="citydeal-programme__section">
${heading(2, section('data'), { id: 'data' })}
<ul>${tables.map((data) => html`<li>${link(csvHref(data.id), t('programme.csv', { caption: data.caption }))}</li>`)}
<li>${link(`/api/v1/programme?lang=${locale}${options.asOf ? `&asOf=${options.asOf}` : ''}`, t('programme.json'))}</li></ul>
</section>`
  return layout(ctx, { title: t('programme.title'), description: t('programme.intro', { name: figures.programme.name }) }, main)
}
