import { sql, type Kysely } from 'kysely'

// Living-in.EU MIMs (OASC Minimal Interoperability Mechanisms, issue 13): reference data (loaded from
// reference-data/mims.csv like the other vocabularies) and how a tool relates to each (implements, supports,
// references). A tool's MIMs are a facet: the derived facet keys get 'mim:<code>' (and tool_refresh_derived keeps
// calling the search refresh and the match keys as before).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`
create table mims (
  code text primary key check (code ~ '^mim[0-9]{1,2}$'),
  position int not null,
  name_nl text not null,
  name_en text not null,
  status text not null check (status in ('adopted', 'work_item')),
  description_nl text not null,
  description_en text not null,
  source_url text not null
);

create table tool_mims (
  tool_id bigint not null references tools (id) on delete cascade,
  mim_code text not null references mims (code),
  relation text not null check (relation in ('implements', 'supports', 'references')),
  primary key (tool_id, mim_code)
);
create index tool_mims_mim_idx on tool_mims (mim_code);

create trigger tool_mims_touch after insert or update or delete on tool_mims for each row execute function tool_child_changed();
create trigger tool_mims_changed after insert or update or delete on tool_mims for each statement execute function bump_catalogue_version();

create or replace function tool_refresh_derived(p_tool_ids bigint[]) returns void language sql as $$
  select tool_refresh_search(p_tool_ids);
  update tools t set
    facet_keys = t.facet_keys
      || coalesce((select array_agg('mim:' || m.mim_code order by m.mim_code) from tool_mims m where m.tool_id = t.id), '{}'),
    match_keys = match_keys_for(
      array[t.name_nl, t.name_en] || coalesce((select array_agg(a.alias) from tool_aliases a where a.tool_id = t.id), '{}'),
      array[t.website_url] || coalesce((select array_agg(l.url) from tool_links l where l.tool_id = t.id), '{}'))
  where t.id = any(p_tool_ids);
$$;

-- The reference data is loaded again at the next start (it fills mims), whatever the files' fingerprint.
delete from seed_state where name like 'reference-data:%';
`).execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`
create or replace function tool_refresh_derived(p_tool_ids bigint[]) returns void language sql as $$
  select tool_refresh_search(p_tool_ids);
  update tools t set match_keys = match_keys_for(
    array[t.name_nl, t.name_en] || coalesce((select array_agg(a.alias) from tool_aliases a where a.tool_id = t.id), '{}'),
    array[t.website_url] || coalesce((select array_agg(l.url) from tool_links l where l.tool_id = t.id), '{}'))
  where t.id = any(p_tool_ids);
$$;
drop table if exists tool_mims, mims;
delete from seed_state where name like 'reference-data:%';
select tool_refresh_derived(array(select id from tools));
`).execute(db)
}
