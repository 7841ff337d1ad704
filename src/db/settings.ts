import type { Database } from './database.ts'

/**
 * Settings every instance shares (app_settings): secrets generated once, e.g. the cookie secret. The first
 * instance to ask creates the value; all others read the same one.
 */
export async function sharedSetting(db: Database, key: string, create: () => string): Promise<string> {
  await db.insertInto('app_settings').values({ key, value: create() }).onConflict((oc) => oc.column('key').doNothing()).execute()
  return (await db.selectFrom('app_settings').select('value').where('key', '=', key).executeTakeFirstOrThrow()).value
}
