import { sql, type Kysely } from 'kysely'

// Calls for test municipalities: an answer keeps the language it was given in (the e-mails about it are written in
// that language) and, once accepted, the pilot it became.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`
alter table call_answers add column locale text not null default 'nl' check (locale in ('nl', 'en'));
alter table call_answers add column pilot_id bigint references pilots (id) on delete set null;
create index call_answers_open_idx on call_answers (call_id, status);
`).execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`
drop index call_answers_open_idx;
alter table call_answers drop column pilot_id;
alter table call_answers drop column locale;
`).execute(db)
}
