import { sql, type Insertable, type Updateable } from 'kysely'
import type { Database } from '../../db/database.ts'
import type { ToolAliasesTable, ToolAssessmentsTable, ToolLinksTable, ToolOrganisationsTable, ToolSdgTargetsTable, ToolsTable } from '../../db/schema.ts'
import type { ToolMimsTable } from '../../db/schema-open-data.ts'
import type { Executor, Tx } from '../../db/transaction.ts'
import { RESERVED_TOOL_SLUGS } from './tools.constants.ts'

/** The columns a new tool is created with; the slug is chosen by createTool. */
export type NewTool = Omit<Insertable<ToolsTable>, 'slug'>
/** Changes to a tool's own columns. */
export type ToolChanges = Updateable<ToolsTable>

/**
 * Every write to tools and their child tables (the tools module owns them all): creating a tool, the editor's saves,
 * moving organisation roles, slugs, and refreshing the derived search keys. Part of the tools repository.
 */
export function createToolWrites(db: Database) {
  /** Adds Rathenau themes a tool addresses (those it has already stay once). */
  async function addThemes(trx: Tx, toolId: number, codes: readonly string[]) {
    if (codes.length === 0) return
    await trx.insertInto('tool_themes').values([...new Set(codes)].map((criterion_code) => ({ tool_id: toolId, criterion_code }))).onConflict((oc) => oc.doNothing()).execute()
  }

  /** Recomputes the search and duplicate keys of these tools: every write path calls it before it commits. */
  async function refreshDerived(trx: Tx, ids: number[]) {
    if (ids.length > 0) await sql`select tool_refresh_derived(${ids}::bigint[])`.execute(trx)
  }

  return {
    /**
     * Creates a tool under the first free slug from base (base, base-2, …). The insert itself claims the slug (on
     * conflict: the next one), so two creations at once cannot collide. A slug that is a page of its own (/tools/new)
     * or an old address of another tool (it answers 301 forever) is never free.
     */
    async createTool(trx: Tx, base: string, values: NewTool) {
      for (let n = 1; ; n++) {
        const slug = n === 1 ? base : `${base}-${n}`
        if (RESERVED_TOOL_SLUGS.has(slug)) continue
        if (await trx.selectFrom('tool_slug_redirects').select('slug').where('slug', '=', slug).executeTakeFirst()) continue
        const tool = await trx
          .insertInto('tools')
          .values({ ...values, slug })
          .onConflict((oc) => oc.column('slug').doNothing())
          .returningAll()
          .executeTakeFirst()
        if (tool) return tool
      }
    },

    updateTool: (trx: Tx, id: number, changes: ToolChanges) => trx.updateTable('tools').set(changes).where('id', '=', id).returningAll().executeTakeFirstOrThrow(),

    addThemes,

    async addSdgTargets(trx: Tx, toolId: number, codes: readonly string[]) {
      if (codes.length === 0) return
      await trx.insertInto('tool_sdg_targets').values([...new Set(codes)].map((target_code) => ({ tool_id: toolId, target_code }))).onConflict((oc) => oc.doNothing()).execute()
    },

    addAlias: (trx: Tx, alias: Insertable<ToolAliasesTable>) => trx.insertInto('tool_aliases').values(alias).execute(),

    addOrganisationRole: (trx: Tx, toolId: number, organisationId: number, role: string) =>
      trx.insertInto('tool_organisations').values({ tool_id: toolId, organisation_id: organisationId, role }).execute(),

    /**
     * Moves every role of one organisation on tools to another (a merge of duplicate organisations), keeping the
     * target's own role where both had the same one. Returns the tools touched, their derived columns refreshed.
     */
    async moveOrganisationRoles(trx: Tx, sourceId: number, targetId: number): Promise<number> {
      const affected = await trx.selectFrom('tool_organisations').select('tool_id').where('organisation_id', '=', sourceId).execute()
      await sql`
        update tool_organisations x set organisation_id = ${targetId}
        where x.organisation_id = ${sourceId}
          and not exists (select 1 from tool_organisations y where y.tool_id = x.tool_id and y.role = x.role and y.organisation_id = ${targetId})`.execute(trx)
      await trx.deleteFrom('tool_organisations').where('organisation_id', '=', sourceId).execute()
      const ids = [...new Set(affected.map((t) => t.tool_id))]
      await refreshDerived(trx, ids)
      return ids.length
    },

    /** Everything an editor changes of a tool, as it is now (inside the editor's transaction when given one). */
    async editable(toolId: number, x: Executor = db) {
      const [processes, themes, sdgTargets, assessments, links, aliases, organisations, mims] = await Promise.all([
        x.selectFrom('tool_processes').select('process').where('tool_id', '=', toolId).orderBy('process').execute(),
        x.selectFrom('tool_themes').select('criterion_code').where('tool_id', '=', toolId).orderBy('criterion_code').execute(),
        x.selectFrom('tool_sdg_targets').select(['target_code', 'contribution_nl', 'contribution_en']).where('tool_id', '=', toolId).orderBy('target_code').execute(),
        x
          .selectFrom('tool_assessments as a')
          .leftJoin('organisations as o', 'o.id', 'a.assessed_by_organisation_id')
          .select(['a.criterion_code', 'a.rating', 'a.explanation_nl', 'a.explanation_en', 'a.evidence_url', 'a.assessed_on', 'a.assessed_by_organisation_id', 'o.name as assessed_by_name'])
          .where('a.tool_id', '=', toolId)
          .orderBy('a.criterion_code')
          .execute(),
        x.selectFrom('tool_links').select(['kind', 'url', 'title_nl', 'title_en', 'language']).where('tool_id', '=', toolId).orderBy('position').orderBy('id').execute(),
        x.selectFrom('tool_aliases').select(['alias', 'kind', 'language']).where('tool_id', '=', toolId).orderBy('id').execute(),
        x
          .selectFrom('tool_organisations as r')
          .innerJoin('organisations as o', 'o.id', 'r.organisation_id')
          .select(['r.organisation_id', 'o.name as organisation_name', 'o.slug as organisation_slug', 'o.kind as organisation_kind', 'r.role', 'r.involvement'])
          .where('r.tool_id', '=', toolId)
          .orderBy('r.id')
          .execute(),
        x.selectFrom('tool_mims').select(['mim_code', 'relation']).where('tool_id', '=', toolId).orderBy('mim_code').execute(),
      ])
      return {
        processes: processes.map((p) => p.process),
        themes: themes.map((t) => t.criterion_code),
        sdgTargets,
        assessments,
        links,
        aliases,
        organisations,
        mims,
      }
    },

    /** The organisations with a role on a tool, for deciding who may edit it. */
    organisationRoles: (toolId: number, x: Executor = db) =>
      x.selectFrom('tool_organisations').select(['organisation_id as organisationId', 'role']).where('tool_id', '=', toolId).execute(),

    /** Counts the tool's version up with its changes: every save of an editor goes through here. */
    saveTool: (trx: Tx, id: number, changes: ToolChanges) =>
      trx
        .updateTable('tools')
        .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow(),

    async replaceProcesses(trx: Tx, toolId: number, processes: readonly string[]) {
      await trx.deleteFrom('tool_processes').where('tool_id', '=', toolId).execute()
      if (processes.length > 0) await trx.insertInto('tool_processes').values(processes.map((process) => ({ tool_id: toolId, process }))).execute()
    },

    async replaceThemes(trx: Tx, toolId: number, codes: readonly string[]) {
      await trx.deleteFrom('tool_themes').where('tool_id', '=', toolId).execute()
      await addThemes(trx, toolId, codes)
    },

    async replaceSdgTargets(trx: Tx, toolId: number, rows: Omit<Insertable<ToolSdgTargetsTable>, 'tool_id'>[]) {
      await trx.deleteFrom('tool_sdg_targets').where('tool_id', '=', toolId).execute()
      if (rows.length > 0) await trx.insertInto('tool_sdg_targets').values(rows.map((r) => ({ ...r, tool_id: toolId }))).execute()
    },

    /** How the tool relates to the Living-in.EU MIMs (one row per MIM it relates to). */
    async replaceMims(trx: Tx, toolId: number, rows: Omit<ToolMimsTable, 'tool_id'>[]) {
      await trx.deleteFrom('tool_mims').where('tool_id', '=', toolId).execute()
      if (rows.length > 0) await trx.insertInto('tool_mims').values(rows.map((r) => ({ ...r, tool_id: toolId }))).execute()
    },

    async replaceAssessments(trx: Tx, toolId: number, rows: Omit<Insertable<ToolAssessmentsTable>, 'tool_id'>[]) {
      await trx.deleteFrom('tool_assessments').where('tool_id', '=', toolId).execute()
      if (rows.length > 0) await trx.insertInto('tool_assessments').values(rows.map((r) => ({ ...r, tool_id: toolId }))).execute()
    },

    async replaceLinks(trx: Tx, toolId: number, rows: Omit<Insertable<ToolLinksTable>, 'tool_id' | 'position'>[]) {
      await trx.deleteFrom('tool_links').where('tool_id', '=', toolId).execute()
      if (rows.length > 0) await trx.insertInto('tool_links').values(rows.map((r, position) => ({ ...r, tool_id: toolId, position }))).execute()
    },

    async replaceAliases(trx: Tx, toolId: number, rows: Omit<Insertable<ToolAliasesTable>, 'tool_id'>[]) {
      await trx.deleteFrom('tool_aliases').where('tool_id', '=', toolId).execute()
      if (rows.length > 0) await trx.insertInto('tool_aliases').values(rows.map((r) => ({ ...r, tool_id: toolId }))).execute()
    },

    /**
     * Makes an organisation a partner of a tool with this involvement (an accepted request to be involved); a partner
     * already gets the new involvement.
     */
    setPartner: (trx: Tx, toolId: number, organisationId: number, involvement: string) =>
      trx
        .insertInto('tool_organisations')
        .values({ tool_id: toolId, organisation_id: organisationId, role: 'partner', involvement })
        .onConflict((oc) => oc.columns(['tool_id', 'organisation_id', 'role']).doUpdateSet({ involvement }))
        .execute(),

    async replaceOrganisationRoles(trx: Tx, toolId: number, rows: Omit<Insertable<ToolOrganisationsTable>, 'tool_id'>[]) {
      await trx.deleteFrom('tool_organisations').where('tool_id', '=', toolId).execute()
      if (rows.length > 0) await trx.insertInto('tool_organisations').values(rows.map((r) => ({ ...r, tool_id: toolId }))).execute()
    },

    /** Whether a slug is free for this tool: no other tool has it, nor answers to it as an old slug, nor is it a page. */
    async slugFreeFor(x: Executor, slug: string, toolId: number) {
      if (RESERVED_TOOL_SLUGS.has(slug)) return false
      const [tool, redirect] = await Promise.all([
        x.selectFrom('tools').select('id').where('slug', '=', slug).where('id', '<>', toolId).executeTakeFirst(),
        x.selectFrom('tool_slug_redirects').select('tool_id').where('slug', '=', slug).where('tool_id', '<>', toolId).executeTakeFirst(),
      ])
      return !tool && !redirect
    },

    /** The tool's old slug keeps answering (301) after it gets a new one; the new one is no longer a redirect. */
    async moveSlug(trx: Tx, toolId: number, oldSlug: string, newSlug: string) {
      await trx.deleteFrom('tool_slug_redirects').where('slug', '=', newSlug).where('tool_id', '=', toolId).execute()
      await trx.insertInto('tool_slug_redirects').values({ slug: oldSlug, tool_id: toolId }).onConflict((oc) => oc.column('slug').doUpdateSet({ tool_id: toolId })).execute()
    },

    /**
     * A merge: the disappearing tool's slug and every old slug of it answer for the staying tool from now on.
     * Called before the disappearing tool is deleted (its redirects would go with it).
     */
    async moveSlugsTo(trx: Tx, from: { id: number; slug: string }, toToolId: number) {
      await trx.updateTable('tool_slug_redirects').set({ tool_id: toToolId }).where('tool_id', '=', from.id).execute()
      await trx.insertInto('tool_slug_redirects').values({ slug: from.slug, tool_id: toToolId }).onConflict((oc) => oc.column('slug').doUpdateSet({ tool_id: toToolId })).execute()
    },

    /** The old slugs that answer for a tool. */
    redirectsOf: (toolId: number, x: Executor = db) => x.selectFrom('tool_slug_redirects').select('slug').where('tool_id', '=', toolId).orderBy('slug').execute(),

    /** Retired tools that named one tool as their successor name another (a merge); returns their ids. */
    async moveSuccessor(trx: Tx, fromToolId: number, toToolId: number): Promise<number[]> {
      const rows = await trx
        .updateTable('tools')
        .set({ replaced_by_tool_id: toToolId })
        .where('replaced_by_tool_id', '=', fromToolId)
        .where('id', '<>', toToolId)
        .returning('id')
        .execute()
      return rows.map((r) => Number(r.id))
    },

    /** Deletes a tool that was merged into another; its rows (names, links, roles, …) go with it. */
    async deleteTool(trx: Tx, id: number) {
      await trx.deleteFrom('tools').where('id', '=', id).execute()
    },

    refreshDerived,

    /** Dates a change of a tool's status (the tool page shows them as its lifecycle). */
    recordStatus: (trx: Tx, toolId: number, status: string, actor: { role: string | null; organisationId: number | null }) =>
      trx.insertInto('tool_status_changes').values({ tool_id: toolId, status, actor_role: actor.role, actor_organisation_id: actor.organisationId }).execute(),
  }
}
