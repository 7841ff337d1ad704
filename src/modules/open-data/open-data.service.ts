import { toJsonLd, toTurtle, type RdfFormat } from '../../lib/rdf.ts'
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
  bodies: Partial<Record<RdfFormat, Promise<string>>>
}

/** The catalogue as DCAT-AP: built once per catalogue version (every change counts it up), then served from memory. */
export function createOpenDataService(deps: OpenDataDeps) {
  let current: Promise<Built> | undefined

  async function build(version: number): Promise<Built> {
    const records = toolRecords(await deps.repository.catalogue())
    return { version, catalogue: buildCatalogue(deps.settings, records, conceptSchemes(deps.reference)), bodies: {} }
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
    /** The catalogue in Turtle or JSON-LD. */
    async serialised(format: RdfFormat): Promise<string> {
      const built = await latest()
      built.bodies[format] ??= format === 'turtle' ? toTurtle(built.catalogue.graph) : Promise.resolve(toJsonLd(built.catalogue.graph))
      return built.bodies[format]
    },

    /** What the export leaves out and why, for the curators' report. */
    async report() {
      const { catalogue } = await latest()
      return { exported: catalogue.exported, leftOut: catalogue.leftOut, withoutLicence: catalogue.withoutLicence }
    },
  }
}
export type OpenDataService = ReturnType<typeof createOpenDataService>
