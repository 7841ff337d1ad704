// The tables of partners deciding together (migrations 0011 on), apart so that schema.ts stays short.
import type { ColumnType, Generated } from 'kysely'

/** A period in which an organisation is a City Deal partner (migration 0011); `until` is its last day, null while it lasts. */
export interface PartnershipsTable {
  id: Generated<number>
  organisation_id: number
  since: string
  until: string | null
  created_at: Generated<Date>
}

export type ProposalStatus = 'submitted' | 'on_agenda' | 'adopted' | 'declined' | 'merged'
export type ResponseKind = 'support' | 'will_own' | 'will_test' | 'interested'

/** A partner's proposal for a new tool (migration 0011); its texts keep the language they were written in. */
export interface ProposalsTable {
  id: Generated<number>
  title: string
  summary: string
  locale: 'nl' | 'en'
  process_question: string
  occasion: string | null
  category: 'content' | 'governance'
  form: string
  principles: ColumnType<string[], string[] | undefined, string[]>
  themes: ColumnType<string[], string[] | undefined, string[]>
  sdg_targets: ColumnType<string[], string[] | undefined, string[]>
  proposed_owner_id: number | null
  proposed_by_user_id: number | null
  proposed_by_organisation_id: number
  status: Generated<ProposalStatus>
  merged_into_id: number | null
  /** Why a curator declined it or merged it into another, without a vote (migration 0013). */
  status_reason: ColumnType<string | null, string | null | undefined, string | null>
  tool_id: number | null
  duplicate_candidates: ColumnType<unknown, string | undefined, string>
  version: Generated<number>
  created_at: Generated<Date>
  updated_at: Generated<Date>
}

export interface ProposalMunicipalitiesTable {
  proposal_id: number
  municipality_id: number
}

export interface ProposalResponsesTable {
  proposal_id: number
  organisation_id: number
  kind: ResponseKind
  user_id: number | null
  updated_at: Generated<Date>
}

export interface ProposalCommentsTable {
  id: Generated<number>
  proposal_id: number
  user_id: number | null
  organisation_id: number | null
  body: string
  locale: 'nl' | 'en'
  created_at: Generated<Date>
}

export type DecisionOutcome = 'adopted' | 'declined' | 'no_quorum'
export type VoteChoice = 'for' | 'against' | 'abstain'

/** A vote of the partners on a proposal (migration 0011); the tally is stored at the close. */
export interface DecisionsTable {
  id: Generated<number>
  proposal_id: number
  opened_at: Generated<Date>
  closes_at: Date | null
  closed_at: Date | null
  quorum_percent: Generated<number>
  majority: Generated<'more_for_than_against'>
  outcome: DecisionOutcome | null
  eligible: number | null
  votes_for: number | null
  votes_against: number | null
  votes_abstain: number | null
  tool_id: number | null
  opened_by_user_id: number | null
  closed_by_user_id: number | null
  /** The gathering the vote was opened at (migration 0013), if any. */
  gathering_id: ColumnType<number | null, number | null | undefined, number | null>
  /** When the members of partners that had not voted were reminded, once, before the last day ends (migration 0013). */
  reminded_at: ColumnType<Date | null, Date | null | undefined, Date | null>
}

/** One organisation's vote on a decision (the primary key allows one). */
export interface DecisionVotesTable {
  decision_id: number
  organisation_id: number
  choice: VoteChoice
  user_id: number | null
  cast_at: Generated<Date>
}

/** A gathering of the partners (migration 0013): times are moments (timestamptz), shown in Europe/Amsterdam. */
export interface GatheringsTable {
  id: Generated<number>
  slug: string
  title_nl: string
  title_en: string
  starts_at: Date
  ends_at: Date
  place: string | null
  online_url: string | null
  minutes_nl: string | null
  minutes_en: string | null
  version: Generated<number>
  created_at: Generated<Date>
  updated_at: Generated<Date>
}

/** An agenda item; a sub-item names its parent. An item may put a proposal to the partners. */
export interface GatheringAgendaItemsTable {
  id: Generated<number>
  gathering_id: number
  parent_id: number | null
  position: number
  title_nl: string
  title_en: string
  proposal_id: number | null
}

export interface GatheringDocumentsTable {
  id: Generated<number>
  gathering_id: number
  position: number
  title: string
  url: string
}

/** A member who attends, registered by themselves or a colleague of the same organisation. */
export interface GatheringRegistrationsTable {
  gathering_id: number
  user_id: number
  organisation_id: number
  registered_by_user_id: number | null
  registered_at: Generated<Date>
}

/** An organisation that was at a past gathering (the minutes' attendance). */
export interface GatheringAttendanceTable {
  gathering_id: number
  organisation_id: number
}
