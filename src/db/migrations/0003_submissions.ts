import { sql, type Kysely } from 'kysely'

// Sharing existing tools: submissions with their public timeline, the keys duplicate detection looks
// tools and submissions up by (websites, names, aliases, acronyms), and the languages a tool is offered in.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`
-- 'example.org/path' from a URL: scheme, www., query, fragment, index page and trailing slashes dropped.
create function match_url(p_url text) returns text language sql immutable as $$
  select nullif(
    regexp_replace(
      regexp_replace(
        regexp_replace(
          regexp_replace(lower(btrim(p_url)), '[?#].*$', ''),
          '^[a-z][a-z0-9+.-]*://(www[0-9]?\\.)?', ''),
        '(:80|:443)(/|$)', '\\2'),
      '(/index\\.(html?|php|aspx?))?/*$', ''),
    '')
$$;

-- Lower case, accents removed, everything but letters and digits a single space.
create function match_name(p_text text) returns text language sql stable as $$
  select nullif(btrim(regexp_replace(lower(unaccent(coalesce(p_text, ''))), '[^a-z0-9]+', ' ', 'g')), '')
$$;

-- The initials of a name of two or more words: with every word, and without short function words
-- ("Publieke Dienstverlening Op de Kaart" gives pdodk and pdk).
create function match_initials(p_text text) returns text[] language sql stable as $$
  with words as (
    select w, n from regexp_split_to_table(coalesce(match_name(p_text), ''), ' ') with ordinality as x (w, n) where w <> ''
  ), variants as (
    select string_agg(left(w, 1), '' order by n) as v, count(*) as c from words
    union all
    select string_agg(left(w, 1), '' order by n), count(*) from words
    where w not in ('de', 'het', 'een', 'van', 'voor', 'en', 'of', 'in', 'op', 'met', 'te', 'aan', 'bij', 'the', 'a', 'an', 'for', 'and', 'to', 'on', 'with', 'at')
  )
  select coalesce(array_agg(distinct v), '{}') from variants where c >= 2 and v is not null
$$;

-- The keys a tool or submission is looked up by: url:, host:, name: and acr: (initials).
create function match_keys_for(p_names text[], p_urls text[]) returns text[] language sql stable as $$
  select coalesce(array_agg(distinct k) filter (where k is not null), '{}') from (
    select 'url:' || match_url(u) as k from unnest(p_urls) u
    union all select 'host:' || split_part(match_url(u), '/', 1) from unnest(p_urls) u where match_url(u) is not null
    union all select 'name:' || match_name(n) from unnest(p_names) n
    union all select 'acr:' || i from unnest(p_names) n, unnest(match_initials(n)) i
  ) keys
$$;

alter table tools add column match_keys text[] not null default '{}';
alter table tools add column languages text[] not null default '{}'
  check (array_to_string(languages, ',') ~ '^([a-z]{2}(,[a-z]{2})*)?$');
create index tools_match_keys_idx on tools using gin (match_keys);

-- The derived columns: search and facets as before (renamed), plus the match keys.
alter function tool_refresh_derived(bigint[]) rename to tool_refresh_search;
create function tool_refresh_derived(p_tool_ids bigint[]) returns void language sql as $$
  select tool_refresh_search(p_tool_ids);
  update tools t set match_keys = match_keys_for(
    array[t.name_nl, t.name_en] || coalesce((select array_agg(a.alias) from tool_aliases a where a.tool_id = t.id), '{}'),
    array[t.website_url] || coalesce((select array_agg(l.url) from tool_links l where l.tool_id = t.id), '{}'))
  where t.id = any(p_tool_ids);
$$;

-- Refreshing derived columns is not a change to the tool.
create or replace function tools_touch_on_change() returns trigger language plpgsql as $$
begin
  if (to_jsonb(new) - 'search_vector' - 'search_names' - 'facet_keys' - 'match_keys' - 'updated_at')
     is distinct from (to_jsonb(old) - 'search_vector' - 'search_names' - 'facet_keys' - 'match_keys' - 'updated_at') then
    new.updated_at := now();
  end if;
  return new;
end $$;

update tools t set match_keys = match_keys_for(
  array[t.name_nl, t.name_en] || coalesce((select array_agg(a.alias) from tool_aliases a where a.tool_id = t.id), '{}'),
  array[t.website_url] || coalesce((select array_agg(l.url) from tool_links l where l.tool_id = t.id), '{}'));

create table submissions (
  id bigint generated always as identity primary key,
  kind text not null check (kind in ('new_tool', 'addition')),
  status text not null default 'pending' check (status in ('pending', 'needs_info', 'published', 'merged', 'rejected')),
  locale text not null check (locale in ('nl', 'en')),
  source text not null check (source in ('form', 'api')),
  name text not null check (length(name) between 1 and 200),
  description text not null check (length(description) between 1 and 2000),
  form text references tool_forms (code),
  category text check (category in ('content', 'governance')),
  owner_name text check (length(owner_name) <= 200),
  website_url text check (website_url ~ '^https?://' and length(website_url) <= 2000),
  contact_email text not null check (length(contact_email) between 3 and 254),
  themes text[] not null default '{}',
  sdg_targets text[] not null default '{}',
  languages text[] not null default '{}',
  licence text check (length(licence) <= 200),
  note text check (length(note) <= 2000),
  -- An addition adds what the submitter knows to this tool.
  target_tool_id bigint references tools (id),
  confirmed_different boolean not null default false,
  -- The likely duplicates the submitter was shown, as they were then.
  duplicate_candidates jsonb not null default '[]',
  -- The tool it was published as, or merged into.
  result_tool_id bigint references tools (id),
  curator_message text check (length(curator_message) <= 2000),
  -- The private tracking link is derived from this nonce with the server secret; only its hash is looked up.
  token_nonce text not null,
  token_hash text not null unique,
  match_keys text[] not null default '{}',
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (kind <> 'addition' or target_tool_id is not null)
);
create index submissions_status_idx on submissions (status, created_at desc);
create index submissions_match_keys_idx on submissions using gin (match_keys);

-- What the submitter sees on the tracking page.
create table submission_events (
  id bigint generated always as identity primary key,
  submission_id bigint not null references submissions (id),
  occurred_at timestamptz not null default now(),
  event text not null check (event in ('submitted', 'edited', 'info_requested', 'replied', 'published', 'merged', 'rejected')),
  message text check (length(message) <= 4000)
);
create index submission_events_submission_idx on submission_events (submission_id, occurred_at);
`).execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`
drop table if exists submission_events, submissions cascade;
drop function if exists tool_refresh_derived(bigint[]);
alter function tool_refresh_search(bigint[]) rename to tool_refresh_derived;
alter table tools drop column if exists match_keys, drop column if exists languages;
drop function if exists match_keys_for(text[], text[]), match_initials(text), match_name(text), match_url(text);
`).execute(db)
}
