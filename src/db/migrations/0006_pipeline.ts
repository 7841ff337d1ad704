import { sql, type Kysely } from 'kysely'

// The development pipeline: a tool's status changes are dated; a tool is tested in municipalities through pilots
// (one per tool and municipality, with its outcome and lessons); owners open calls for test municipalities, which
// municipalities answer; municipalities record that they use a tool (adoptions); partners ask to be involved in
// initiatives of others. Test municipalities and adopters were roles on tools until now: they move to pilots and
// adoptions, so there is one place for each fact.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`
create table tool_status_changes (
  id bigint generated always as identity primary key,
  tool_id bigint not null references tools (id) on delete cascade,
  status text not null check (status in ('idea', 'proposed', 'selected', 'in_development', 'testing', 'available', 'secured', 'retired')),
  changed_on date not null default current_date,
  changed_at timestamptz not null default now(),
  actor_role text,
  actor_organisation_id bigint references organisations (id)
);
create index tool_status_changes_tool_idx on tool_status_changes (tool_id, changed_at, id);
-- What is known of the past: the status each tool has now, since it became available or was added.
insert into tool_status_changes (tool_id, status, changed_on, changed_at)
select id, status, coalesce(case when status in ('available', 'secured') then available_on end, started_on, created_at::date), created_at from tools;

create table tool_calls (
  id bigint generated always as identity primary key,
  tool_id bigint not null references tools (id) on delete cascade,
  status text not null default 'open' check (status in ('open', 'closed')),
  asked_nl text check (length(asked_nl) <= 2000),
  asked_en text check (length(asked_en) <= 2000),
  effort_nl text check (length(effort_nl) <= 1000),
  effort_en text check (length(effort_en) <= 1000),
  opens_on date not null default current_date,
  closes_on date,
  municipalities_needed integer not null default 3 check (municipalities_needed between 1 and 50),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  closed_at timestamptz,
  check (asked_nl is not null or asked_en is not null),
  check (closes_on is null or closes_on >= opens_on)
);
create index tool_calls_open_idx on tool_calls (status, closes_on);
create index tool_calls_tool_idx on tool_calls (tool_id);

create table pilots (
  id bigint generated always as identity primary key,
  tool_id bigint not null references tools (id) on delete cascade,
  municipality_id bigint not null references organisations (id),
  status text not null check (status in ('interested', 'committed', 'running', 'completed', 'withdrawn')),
  committed_on date,
  started_on date,
  completed_on date,
  tested_nl text check (length(tested_nl) <= 2000),
  tested_en text check (length(tested_en) <= 2000),
  outcome text check (outcome in ('worked', 'partly', 'did_not_work')),
  lessons_nl text check (length(lessons_nl) <= 4000),
  lessons_en text check (length(lessons_en) <= 4000),
  evidence_url text check (evidence_url ~ '^https?://' and length(evidence_url) <= 2000),
  call_id bigint references tool_calls (id) on delete set null,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- One pilot per tool and municipality: two answers or two acceptances at once cannot make a second.
  unique (tool_id, municipality_id),
  check (outcome is null or status = 'completed')
);
create index pilots_municipality_idx on pilots (municipality_id);

create table call_answers (
  id bigint generated always as identity primary key,
  call_id bigint not null references tool_calls (id) on delete cascade,
  municipality_id bigint not null references organisations (id),
  source text not null check (source in ('member', 'public')),
  note text check (length(note) <= 2000),
  -- Who answered: a member's account, or (the public form) a name and address that only owners and curators see.
  answered_by_user_id bigint references users (id),
  contact_name text check (length(contact_name) <= 200),
  contact_email text check (length(contact_email) <= 254),
  status text not null default 'open' check (status in ('open', 'accepted', 'declined')),
  created_at timestamptz not null default now(),
  decided_at timestamptz,
  unique (call_id, municipality_id)
);

create table adoptions (
  id bigint generated always as identity primary key,
  tool_id bigint not null references tools (id) on delete cascade,
  organisation_id bigint not null references organisations (id),
  since date,
  tool_version text check (length(tool_version) <= 100),
  local_variant_nl text check (length(local_variant_nl) <= 2000),
  local_variant_en text check (length(local_variant_en) <= 2000),
  local_url text check (local_url ~ '^https?://' and length(local_url) <= 2000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (tool_id, organisation_id)
);
create index adoptions_organisation_idx on adoptions (organisation_id);

create table involvement_requests (
  id bigint generated always as identity primary key,
  tool_id bigint not null references tools (id) on delete cascade,
  organisation_id bigint not null references organisations (id),
  requested_by_user_id bigint references users (id),
  involvement text not null check (involvement in ('lead', 'active', 'contributing', 'informed')),
  note text check (length(note) <= 2000),
  status text not null default 'open' check (status in ('open', 'accepted', 'declined')),
  created_at timestamptz not null default now(),
  decided_at timestamptz
);
create unique index involvement_requests_open_idx on involvement_requests (tool_id, organisation_id) where status = 'open';

-- Test municipalities become pilots, with what was known of their test; adopters become adoptions.
insert into pilots (tool_id, municipality_id, status, outcome, completed_on, lessons_nl, lessons_en)
select x.tool_id, x.organisation_id,
  case x.test_status when 'running' then 'running' when 'passed' then 'completed' when 'failed' then 'completed'
    when 'inconclusive' then 'completed' else 'committed' end,
  case x.test_status when 'passed' then 'worked' when 'failed' then 'did_not_work' when 'inconclusive' then 'partly' end,
  case when x.test_status in ('passed', 'failed', 'inconclusive') then x.tested_on end,
  x.test_result_nl, x.test_result_en
from tool_organisations x join organisations o on o.id = x.organisation_id
where x.role = 'test_municipality' and o.kind = 'municipality'
on conflict do nothing;
insert into adoptions (tool_id, organisation_id)
select tool_id, organisation_id from tool_organisations where role = 'adopter'
on conflict do nothing;
delete from tool_organisations where role in ('test_municipality', 'adopter');
alter table tool_organisations drop column test_status, drop column test_result_nl, drop column test_result_en, drop column tested_on;
alter table tool_organisations drop constraint tool_organisations_role_check;
alter table tool_organisations add constraint tool_organisations_role_check
  check (role in ('owner', 'co_developer', 'organising_party', 'partner'));

-- Search text and facets: the organisations of a tool are those with a role, a pilot (not withdrawn) or an adoption.
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
        (select string_agg(o.name, ' ') from organisations o where o.id in (select x.organisation_id from tool_organisations x where x.tool_id = t.id union select p.municipality_id from pilots p where p.tool_id = t.id and p.status <> 'withdrawn' union select d.organisation_id from adoptions d where d.tool_id = t.id)),
        (select string_agg(oa.alias, ' ') from organisation_aliases oa where oa.organisation_id in (select x.organisation_id from tool_organisations x where x.tool_id = t.id union select p.municipality_id from pilots p where p.tool_id = t.id and p.status <> 'withdrawn' union select d.organisation_id from adoptions d where d.tool_id = t.id))))), 'C') ||
      setweight(to_tsvector('english', unaccent(concat_ws(' ', t.occasion_en,
        (select string_agg(o.name, ' ') from organisations o where o.id in (select x.organisation_id from tool_organisations x where x.tool_id = t.id union select p.municipality_id from pilots p where p.tool_id = t.id and p.status <> 'withdrawn' union select d.organisation_id from adoptions d where d.tool_id = t.id)),
        (select string_agg(oa.alias, ' ') from organisation_aliases oa where oa.organisation_id in (select x.organisation_id from tool_organisations x where x.tool_id = t.id union select p.municipality_id from pilots p where p.tool_id = t.id and p.status <> 'withdrawn' union select d.organisation_id from adoptions d where d.tool_id = t.id))))), 'C') ||
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
      || coalesce((select array_agg(distinct 'municipality:' || o.cbs_code) from organisations o
           where o.id in (select x.organisation_id from tool_organisations x where x.tool_id = t.id union select p.municipality_id from pilots p where p.tool_id = t.id and p.status <> 'withdrawn' union select d.organisation_id from adoptions d where d.tool_id = t.id) and o.kind = 'municipality'), '{}')
      -- Used by: the municipalities that record that they use the tool.
      || coalesce((select array_agg(distinct 'usedby:' || o.cbs_code) from adoptions d
           join organisations o on o.id = d.organisation_id where d.tool_id = t.id and o.kind = 'municipality'), '{}')
  where t.id = any(p_tool_ids);

  insert into search_words (word)
  select distinct w.word from tools t,
    unnest(tsvector_to_array(to_tsvector('simple', unaccent(concat_ws(' ', t.name_nl, t.name_en, t.description_nl,
      t.description_en, t.process_question_nl, t.process_question_en, t.search_names))))) as w (word)
  where t.id = any(p_tool_ids) and length(w.word) between 3 and 40 and w.word !~ '^[0-9]+$'
  on conflict do nothing;
$$;
select tool_refresh_derived(array(select id from tools));

create trigger pilots_changed after insert or update or delete on pilots for each statement execute function bump_catalogue_version();
create trigger adoptions_changed after insert or update or delete on adoptions for each statement execute function bump_catalogue_version();
create trigger tool_calls_changed after insert or update or delete on tool_calls for each statement execute function bump_catalogue_version();
create trigger call_answers_changed after insert or update or delete on call_answers for each statement execute function bump_catalogue_version();
`).execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`
alter table tool_organisations drop constraint tool_organisations_role_check;
alter table tool_organisations add constraint tool_organisations_role_check
  check (role in ('owner', 'co_developer', 'test_municipality', 'adopter', 'organising_party', 'partner'));
alter table tool_organisations add column test_status text, add column test_result_nl text, add column test_result_en text, add column tested_on date;
insert into tool_organisations (tool_id, organisation_id, role) select tool_id, organisation_id, 'adopter' from adoptions on conflict do nothing;
insert into tool_organisations (tool_id, organisation_id, role, test_result_nl, test_result_en)
  select tool_id, municipality_id, 'test_municipality', lessons_nl, lessons_en from pilots on conflict do nothing;
drop table if exists involvement_requests, adoptions, call_answers, pilots, tool_calls, tool_status_changes cascade;
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
