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

-- Tool proposals: a partner member proposes a new tool; the texts keep the language they were written in.
create table proposals (
  id bigint generated always as identity primary key,
  title text not null check (length(title) between 1 and 200),
  summary text not null check (length(summary) between 1 and 4000),
  locale text not null check (locale in ('nl', 'en')),
  process_question text not null check (length(process_question) between 1 and 2000),
  occasion text check (length(occasion) <= 2000),
  category text not null check (category in ('content', 'governance')),
  form text not null references tool_forms (code),
  principles text[] not null default '{}',
  themes text[] not null default '{}',
  sdg_targets text[] not null default '{}',
  proposed_owner_id bigint references organisations (id),
  proposed_by_user_id bigint references users (id) on delete set null,
  proposed_by_organisation_id bigint not null references organisations (id),
  status text not null default 'submitted' check (status in ('submitted', 'on_agenda', 'adopted', 'declined', 'merged')),
  merged_into_id bigint references proposals (id),
  tool_id bigint references tools (id) on delete set null,
  duplicate_candidates jsonb not null default '[]',
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((status = 'merged') = (merged_into_id is not null))
);
create index proposals_status_idx on proposals (status, created_at desc);

-- Municipalities that want to take part (they become committed pilots when the proposal is adopted).
create table proposal_municipalities (
  proposal_id bigint not null references proposals (id) on delete cascade,
  municipality_id bigint not null references organisations (id),
  primary key (proposal_id, municipality_id)
);

-- One response per organisation and proposal, changeable: support, will own, will test, interested.
create table proposal_responses (
  proposal_id bigint not null references proposals (id) on delete cascade,
  organisation_id bigint not null references organisations (id),
  kind text not null check (kind in ('support', 'will_own', 'will_test', 'interested')),
  user_id bigint references users (id) on delete set null,
  updated_at timestamptz not null default now(),
  primary key (proposal_id, organisation_id)
);

create table proposal_comments (
  id bigint generated always as identity primary key,
  proposal_id bigint not null references proposals (id) on delete cascade,
  user_id bigint references users (id) on delete set null,
  organisation_id bigint references organisations (id),
  body text not null check (length(body) between 1 and 4000),
  locale text not null check (locale in ('nl', 'en')),
  created_at timestamptz not null default now()
);
create index proposal_comments_idx on proposal_comments (proposal_id, id);

-- Decisions: a vote on a proposal, open for a set period or until a curator closes it. One vote per current partner
-- organisation (the primary key makes a second impossible), changeable until the close. The tally is stored at the
-- close with the rule it was counted by; every organisation's vote stays public.
create table decisions (
  id bigint generated always as identity primary key,
  proposal_id bigint not null references proposals (id),
  opened_at timestamptz not null default now(),
  closes_at timestamptz,
  closed_at timestamptz,
  quorum_percent integer not null default 50 check (quorum_percent between 1 and 100),
  majority text not null default 'more_for_than_against' check (majority in ('more_for_than_against')),
  outcome text check (outcome in ('adopted', 'declined', 'no_quorum')),
  eligible integer,
  votes_for integer,
  votes_against integer,
  votes_abstain integer,
  tool_id bigint references tools (id) on delete set null,
  opened_by_user_id bigint references users (id) on delete set null,
  closed_by_user_id bigint references users (id) on delete set null,
  check ((closed_at is null) = (outcome is null))
);
create unique index decisions_one_open_idx on decisions (proposal_id) where closed_at is null;
create index decisions_tool_idx on decisions (tool_id);

create table decision_votes (
  decision_id bigint not null references decisions (id),
  organisation_id bigint not null references organisations (id),
  choice text not null check (choice in ('for', 'against', 'abstain')),
  user_id bigint references users (id) on delete set null,
  cast_at timestamptz not null default now(),
  primary key (decision_id, organisation_id)
);
`).execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('drop table if exists decision_votes, decisions, proposal_comments, proposal_responses, proposal_municipalities, proposals, partnerships').execute(db)
}
