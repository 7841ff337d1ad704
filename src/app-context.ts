import type { Config } from './config.ts'
import type { DatabaseHandle } from './db/database.ts'
import type { ReferenceData } from './modules/reference/reference.service.ts'
import type { ToolsService } from './modules/tools/tools.service.ts'

/** What route modules get: the services they call and the settings they read. */
export interface AppContext {
  config: Config
  database: DatabaseHandle
  reference: ReferenceData
  tools: ToolsService
}
