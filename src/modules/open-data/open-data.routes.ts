import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Config } from '../../config.ts'
import { localeFromAcceptLanguage, localePath, translate } from '../../i18n/i18n.ts'
import { LOCALES } from '../../i18n/messages.ts'
import { negotiate, RDF_FORMATS, type RdfFormat } from '../../lib/rdf.ts'
import { authorize } from '../../lib/policy.ts'
import { chooseEncoding, varyOnEncoding } from '../../plugins/compression.ts'
import { pageContext } from '../../plugins/context.ts'
import { sendPage } from '../../plugins/forms.ts'
import type { OpenDataService } from './open-data.service.ts'
import { openDataReportPage } from './views/report.page.ts'

const OFFERED = (Object.keys(RDF_FORMATS) as RdfFormat[]).map((name) => ({ name, type: RDF_FORMATS[name].type }))

/**
 * /data/catalogue (Turtle or JSON-LD by Accept; 406 for anything else), /data/catalogue.ttl, /data/catalogue.jsonld:
 * the published catalogue as DCAT-AP 3.0. /curation/open-data: the curators' report of the tools left out.
 */
export function registerOpenDataPages(app: FastifyInstance, ctx: { config: Config; openData: OpenDataService }) {
  /** Compressed once per catalogue version and encoding (the compression hook lets an encoded answer pass). */
  const send = async (request: FastifyRequest, reply: FastifyReply, format: RdfFormat) => {
    const encoding = request.method === 'HEAD' ? undefined : chooseEncoding(request.headers['accept-encoding'])
    reply.type(`${RDF_FORMATS[format].type}; charset=utf-8`).header('content-location', `/data/catalogue${RDF_FORMATS[format].suffix}`).header('vary', 'Accept')
    varyOnEncoding(reply)
    if (encoding) reply.header('content-encoding', encoding)
    return reply.send(await ctx.openData.serialised(format, encoding))
  }

  app.get('/data/catalogue', async (request, reply) => {
    const format = negotiate(request.headers.accept, OFFERED)
    if (format) return send(request, reply, format)
    const locale = localeFromAcceptLanguage(request.headers['accept-language'])
    return reply.code(406).type('text/plain; charset=utf-8').header('vary', 'Accept').send(`${translate(locale, 'openData.notAcceptable')}\n/data/catalogue.ttl\n/data/catalogue.jsonld\n`)
  })
  for (const format of Object.keys(RDF_FORMATS) as RdfFormat[]) {
    app.get(`/data/catalogue${RDF_FORMATS[format].suffix}`, async (request, reply) => send(request, reply, format))
  }

  for (const locale of LOCALES) {
    app.get(localePath(locale, '/curation/open-data'), async (request, reply) => {
      authorize(request.actor, 'curation.manage')
      return sendPage(reply, openDataReportPage(pageContext(request, ctx.config.PUBLIC_URL), await ctx.openData.report()))
    })
  }
}
