import { sql, type Kysely } from 'kysely'

// Mail leaves through the outbox: a message is written in the transaction that causes it, and a sender in the
// background claims due messages (for update skip locked, so two instances never send one twice), sends them and
// retries with back-off. claimed_until is a lease: a sender that dies mid-send leaves the message due again after it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`
alter table outbox
  add column attempts integer not null default 0,
  add column next_attempt_at timestamptz,
  add column claimed_until timestamptz,
  add column failed_at timestamptz;
-- Messages that SMTP was to deliver and that are not sent yet become due now.
update outbox set next_attempt_at = now() where transport = 'smtp' and sent_at is null;
create index outbox_due_idx on outbox (next_attempt_at) where sent_at is null and failed_at is null and next_attempt_at is not null;
`).execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`
drop index if exists outbox_due_idx;
alter table outbox drop column if exists attempts, drop column if exists next_attempt_at, drop column if exists claimed_until, drop column if exists failed_at;
`).execute(db)
}
