import { sql, type Kysely } from 'kysely'

// Partners decide together (issue 11). partnerships: which organisations are City Deal partners, since and until
// when; a former partner's past votes stay on record because the period stays. The table is the truth (decision
// 0015); organisations.is_city_deal_partner is kept as "a partner today" by the partnerships module on every change,
// for the many reads that only ask that. At most one open-ended period per organisation; overlaps are refused by the
// service under a lock on the organisation. Seeded from the flag, since the programme's start (1 January 2026).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`
create table partnerships (
  id bigint generated always as identity primary key,
  organisation_id bigint not null references organisations (id),
  since date not null,
  until date,
  created_at timestamptz not null default now(),
  check (until is null or until >= since)
);
create index partnerships_organisation_idx on partnerships (organisation_id, since);
create unique index partnerships_one_open_idx on partnerships (organisation_id) where until is null;
insert into partnerships (organisation_id, since)
  select id, date '2026-01-01' from organisations where is_city_deal_partner and merged_into_id is null;
`).execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('drop table if exists partnerships').execute(db)
}
