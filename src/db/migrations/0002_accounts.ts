import { sql, type Kysely } from 'kysely'

// Accounts, sessions, single-use links, the e-mail outbox, sign-in throttling and shared settings.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`
create table users (
  id bigint generated always as identity primary key,
  email text not null check (length(email) between 3 and 254 and email ~ '^[^[:space:]@]+@[^[:space:]@]+$'),
  name text not null check (length(name) between 1 and 200),
  role text not null check (role in ('partner', 'curator', 'admin')),
  organisation_id bigint references organisations (id),
  locale text not null default 'nl' check (locale in ('nl', 'en')),
  password_hash text,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  last_sign_in_at timestamptz,
  check (role <> 'partner' or organisation_id is not null)
);
create unique index users_email_idx on users (lower(email));
create index users_organisation_idx on users (organisation_id);

-- The cookie holds a random token; only its SHA-256 is stored, so a database leak gives no sessions.
create table sessions (
  id text primary key,
  user_id bigint not null references users (id) on delete cascade,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index sessions_user_idx on sessions (user_id);

-- Invitations and password resets: single use, expiring, stored hashed.
create table auth_tokens (
  token_hash text primary key,
  user_id bigint not null references users (id) on delete cascade,
  purpose text not null check (purpose in ('invite', 'password_reset')),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz
);
create index auth_tokens_user_idx on auth_tokens (user_id);

create table outbox (
  id bigint generated always as identity primary key,
  recipient text not null,
  locale text not null check (locale in ('nl', 'en')),
  subject text not null,
  body_text text not null,
  transport text not null check (transport in ('smtp', 'outbox')),
  created_at timestamptz not null default now(),
  sent_at timestamptz,
  error text
);
create index outbox_created_idx on outbox (created_at desc);

-- Failed sign-ins per account and per address, shared by every app instance.
create table sign_in_failures (
  key text primary key,
  failures integer not null,
  first_failed_at timestamptz not null,
  locked_until timestamptz
);

create table app_settings (
  key text primary key,
  value text not null
);

-- A merged organisation stays (the audit log refers to it) and points to the one it was merged into.
alter table organisations add column merged_into_id bigint references organisations (id);

alter table audit_log add constraint audit_log_actor_user_fk foreign key (actor_user_id) references users (id);
create index audit_log_occurred_idx on audit_log (occurred_at desc);
`).execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`
alter table audit_log drop constraint if exists audit_log_actor_user_fk;
alter table organisations drop column if exists merged_into_id;
drop index if exists audit_log_occurred_idx;
drop table if exists app_settings, sign_in_failures, outbox, auth_tokens, sessions, users cascade;
`).execute(db)
}
