import { sql, type Kysely } from 'kysely'

// The catalogue's data model: reference data, organisations, tools and everything a tool carries,
// the derived search columns, and the append-only audit log. Plain SQL that runs on PostgreSQL 15+
// and on PGlite alike.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`
create extension if not exists pg_trgm;
create extension if not exists unaccent;

-- Reference data ---------------------------------------------------------------------------------
create table tool_forms (
  code text primary key,
  position integer not null,
  name_nl text not null,
  name_en text not null,
  binding_level text not null check (binding_level in ('legal', 'contractual', 'comply_or_explain', 'voluntary')),
  binding_nl text not null,
  binding_en text not null,
  description_nl text not null,
  description_en text not null
);

create table sdg_targets (
  code text primary key check (code ~ '^11\\.([1-7]|[a-c])$'),
  position integer not null,
  target_type text not null check (target_type in ('outcome', 'means_of_implementation')),
  title_nl text not null,
  title_en text not null,
  summary_nl text not null,
  summary_en text not null,
  source_url text not null
);

-- Design principles, Rathenau themes and preconditions: what a tool is held against.
create table criteria (
  code text primary key,
  family text not null check (family in ('principle', 'rathenau', 'precondition')),
  position integer not null,
  name_nl text not null,
  name_en text not null,
  description_nl text not null,
  description_en text not null,
  source_url text
);

-- Organisations ----------------------------------------------------------------------------------
create table organisations (
  id bigint generated always as identity primary key,
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name text not null check (length(name) between 1 and 200),
  kind text not null check (kind in ('municipality', 'province', 'water_board', 'national_government',
    'company', 'knowledge_institution', 'network', 'working_group', 'civil_society', 'other')),
  cbs_code text unique,
  province_code text,
  website_url text,
  is_city_deal_partner boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (kind <> 'municipality' or cbs_code ~ '^GM[0-9]{4}$'),
  check (kind <> 'province' or cbs_code ~ '^PV[0-9]{2}$'),
  check (cbs_code is null or kind in ('municipality', 'province')),
  check (province_code is null or province_code ~ '^PV[0-9]{2}$')
);
create index organisations_kind_idx on organisations (kind);

-- Tools ------------------------------------------------------------------------------------------
create table tools (
  id bigint generated always as identity primary key,
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 120),
  name_nl text check (length(name_nl) between 1 and 200),
  name_en text check (length(name_en) between 1 and 200),
  description_nl text check (length(description_nl) <= 5000),
  description_en text check (length(description_en) <= 5000),
  occasion_nl text check (length(occasion_nl) <= 2000),
  occasion_en text check (length(occasion_en) <= 2000),
  process_question_nl text check (length(process_question_nl) <= 300),
  process_question_en text check (length(process_question_en) <= 300),
  category text not null check (category in ('content', 'governance')),
  form text not null references tool_forms (code),
  status text not null check (status in ('idea', 'proposed', 'selected', 'in_development', 'testing',
    'available', 'secured', 'retired')),
  origin text not null check (origin in ('city_deal', 'others_initiative', 'existing')),
  licence text check (length(licence) <= 200),
  website_url text check (website_url ~ '^https?://'),
  started_on date,
  available_on date,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- Derived by tool_refresh_derived(): never written by hand.
  search_vector tsvector not null default ''::tsvector,
  search_names text not null default '',
  facet_keys text[] not null default '{}',
  check (name_nl is not null or name_en is not null)
);
create index tools_search_idx on tools using gin (search_vector);
create index tools_facets_idx on tools using gin (facet_keys);
create index tools_names_trgm_idx on tools using gin (search_names gin_trgm_ops);
create index tools_created_idx on tools (created_at desc, id desc);
create index tools_sort_name_idx on tools ((lower(coalesce(name_nl, name_en))), id);

create table tool_processes (
  tool_id bigint not null references tools (id) on delete cascade,
  process text not null check (process in ('design', 'furnish', 'manage', 'govern')),
  primary key (tool_id, process)
);

create table tool_themes (
  tool_id bigint not null references tools (id) on delete cascade,
  criterion_code text not null references criteria (code),
  primary key (tool_id, criterion_code)
);

create table tool_sdg_targets (
  tool_id bigint not null references tools (id) on delete cascade,
  target_code text not null references sdg_targets (code),
  contribution_nl text check (length(contribution_nl) <= 1000),
  contribution_en text check (length(contribution_en) <= 1000),
  primary key (tool_id, target_code)
);

create table tool_assessments (
  tool_id bigint not null references tools (id) on delete cascade,
  criterion_code text not null references criteria (code),
  rating text not null check (rating in ('meets', 'partly', 'does_not_meet', 'unknown')),
  explanation_nl text check (length(explanation_nl) <= 2000),
  explanation_en text check (length(explanation_en) <= 2000),
  assessed_on date,
  primary key (tool_id, criterion_code)
);

create table tool_links (
  id bigint generated always as identity primary key,
  tool_id bigint not null references tools (id) on delete cascade,
  kind text not null check (kind in ('website', 'documentation', 'document', 'source_code', 'publication', 'evidence', 'other')),
  url text not null check (url ~ '^https?://' and length(url) <= 2000),
  title_nl text,
  title_en text,
  language text check (language ~ '^[a-z]{2}$'),
  position integer not null default 0,
  unique (tool_id, url)
);

create table tool_organisations (
  id bigint generated always as identity primary key,
  tool_id bigint not null references tools (id) on delete cascade,
  organisation_id bigint not null references organisations (id),
  role text not null check (role in ('owner', 'co_developer', 'test_municipality', 'adopter', 'organising_party', 'partner')),
  involvement text check (involvement in ('lead', 'active', 'contributing', 'informed')),
  test_status text check (test_status in ('planned', 'running', 'passed', 'failed', 'inconclusive')),
  test_result_nl text check (length(test_result_nl) <= 2000),
  test_result_en text check (length(test_result_en) <= 2000),
  tested_on date,
  created_at timestamptz not null default now(),
  unique (tool_id, organisation_id, role),
  check (role = 'test_municipality' or (test_status is null and test_result_nl is null and test_result_en is null))
);
create index tool_organisations_org_idx on tool_organisations (organisation_id);

create table tool_aliases (
  id bigint generated always as identity primary key,
  tool_id bigint not null references tools (id) on delete cascade,
  alias text not null check (length(alias) between 1 and 200),
  kind text not null check (kind in ('acronym', 'other_name', 'translation', 'former_name')),
  language text check (language ~ '^[a-z]{2}$')
);
create unique index tool_aliases_unique_idx on tool_aliases (tool_id, lower(alias));
create index tool_aliases_trgm_idx on tool_aliases using gin (lower(alias) gin_trgm_ops);

-- Words seen in the catalogue, for typo-tolerant search ---------------------------------------------
create table search_words (
  word text primary key
);
create index search_words_trgm_idx on search_words using gin (word gin_trgm_ops);

-- One row that changes whenever the catalogue does: caches in every app instance key on it.
create table catalogue_state (
  id integer primary key check (id = 1),
  version bigint not null,
  changed_at timestamptz not null default now()
);
insert into catalogue_state (id, version) values (1, 1);

create function bump_catalogue_version() returns trigger language plpgsql as $$
begin
  update catalogue_state set version = version + 1, changed_at = now() where id = 1;
  return null;
end $$;

create trigger tools_changed after insert or update or delete on tools
  for each statement execute function bump_catalogue_version();
create trigger tool_organisations_changed after insert or update or delete on tool_organisations
  for each statement execute function bump_catalogue_version();
create trigger tool_aliases_changed after insert or update or delete on tool_aliases
  for each statement execute function bump_catalogue_version();
create trigger organisations_changed after insert or update or delete on organisations
  for each statement execute function bump_catalogue_version();

-- Recomputes the tools' search vector, trigram names and facet keys from their rows.
create function tool_refresh_derived(p_tool_ids bigint[]) returns void language sql as $$
  update tools t set
    search_names = lower(unaccent(concat_ws(' ', t.name_nl, t.name_en,
      (select string_agg(a.alias, ' ') from tool_aliases a where a.tool_id = t.id)))),
    search_vector =
      setweight(to_tsvector('simple', unaccent(concat_ws(' ', t.name_nl, t.name_en,
        (select string_agg(a.alias, ' ') from tool_aliases a where a.tool_id = t.id)))), 'A') ||
      setweight(to_tsvector('dutch', unaccent(concat_ws(' ', t.name_nl,
        (select string_agg(a.alias, ' ') from tool_aliases a where a.tool_id = t.id)))), 'A') ||
      setweight(to_tsvector('english', unaccent(concat_ws(' ', t.name_en,
        (select string_agg(a.alias, ' ') from tool_aliases a where a.tool_id = t.id)))), 'A') ||
      setweight(to_tsvector('dutch', unaccent(concat_ws(' ', t.process_question_nl, t.description_nl))), 'B') ||
      setweight(to_tsvector('english', unaccent(concat_ws(' ', t.process_question_en, t.description_en))), 'B') ||
      setweight(to_tsvector('dutch', unaccent(concat_ws(' ', t.occasion_nl,
        (select string_agg(o.name, ' ') from tool_organisations x join organisations o on o.id = x.organisation_id where x.tool_id = t.id)))), 'C') ||
      setweight(to_tsvector('english', unaccent(concat_ws(' ', t.occasion_en,
        (select string_agg(o.name, ' ') from tool_organisations x join organisations o on o.id = x.organisation_id where x.tool_id = t.id)))), 'C') ||
      -- The ethical themes a tool addresses, by name: a search for "privacy" finds the privacy tools.
      setweight(to_tsvector('dutch', unaccent(coalesce((select string_agg(c.name_nl, ' ') from tool_themes th
        join criteria c on c.code = th.criterion_code where th.tool_id = t.id), ''))), 'C') ||
      setweight(to_tsvector('english', unaccent(coalesce((select string_agg(c.name_en, ' ') from tool_themes th
        join criteria c on c.code = th.criterion_code where th.tool_id = t.id), ''))), 'C'),
    facet_keys = array['category:' || t.category, 'form:' || t.form, 'status:' || t.status, 'origin:' || t.origin]
      || coalesce((select array_agg('process:' || p.process order by p.process) from tool_processes p where p.tool_id = t.id), '{}')
      || coalesce((select array_agg('theme:' || th.criterion_code order by th.criterion_code) from tool_themes th where th.tool_id = t.id), '{}')
      || coalesce((select array_agg('sdg:' || s.target_code order by s.target_code) from tool_sdg_targets s where s.tool_id = t.id), '{}')
      || coalesce((select array_agg('principle:' || a.criterion_code order by a.criterion_code) from tool_assessments a
           join criteria c on c.code = a.criterion_code where a.tool_id = t.id and c.family = 'principle' and a.rating = 'meets'), '{}')
      || coalesce((select array_agg(distinct 'municipality:' || o.cbs_code) from tool_organisations x
           join organisations o on o.id = x.organisation_id where x.tool_id = t.id and o.kind = 'municipality'), '{}')
  where t.id = any(p_tool_ids);

  insert into search_words (word)
  select distinct w.word from tools t,
    unnest(tsvector_to_array(to_tsvector('simple', unaccent(concat_ws(' ', t.name_nl, t.name_en, t.description_nl,
      t.description_en, t.process_question_nl, t.process_question_en, t.search_names))))) as w (word)
  where t.id = any(p_tool_ids) and length(w.word) between 3 and 40 and w.word !~ '^[0-9]+$'
  on conflict do nothing;
$$;

-- Which one-off data loads have run (the seed tools load once, so curators' later edits stand).
create table seed_state (
  name text primary key,
  applied_at timestamptz not null default now()
);

-- Audit log: append-only -----------------------------------------------------------------------------
create table audit_log (
  id bigint generated always as identity primary key,
  occurred_at timestamptz not null default now(),
  actor_user_id bigint,
  actor_organisation_id bigint references organisations (id),
  actor_label text not null,
  action text not null,
  entity_type text not null,
  entity_id text not null,
  before jsonb,
  after jsonb
);
create index audit_log_entity_idx on audit_log (entity_type, entity_id, occurred_at desc);

create function audit_log_is_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only';
end $$;
create trigger audit_log_append_only before update or delete on audit_log
  for each row execute function audit_log_is_append_only();
`).execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`
drop table if exists audit_log, tool_aliases, tool_organisations, tool_links, tool_assessments, tool_sdg_targets,
  tool_themes, tool_processes, tools, organisations, criteria, sdg_targets, tool_forms, search_words, catalogue_state, seed_state cascade;
drop function if exists tool_refresh_derived(bigint[]), bump_catalogue_version(), audit_log_is_append_only();
`).execute(db)
}
