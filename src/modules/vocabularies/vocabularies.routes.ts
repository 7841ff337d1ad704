import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Config } from '../../config.ts'
import { NotFoundError } from '../../errors.ts'
import { localePath } from '../../i18n/i18n.ts'
import { LOCALES } from '../../i18n/messages.ts'
import { negotiate, RDF_FORMATS, toJsonLd, toTurtle, type RdfFormat } from '../../lib/rdf.ts'
import { pageContext } from '../../plugins/context.ts'
import { sendPage } from '../../plugins/forms.ts'
import type { ReferenceData } from '../reference/reference.service.ts'
import { conceptSchemes, isSchemeSlug, type ConceptScheme } from './vocabularies.model.ts'
import { schemesGraph } from './vocabularies.rdf.ts'
import { schemePage, vocabulariesIndexPage } from './views/vocabularies.page.ts'

type Representation = 'html' | RdfFormat
const OFFERED: { name: Representation; type: string }[] = [
  { name: 'html', type: 'text/html' },
  { name: 'turtle', type: RDF_FORMATS.turtle.type },
  { name: 'jsonld', type: RDF_FORMATS.jsonld.type },
]

/** A path's representation by its suffix (.ttl, .jsonld), else by the Accept header (a page when it takes one). */
function representationOf(request: FastifyRequest, name: string): { base: string; format: Representation } {
  for (const [format, { suffix }] of Object.entries(RDF_FORMATS) as [RdfFormat, { suffix: string }][]) {
    if (name.endsWith(suffix)) return { base: name.slice(0, -suffix.length), format }
  }
  return { base: name, format: negotiate(request.headers.accept, OFFERED) ?? 'html' }
}

export async function sendRdf(reply: FastifyReply, format: RdfFormat, graph: Parameters<typeof toTurtle>[0]) {
  const body = format === 'turtle' ? await toTurtle(graph) : toJsonLd(graph)
  return reply.type(`${RDF_FORMATS[format].type}; charset=utf-8`).header('vary', 'Accept').send(body)
}

/**
 * /vocabularies (index), /vocabularies/{scheme} (a page, or Turtle / JSON-LD by Accept or by a .ttl / .jsonld suffix)
 * and /vocabularies/{scheme}/{code}: a concept's address, which answers 303 to its row on the scheme's page, or to
 * the scheme's RDF for a client that asks for RDF.
 */
export function registerVocabularyPages(app: FastifyInstance, ctx: { config: Config; reference: ReferenceData }) {
  const schemes = () => conceptSchemes(ctx.reference)
  const schemeOf = (slug: string): ConceptScheme => {
    const scheme = isSchemeSlug(slug) ? schemes().find((s) => s.slug === slug) : undefined
    if (!scheme) throw new NotFoundError()
    return scheme
  }
  const base = ctx.config.PUBLIC_URL

  for (const locale of LOCALES) {
    const page = (request: FastifyRequest) => pageContext(request, base)
    const p = (path: string) => localePath(locale, path)

    app.get(p('/vocabularies'), async (request, reply) => {
      const format = negotiate(request.headers.accept, OFFERED) ?? 'html'
      if (format !== 'html') return sendRdf(reply, format, schemesGraph(base, schemes()))
      reply.header('vary', 'Accept')
      return sendPage(reply, vocabulariesIndexPage(page(request), schemes()))
    })
    for (const format of Object.keys(RDF_FORMATS) as RdfFormat[]) {
      app.get(p(`/vocabularies${RDF_FORMATS[format].suffix}`), async (_request, reply) => sendRdf(reply, format, schemesGraph(base, schemes())))
    }

    app.get<{ Params: { scheme: string } }>(p('/vocabularies/:scheme'), async (request, reply) => {
      const { base: slug, format } = representationOf(request, request.params.scheme)
      const scheme = schemeOf(slug)
      if (format !== 'html') return sendRdf(reply, format, schemesGraph(base, [scheme]))
      reply.header('vary', 'Accept')
      return sendPage(reply, schemePage(page(request), scheme))
    })

    app.get<{ Params: { scheme: string; code: string } }>(p('/vocabularies/:scheme/:code'), async (request, reply) => {
      const scheme = schemeOf(request.params.scheme)
      const concept = scheme.concepts.find((c) => c.code === request.params.code)
      if (!concept) throw new NotFoundError()
      const format = negotiate(request.headers.accept, OFFERED) ?? 'html'
      const target = format === 'html' ? `${p(`/vocabularies/${scheme.slug}`)}#${encodeURIComponent(concept.code)}` : `/vocabularies/${scheme.slug}${RDF_FORMATS[format].suffix}`
      return reply.header('vary', 'Accept').redirect(target, 303)
    })
  }
}
