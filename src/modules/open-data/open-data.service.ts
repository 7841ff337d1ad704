import { toJsonLd, toTurtle, type RdfFormat } from '../../lib/rdf.ts'
import { compress, type Encoding } from '../../plugins/compression.ts'
import type { ReferenceData } from '../reference/reference.service.ts'
import { conceptSchemes } from '../vocabularies/vocabularies.model.ts'
import { buildCatalogue, type CatalogueExport, type CatalogueSettings } from './open-data.catalogue.ts'
import { toolRecords } from './open-data.model.ts'
import type { OpenDataRepository } from './open-data.repository.ts'

export interface OpenDataDeps {
  repository: OpenDataRepository
  reference: ReferenceData
  settings: CatalogueSettings
}

interface Built {
  version: number
  catalogue: CatalogueExport
  /** Each serialisation once, and each compressed once per encoding (a large catalogue is megabytes). */
  bodies: Map<string, Promise<Buffer>>
}

/** The catalogue as DCAT-AP: built once per catalogue version (every change counts it up), then served from memory. */
export function createOpenDataService(deps: OpenDataDeps) {
  let current: Promise<Built> | undefined

  async function build(version: number): Promise<Built> {
    const records = toolRecords(await deps.repository.catalogue())
    return { version, catalogue: buildCatalogue(deps.settings, records, conceptSchemes(deps.reference)), bodies: new Map() }
  }

  async function latest(): Promise<Built> {
    const version = await deps.repository.catalogueVersion()
    const known = current ? await current.catch(() => undefined) : undefined
    if (known && known.version === version) return known
    // Requests that arrive while it is built wait for the same build.
    const building = build(version)
    current = building
    return building
  }

  return {
    /** The catalogue in Turtle or JSON-LD, compressed for the encoding when one is given. */
    async serialised(format: RdfFormat, encoding?: Encoding): Promise<Buffer> {
      const built = await latest()
      const plain = () => {
        let body = built.bodies.get(format)
        if (!body) {
          body = (format === 'turtle' ? toTurtle(built.catalogue.graph) : Promise.resolve(toJsonLd(built.catalogue.graph))).then((text) => Buffer.from(text, 'utf8'))
          built.bodies.set(format, body)
        }
        return body
      }
      if (!encoding) return plain()
      const key = `${format} ${encoding}`
      let body = built.bodies.get(key)
      if (!body) {
        body = plain().then((b) => compress(b, encoding))
        built.bodies.set(key, body)
      }
      return body
    },

    /** What the export leaves out and why, for the curators' report. */
    async report() {
      const { catalogue } = await latest()
      return { exported: catalogue.exported, leftOut: catalogue.leftOut, withoutLicence: catalogue.withoutLicence }
    },
  }
}
export type OpenDataService = ReturnType<typeof createOpenDataService>
