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

-- The audit log cannot be emptied either.
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function audit_log_is_append_only();

-- "Last changed" is kept by the database: a change to a tool's own columns (not the derived search
-- columns) or to any of its rows in the child tables touches tools.updated_at.
create function tools_touch_on_change() returns trigger language plpgsql as $$
begin
  if (to_jsonb(new) - 'search_vector' - 'search_names' - 'facet_keys' - 'updated_at')
     is distinct from (to_jsonb(old) - 'search_vector' - 'search_names' - 'facet_keys' - 'updated_at') then
    new.updated_at := now();
  end if;
  return new;
end $$;
create trigger tools_touch before update on tools for each row execute function tools_touch_on_change();

create function tool_child_changed() returns trigger language plpgsql as $$
begin
  update tools set updated_at = now() where id = (case when tg_op = 'DELETE' then old.tool_id else new.tool_id end);
  return null;
end $$;
create trigger tool_processes_touch after insert or update or delete on tool_processes for each row execute function tool_child_changed();
create trigger tool_themes_touch after insert or update or delete on tool_themes for each row execute function tool_child_changed();
create trigger tool_sdg_targets_touch after insert or update or delete on tool_sdg_targets for each row execute function tool_child_changed();
create trigger tool_assessments_touch after insert or update or delete on tool_assessments for each row execute function tool_child_changed();
create trigger tool_links_touch after insert or update or delete on tool_links for each row execute function tool_child_changed();
create trigger tool_organisations_touch after insert or update or delete on tool_organisations for each row execute function tool_child_changed();
create trigger tool_aliases_touch after insert or update or delete on tool_aliases for each row execute function tool_child_changed();

alter table audit_log add constraint audit_log_actor_user_fk foreign key (actor_user_id) references users (id);
create index audit_log_occurred_idx on audit_log (occurred_at desc);
`).execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`
alter table audit_log drop constraint if exists audit_log_actor_user_fk;
alter table organisations drop column if exists merged_into_id;
drop trigger if exists audit_log_no_truncate on audit_log;
drop trigger if exists tools_touch on tools;
drop trigger if exists tool_processes_touch on tool_processes;
drop trigger if exists tool_themes_touch on tool_themes;
drop trigger if exists tool_sdg_targets_touch on tool_sdg_targets;
drop trigger if exists tool_assessments_touch on tool_assessments;
drop trigger if exists tool_links_touch on tool_links;
drop trigger if exists tool_organisations_touch on tool_organisations;
drop trigger if exists tool_aliases_touch on tool_aliases;
drop function if exists tool_child_changed(), tools_touch_on_change();
drop index if exists audit_log_occurred_idx;
drop table if exists app_settings, sign_in_failures, outbox, auth_tokens, sessions, users cascade;
`).execute(db)
}
