import { label, localePath, translator } from '../../../i18n/i18n.ts'
import type { Locale } from '../../../i18n/messages.ts'
import { heading, link, paragraph } from '../../../views/components/index.ts'
import { html, type SafeHtml } from '../../../views/html.ts'
import { layout, type PageContext } from '../../../views/layout.ts'
import { properties, summarise, type SummaryPart } from '../api-reference.schema.ts'
import { PROBLEM_TYPES } from '../problem-types.ts'

/** The parts of an OpenAPI 3.0 document the reference shows. */
export interface OpenApiDocument {
  info: { title: string; version: string; description: string }
  servers: { url: string }[]
  tags: { name: string; description: string }[]
  paths: Record<string, Record<string, Operation>>
  components: { schemas: Record<string, object> }
}
interface Operation {
  operationId: string
  tags: string[]
  summary: string
  description?: string
  parameters?: { name: string; in: string; required?: boolean; description?: string; schema: object }[]
  requestBody?: { required?: boolean; content: Record<string, { schema: object }> }
  responses: Record<string, { description: string; content?: Record<string, { schema: object }> }>
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const

/** The anchor of an operation's section, of a component schema's, of a problem type's. */
export const operationAnchor = (operationId: string) => `operation-${operationId}`
export const schemaAnchor = (name: string) => `schema-${name}`
export const problemAnchor = (id: string) => `problem-${id}`

/** The API reference: every operation by tag, its parameters, body and answers, the schemas and the problem types. */
export function apiReferencePage(ctx: PageContext, document: OpenApiDocument): string {
  const t = translator(ctx.locale)
  const base = document.servers[0]?.url ?? ''
  const basePath = new URL(base).pathname
  const english = (text: string) => (ctx.locale === 'en' ? text : html`<span lang="en">${text}</span>`)
  const summary = (parts: SummaryPart[]) =>
    html`<span lang="en">${parts.map((p) => ('component' in p ? link(`#${schemaAnchor(p.component)}`, p.component) : p.text))}</span>`
  const operations = Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.flatMap((method) => (item[method] ? [{ path, method, operation: item[method] }] : [])),
  )

  // A list rather than a table: it reads the same at a phone's width.
  const parameterList = (operation: Operation) =>
    operation.parameters && operation.parameters.length > 0
      ? html`${heading(4, t('apiReference.parameters'))}<dl class="citydeal-api-properties">${operation.parameters.map(
          (p) => html`<dt><code>${p.name}</code> (${t('apiReference.in', { in: p.in })}${p.required ? html`, ${t('apiReference.required')}` : ''})</dt>
<dd>${summary(summarise(p.schema))}${p.description ? html`. ${english(p.description)}` : ''}</dd>`,
        )}</dl>`
      : ''

  const bodySection = (operation: Operation) => {
    if (!operation.requestBody) return ''
    return Object.entries(operation.requestBody.content).map(
      ([mediaType, { schema }]) => html`${heading(4, t('apiReference.body', { mediaType }))}${propertyList(schema)}`,
    )
  }

  const propertyList = (schema: object) => {
    const list = properties(schema)
    if (list.length === 0) return paragraph(summary(summarise(schema)))
    return html`<dl class="citydeal-api-properties">${list.map(
      (p) => html`<dt><code>${p.name}</code>${p.required ? html` (${t('apiReference.required')})` : ''}</dt><dd>${summary(p.summary)}${p.description ? html`. ${english(p.description)}` : ''}</dd>`,
    )}</dl>`
  }

  const responseList = (operation: Operation) =>
    html`${heading(4, t('apiReference.responses'))}<dl class="citydeal-api-properties">${Object.entries(operation.responses).map(
      ([status, answer]) => html`<dt><code>${status}</code></dt><dd>${english(answer.description)}${Object.entries(answer.content ?? {}).map(
        ([mediaType, { schema }]) => html`<br><code>${mediaType}</code>: ${summary(summarise(schema))}`,
      )}</dd>`,
    )}</dl>`

  const operationSection = ({ path, method, operation }: (typeof operations)[number]) =>
    html`<section class="citydeal-api-operation" aria-labelledby="${operationAnchor(operation.operationId)}">
${heading(3, html`<code>${method.toUpperCase()} ${basePath}${path}</code>`, { id: operationAnchor(operation.operationId) })}
${paragraph(english(operation.summary), { lead: true })}
${operation.description ? paragraph(english(operation.description)) : ''}
${parameterList(operation)}
${bodySection(operation)}
${responseList(operation)}
</section>`

  const main = html`<article class="citydeal-api-reference">
${heading(1, t('apiReference.title'))}
${paragraph(t('apiReference.intro', { version: document.info.version }), { lead: true })}
${paragraph(html`${t('apiReference.base')} <code>${base}</code>. ${link('/api/v1/openapi.json', t('apiReference.document'))}`)}
${paragraph(english(document.info.description))}
<nav aria-labelledby="api-contents">${heading(2, t('apiReference.contents'), { id: 'api-contents' })}<ul class="utrecht-unordered-list">${document.tags.map(
    (tag) => html`<li class="utrecht-unordered-list__item">${link(`#tag-${tag.name}`, tag.name)}<ul class="utrecht-unordered-list">${operations
      .filter((o) => o.operation.tags.includes(tag.name))
      .map((o) => html`<li class="utrecht-unordered-list__item">${link(`#${operationAnchor(o.operation.operationId)}`, `${o.method.toUpperCase()} ${basePath}${o.path}`)}</li>`)}</ul></li>`,
  )}
<li class="utrecht-unordered-list__item">${link('#schemas', t('apiReference.schemas'))}</li>
<li class="utrecht-unordered-list__item">${link('#problems', t('apiReference.problems'))}</li></ul></nav>
${document.tags.map(
    (tag) => html`<section aria-labelledby="tag-${tag.name}">${heading(2, tag.name, { id: `tag-${tag.name}` })}
${paragraph(english(tag.description))}
${operations.filter((o) => o.operation.tags.includes(tag.name)).map(operationSection)}</section>`,
  )}
<section aria-labelledby="schemas">${heading(2, t('apiReference.schemas'), { id: 'schemas' })}
${paragraph(t('apiReference.schemasIntro'))}
${Object.entries(document.components.schemas).map(
    ([name, schema]) => html`<section aria-labelledby="${schemaAnchor(name)}">${heading(3, html`<code>${name}</code>`, { id: schemaAnchor(name) })}
${'description' in schema && typeof schema.description === 'string' ? paragraph(english(schema.description)) : ''}
${propertyList(schema)}</section>`,
  )}</section>
${problemSection(ctx.locale)}
</article>`
  return layout(ctx, { title: t('apiReference.title'), description: t('apiReference.intro', { version: document.info.version }), canonical: '/api' }, main)
}

/** Every problem type with its status, title and meaning: where a problem's `type` URI leads. */
function problemSection(locale: Locale): SafeHtml {
  const t = translator(locale)
  return html`<section aria-labelledby="problems">${heading(2, t('apiReference.problems'), { id: 'problems' })}
${paragraph(t('apiReference.problemsIntro'))}
${PROBLEM_TYPES.map(
    (problem) => html`<section class="citydeal-api-problem" aria-labelledby="${problemAnchor(problem.id)}">
${heading(3, html`<code>${problem.id}</code> · ${problem.status}`, { id: problemAnchor(problem.id) })}
${paragraph(html`<strong>${label(locale, 'apiReference.problem', problem.id)}.</strong> ${label(locale, 'apiReference.meaning', problem.id)}`)}
</section>`,
  )}
${paragraph(link(localePath(locale, '/contact'), t('apiReference.questions')))}</section>`
}
