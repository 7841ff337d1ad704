import { sql, type Kysely } from 'kysely'

// Gatherings of the partners (issue 11, decision 0018): a meeting with a title in Dutch and English, a start and end
// (timestamptz; shown and exported in Europe/Amsterdam), a place and/or an online link, an ordered agenda whose items
// may have sub-items (one level), documents, who of each partner organisation attends, and after it the minutes in
// both languages and the organisations that were there. Decisions can be taken at a gathering (decisions.gathering_id);
// a vote with a last day is reminded once before it closes (decisions.reminded_at) and closes by itself after it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`
create table gatherings (
  id bigint generated always as identity primary key,
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 80),
  title_nl text not null check (length(title_nl) between 1 and 200),
  title_en text not null check (length(title_en) between 1 and 200),
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  place text check (length(place) between 1 and 300),
  online_url text check (length(online_url) between 1 and 500),
  minutes_nl text check (length(minutes_nl) <= 20000),
  minutes_en text check (length(minutes_en) <= 20000),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (ends_at > starts_at),
  check (place is not null or online_url is not null)
);
create index gatherings_starts_idx on gatherings (starts_at);

-- The agenda in order; a sub-item names its parent (one level deep). An item may put a proposal to the partners.
create table gathering_agenda_items (
  id bigint generated always as identity primary key,
  gathering_id bigint not null references gatherings (id) on delete cascade,
  parent_id bigint references gathering_agenda_items (id) on delete cascade,
  position integer not null,
  title_nl text not null check (length(title_nl) between 1 and 300),
  title_en text not null check (length(title_en) between 1 and 300),
  proposal_id bigint references proposals (id),
  unique (gathering_id, position),
  unique (gathering_id, proposal_id)
);
create index gathering_agenda_proposal_idx on gathering_agenda_items (proposal_id);

create table gathering_documents (
  id bigint generated always as identity primary key,
  gathering_id bigint not null references gatherings (id) on delete cascade,
  position integer not null,
  title text not null check (length(title) between 1 and 300),
  url text not null check (length(url) between 1 and 2000),
  unique (gathering_id, position)
);

-- Who attends, per partner organisation: a member registers themselves or colleagues of their own organisation.
create table gathering_registrations (
  gathering_id bigint not null references gatherings (id) on delete cascade,
  user_id bigint not null references users (id) on delete cascade,
  organisation_id bigint not null references organisations (id),
  registered_by_user_id bigint references users (id) on delete set null,
  registered_at timestamptz not null default now(),
  primary key (gathering_id, user_id)
);
create index gathering_registrations_org_idx on gathering_registrations (gathering_id, organisation_id);

-- After the gathering: the organisations that were there (the minutes' attendance list).
create table gathering_attendance (
  gathering_id bigint not null references gatherings (id) on delete cascade,
  organisation_id bigint not null references organisations (id),
  primary key (gathering_id, organisation_id)
);

-- A curator declines a proposal without a vote, or merges it into another: the reason is shown with the status.
alter table proposals add column status_reason text check (length(status_reason) between 1 and 2000);

alter table decisions add column gathering_id bigint references gatherings (id);
alter table decisions add column reminded_at timestamptz;
create index decisions_gathering_idx on decisions (gathering_id);
create index decisions_due_idx on decisions (closes_at) where closed_at is null;
`).execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`
alter table decisions drop column if exists gathering_id;
alter table decisions drop column if exists reminded_at;
alter table proposals drop column if exists status_reason;
drop table if exists gathering_attendance, gathering_registrations, gathering_documents, gathering_agenda_items, gatherings;
`).execute(db)
}
