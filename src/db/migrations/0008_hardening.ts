import { sql, type Kysely } from 'kysely'

// Hardening (issue 17):
// - rate_limits: one counter per form ("bucket") and client address, shared by every instance and language, so a
//   limit holds however many servers run and whichever language's URL is posted to. Rows expire after their window.
// - sign_in_failures: failed sign-ins are counted per account-and-address pair (with growing delays) and per
//   address; the pair rows name their account, so a password reset can lift them all at once.
// - outbox.body_secret: the text as it is sent, with its single-use links; body_text keeps the text with those links
//   replaced by a note, and is all anyone reads. body_secret is emptied once the message is delivered, and never
//   written when SMTP is not configured. Links already stored in plain text are scrubbed here.
// - an index to count the messages written to one address in the last day (the limit per recipient).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`
create table rate_limits (
  bucket text not null check (length(bucket) between 1 and 100),
  client text not null check (length(client) between 1 and 100),
  -- The window began at the first request after the previous one ended; it counts until window_ends_at.
  window_ends_at timestamptz not null,
  hits integer not null check (hits > 0),
  primary key (bucket, client)
);
create index rate_limits_expiry_idx on rate_limits (window_ends_at);

alter table sign_in_failures add column account text;
create index sign_in_failures_account_idx on sign_in_failures (account) where account is not null;
-- Locks per account alone are gone: a stranger could use them to lock anyone out.
delete from sign_in_failures where key like 'account:%';

alter table outbox add column body_secret text;
update outbox set
  body_secret = case when transport = 'smtp' and sent_at is null then body_text end,
  body_text = regexp_replace(body_text, '(https?://[^[:space:]]*/account/(activate|reset)/)[A-Za-z0-9_-]+', '\\1…', 'g')
where body_text ~ '/account/(activate|reset)/[A-Za-z0-9_-]';
create index outbox_recipient_idx on outbox (lower(recipient), created_at);
`).execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`
drop index if exists outbox_recipient_idx;
update outbox set body_text = body_secret where body_secret is not null;
alter table outbox drop column body_secret;
drop index if exists sign_in_failures_account_idx;
alter table sign_in_failures drop column account;
drop table if exists rate_limits;
`).execute(db)
}
