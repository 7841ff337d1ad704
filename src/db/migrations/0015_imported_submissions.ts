import { sql, type Kysely } from 'kysely'

// The import command (issue 13) holds a likely duplicate of an existing tool back as a submission for curation. Such
// a submission came from a file, not a person: its source is 'import' and it has no submitter's address to erase.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`
alter table submissions drop constraint if exists submissions_source_check;
alter table submissions add constraint submissions_source_check check (source in ('form', 'api', 'import'));
alter table submissions drop constraint if exists submissions_contact_email_or_erased;
alter table submissions add constraint submissions_contact_email_or_erased
  check ((contact_email is null) = (contact_email_erased_at is not null) or (source = 'import' and contact_email is null and contact_email_erased_at is null));
`).execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`
delete from submission_events where submission_id in (select id from submissions where source = 'import');
delete from submissions where source = 'import';
alter table submissions drop constraint if exists submissions_contact_email_or_erased;
alter table submissions add constraint submissions_contact_email_or_erased check ((contact_email is null) = (contact_email_erased_at is not null));
alter table submissions drop constraint if exists submissions_source_check;
alter table submissions add constraint submissions_source_check check (source in ('form', 'api'));
`).execute(db)
}
