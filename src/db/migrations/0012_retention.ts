import { sql, type Kysely } from 'kysely'

// Retention (issue 17): a submitter's e-mail address is erased a set number of months after the decision on the
// submission (SUBMITTER_EMAIL_RETENTION_MONTHS). The address becomes null and the moment it was erased is kept, so
// the curation page can say so; one without the other is refused.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`
alter table submissions alter column contact_email drop not null;
alter table submissions add column contact_email_erased_at timestamptz;
alter table submissions add constraint submissions_contact_email_or_erased check ((contact_email is null) = (contact_email_erased_at is not null));
`).execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`
alter table submissions drop constraint if exists submissions_contact_email_or_erased;
alter table submissions drop column if exists contact_email_erased_at;
`).execute(db)
}
