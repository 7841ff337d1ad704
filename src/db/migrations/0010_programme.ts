import { sql, type Kysely } from 'kysely'

// The programme (issue 12): the deal the toolbox serves, as data, so that a next deal reuses /programme without code
// changes: its name, when it started, when it is signed, and its targets per category and per start moment. One row.
// Seeded with this City Deal's figures ("Een slimme stad, zo doe je dat"): at least 9 content tools and 3 governance
// tools, 6 of them started during the year and 6 at the signing on 3 December 2026. The year is counted from
// 1 January 2026 (decision 0014); administrators can change that date on /admin/programme.
// programme_snapshots: the figures as they stood on a day, stored once a month (the first count of the month) and when
// a curator asks; the page can show any of them ("as of"). One per day and kind: a later one the same day replaces it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`
create table programme (
  id smallint primary key default 1 check (id = 1),
  name text not null check (length(name) between 1 and 200),
  starts_on date not null,
  signing_on date not null,
  target_content integer not null check (target_content between 0 and 1000),
  target_governance integer not null check (target_governance between 0 and 1000),
  target_started_in_year integer not null check (target_started_in_year between 0 and 1000),
  target_started_at_signing integer not null check (target_started_at_signing between 0 and 1000),
  version integer not null default 1,
  updated_at timestamptz not null default now(),
  check (signing_on >= starts_on)
);
insert into programme (name, starts_on, signing_on, target_content, target_governance, target_started_in_year, target_started_at_signing)
values ('Een slimme stad, zo doe je dat', '2026-01-01', '2026-12-03', 9, 3, 6, 6);

create table programme_snapshots (
  id bigint generated always as identity primary key,
  taken_on date not null,
  taken_at timestamptz not null default now(),
  kind text not null check (kind in ('monthly', 'manual')),
  figures jsonb not null,
  unique (taken_on, kind)
);
`).execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('drop table if exists programme_snapshots, programme').execute(db)
}
