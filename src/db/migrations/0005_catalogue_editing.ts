import { sql, type Kysely } from 'kysely'

// Curators and owners keep the catalogue: every tool has a version for editors (a second editor working from an
// older one gets a conflict), can be retired with a reason and a successor, and keeps answering under its old slugs.
// Assessments get "not applicable", their evidence and who assessed; organisations get aliases (Den Haag,
// TU Delft) that search finds, and kinds for standards and international bodies. The audit log records the role the
// actor acted in, so that a tool's public history can say "the toolbox curators" rather than a person.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`
alter table tools
  add column version integer not null default 1,
  add column licence_not_applicable boolean not null default false,
  add column retired_on date,
  add column retired_reason_nl text check (length(retired_reason_nl) <= 1000),
  add column retired_reason_en text check (length(retired_reason_en) <= 1000),
  add column replaced_by_tool_id bigint references tools (id) on delete set null,
  add constraint tools_licence_or_not_applicable check (not (licence_not_applicable and licence is not null)),
  add constraint tools_not_replaced_by_itself check (replaced_by_tool_id is null or replaced_by_tool_id <> id);

-- Old slugs (a renamed tool, a tool merged into another) answer 301 to the tool's page, forever.
create table tool_slug_redirects (
  slug text primary key check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 120),
  tool_id bigint not null references tools (id) on delete cascade,
  created_at timestamptz not null default now()
);
create index tool_slug_redirects_tool_idx on tool_slug_redirects (tool_id);

alter table tool_assessments drop constraint tool_assessments_rating_check;
alter table tool_assessments
  add constraint tool_assessments_rating_check check (rating in ('meets', 'partly', 'does_not_meet', 'not_applicable', 'unknown')),
  add column evidence_url text check (evidence_url ~ '^https?://' and length(evidence_url) <= 2000),
  add column assessed_by_organisation_id bigint references organisations (id);

alter table tool_links
  add constraint tool_links_titles_length check (length(title_nl) <= 300 and length(title_en) <= 300);

alter table organisations drop constraint organisations_kind_check;
alter table organisations add constraint organisations_kind_check check (kind in ('municipality', 'province', 'water_board',
  'national_government', 'company', 'knowledge_institution', 'network', 'working_group', 'civil_society',
  'standards_body', 'international_body', 'other'));

-- Other names an organisation is known by: each names one organisation.
create table organisation_aliases (
  id bigint generated always as identity primary key,
  organisation_id bigint not null references organisations (id) on delete cascade,
  alias text not null check (length(alias) between 1 and 200),
  created_at timestamptz not null default now()
);
create unique index organisation_aliases_unique_idx on organisation_aliases (lower(alias));
create index organisation_aliases_organisation_idx on organisation_aliases (organisation_id);
create index organisation_aliases_trgm_idx on organisation_aliases using gin (lower(alias) gin_trgm_ops);
create index organisations_name_trgm_idx on organisations using gin (lower(name) gin_trgm_ops);
create trigger organisation_aliases_changed after insert or update or delete on organisation_aliases
  for each statement execute function bump_catalogue_version();
create trigger tool_slug_redirects_changed after insert or update or delete on tool_slug_redirects
  for each statement execute function bump_catalogue_version();

alter table audit_log add column actor_role text;

-- Province slugs said the word twice (provincie-provincie-utrecht): organisation pages use them now.
update organisations set slug = substr(slug, length('provincie-') + 1) where kind = 'province' and slug like 'provincie-provincie-%';

-- The search text of a tool: as before, with the aliases of its organisations beside their names (weight C).
create or replace function tool_refresh_search(p_tool_ids bigint[]) returns void language sql as $$
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
        (select string_agg(o.name, ' ') from tool_organisations x join organisations o on o.id = x.organisation_id where x.tool_id = t.id),
        (select string_agg(oa.alias, ' ') from tool_organisations x join organisation_aliases oa on oa.organisation_id = x.organisation_id where x.tool_id = t.id)))), 'C') ||
      setweight(to_tsvector('english', unaccent(concat_ws(' ', t.occasion_en,
        (select string_agg(o.name, ' ') from tool_organisations x join organisations o on o.id = x.organisation_id where x.tool_id = t.id),
        (select string_agg(oa.alias, ' ') from tool_organisations x join organisation_aliases oa on oa.organisation_id = x.organisation_id where x.tool_id = t.id)))), 'C') ||
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
`).execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`
alter table audit_log drop column if exists actor_role;
create or replace function tool_refresh_search(p_tool_ids bigint[]) returns void language sql as $$
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

drop table if exists organisation_aliases, tool_slug_redirects cascade;
drop index if exists organisations_name_trgm_idx;
alter table organisations drop constraint organisations_kind_check;
alter table organisations add constraint organisations_kind_check check (kind in ('municipality', 'province', 'water_board',
  'national_government', 'company', 'knowledge_institution', 'network', 'working_group', 'civil_society', 'other'));
alter table tool_links drop constraint if exists tool_links_titles_length;
alter table tool_assessments drop column if exists evidence_url, drop column if exists assessed_by_organisation_id;
alter table tool_assessments drop constraint tool_assessments_rating_check;
alter table tool_assessments add constraint tool_assessments_rating_check check (rating in ('meets', 'partly', 'does_not_meet', 'unknown'));
alter table tools drop column if exists version, drop column if exists licence_not_applicable, drop column if exists retired_on,
  drop column if exists retired_reason_nl, drop column if exists retired_reason_en, drop column if exists replaced_by_tool_id;
`).execute(db)
}
