import type { ColumnType, Generated } from 'kysely'
import type { DecisionsTable, DecisionVotesTable, GatheringAgendaItemsTable, GatheringAttendanceTable, GatheringDocumentsTable, GatheringRegistrationsTable, GatheringsTable, PartnershipsTable, ProposalCommentsTable, ProposalMunicipalitiesTable, ProposalResponsesTable, ProposalsTable } from './schema-partners.ts'
import type { ProgrammeSnapshotsTable, ProgrammeTable } from './schema-programme.ts'
import type { MimsTable, ToolMimsTable } from './schema-open-data.ts'

// Kysely's view of the tables in src/db/migrations. Derived columns are read-only here.
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>
type Derived<T> = ColumnType<T, never, never>

export interface ToolFormsTable {
  code: string
  position: number
  name_nl: string
  name_en: string
  binding_level: 'legal' | 'contractual' | 'comply_or_explain' | 'voluntary'
  binding_nl: string
  binding_en: string
  description_nl: string
  description_en: string
}

export interface SdgTargetsTable {
  code: string
  position: number
  target_type: 'outcome' | 'means_of_implementation'
  title_nl: string
  title_en: string
  summary_nl: string
  summary_en: string
  source_url: string
}

export interface CriteriaTable {
  code: string
  family: 'principle' | 'rathenau' | 'precondition'
  position: number
  name_nl: string
  name_en: string
  description_nl: string
  description_en: string
  source_url: string | null
}

export interface OrganisationsTable {
  id: Generated<number>
  slug: string
  name: string
  kind: string
  cbs_code: string | null
  province_code: string | null
  website_url: string | null
  is_city_deal_partner: Generated<boolean>
  merged_into_id: Generated<number | null>
  created_at: Timestamp
  updated_at: Timestamp
}

export interface ToolsTable {
  id: Generated<number>
  slug: string
  name_nl: string | null
  name_en: string | null
  description_nl: string | null
  description_en: string | null
  occasion_nl: string | null
  occasion_en: string | null
  process_question_nl: string | null
  process_question_en: string | null
  category: string
  form: string
  status: string
  origin: string
  licence: string | null
  website_url: string | null
  started_on: string | null
  available_on: string | null
  created_at: Timestamp
  updated_at: Timestamp
  search_vector: Derived<string>
  search_names: Derived<string>
  facet_keys: Derived<string[]>
  match_keys: Derived<string[]>
  languages: ColumnType<string[], string[] | undefined, string[]>
  /** Counted up by every edit: an editor who started from an older version gets a conflict. */
  version: Generated<number>
  licence_not_applicable: Generated<boolean>
  retired_on: ColumnType<string | null, string | null | undefined, string | null>
  retired_reason_nl: ColumnType<string | null, string | null | undefined, string | null>
  retired_reason_en: ColumnType<string | null, string | null | undefined, string | null>
  replaced_by_tool_id: ColumnType<number | null, number | null | undefined, number | null>
}

export interface ToolStatusChangesTable {
  id: Generated<number>
  tool_id: number
  status: string
  changed_on: Generated<string>
  changed_at: Generated<Date>
  actor_role: string | null
  actor_organisation_id: number | null
}

export type PilotStatus = 'interested' | 'committed' | 'running' | 'completed' | 'withdrawn'
export type PilotOutcome = 'worked' | 'partly' | 'did_not_work'

export interface PilotsTable {
  id: Generated<number>
  tool_id: number
  municipality_id: number
  status: PilotStatus
  committed_on: string | null
  started_on: string | null
  completed_on: string | null
  tested_nl: string | null
  tested_en: string | null
  outcome: PilotOutcome | null
  lessons_nl: string | null
  lessons_en: string | null
  evidence_url: string | null
  call_id: number | null
  version: Generated<number>
  created_at: Generated<Date>
  updated_at: Generated<Date>
}

export interface ToolCallsTable {
  id: Generated<number>
  tool_id: number
  status: Generated<'open' | 'closed'>
  asked_nl: string | null
  asked_en: string | null
  effort_nl: string | null
  effort_en: string | null
  opens_on: Generated<string>
  closes_on: string | null
  municipalities_needed: Generated<number>
  version: Generated<number>
  created_at: Generated<Date>
  closed_at: Date | null
}

export interface CallAnswersTable {
  id: Generated<number>
  call_id: number
  municipality_id: number
  source: 'member' | 'public'
  note: string | null
  answered_by_user_id: number | null
  contact_name: string | null
  contact_email: string | null
  status: Generated<'open' | 'accepted' | 'declined'>
  created_at: Generated<Date>
  decided_at: Date | null
  locale: Generated<'nl' | 'en'>
  pilot_id: number | null
}

export interface AdoptionsTable {
  id: Generated<number>
  tool_id: number
  organisation_id: number
  since: string | null
  tool_version: string | null
  local_variant_nl: string | null
  local_variant_en: string | null
  local_url: string | null
  created_at: Generated<Date>
  updated_at: Generated<Date>
}

export interface InvolvementRequestsTable {
  id: Generated<number>
  tool_id: number
  organisation_id: number
  requested_by_user_id: number | null
  involvement: 'lead' | 'active' | 'contributing' | 'informed'
  note: string | null
  status: Generated<'open' | 'accepted' | 'declined'>
  created_at: Generated<Date>
  decided_at: Date | null
}

export interface ToolSlugRedirectsTable {
  slug: string
  tool_id: number
  created_at: Generated<Date>
}

export interface OrganisationAliasesTable {
  id: Generated<number>
  organisation_id: number
  alias: string
  created_at: Generated<Date>
}

export interface ToolProcessesTable {
  tool_id: number
  process: string
}

export interface ToolThemesTable {
  tool_id: number
  criterion_code: string
}

export interface ToolSdgTargetsTable {
  tool_id: number
  target_code: string
  contribution_nl: string | null
  contribution_en: string | null
}

export interface ToolAssessmentsTable {
  tool_id: number
  criterion_code: string
  rating: 'meets' | 'partly' | 'does_not_meet' | 'not_applicable' | 'unknown'
  explanation_nl: string | null
  explanation_en: string | null
  assessed_on: string | null
  evidence_url: ColumnType<string | null, string | null | undefined, string | null>
  assessed_by_organisation_id: ColumnType<number | null, number | null | undefined, number | null>
}

export interface ToolLinksTable {
  id: Generated<number>
  tool_id: number
  kind: string
  url: string
  title_nl: string | null
  title_en: string | null
  language: string | null
  position: Generated<number>
}

export interface ToolOrganisationsTable {
  id: Generated<number>
  tool_id: number
  organisation_id: number
  role: string
  involvement: string | null
  created_at: Timestamp
}

export interface ToolAliasesTable {
  id: Generated<number>
  tool_id: number
  alias: string
  kind: 'acronym' | 'other_name' | 'translation' | 'former_name'
  language: string | null
}

export interface SearchWordsTable {
  word: string
}

export interface CatalogueStateTable {
  id: number
  version: number
  changed_at: Timestamp
}

export interface AuditLogTable {
  id: Generated<number>
  occurred_at: Timestamp
  actor_user_id: number | null
  actor_organisation_id: number | null
  actor_label: string
  /** The role the actor acted in (partner, curator, admin), or null for the system and visitors. */
  actor_role: ColumnType<string | null, string | null | undefined, string | null>
  action: string
  entity_type: string
  entity_id: string
  before: unknown
  after: unknown
}

export interface SeedStateTable {
  name: string
  applied_at: Timestamp
}

export interface UsersTable {
  id: Generated<number>
  email: string
  name: string
  role: 'partner' | 'curator' | 'admin'
  organisation_id: number | null
  locale: 'nl' | 'en'
  password_hash: string | null
  active: Generated<boolean>
  created_at: Timestamp
  updated_at: Timestamp
  last_sign_in_at: Date | null
}

export interface SessionsTable {
  id: string
  user_id: number
  created_at: Timestamp
  last_seen_at: Timestamp
  expires_at: Date
}

export interface AuthTokensTable {
  token_hash: string
  user_id: number
  purpose: 'invite' | 'password_reset'
  created_at: Timestamp
  expires_at: Date
  used_at: Date | null
}

export interface OutboxTable {
  id: Generated<number>
  recipient: string
  locale: 'nl' | 'en'
  subject: string
  /** The text anyone may read: single-use links replaced by a note. */
  body_text: string
  /** The text as sent, with its single-use links; emptied once delivered, never written without SMTP. */
  body_secret: Generated<string | null>
  transport: 'smtp' | 'outbox'
  created_at: Timestamp
  sent_at: Date | null
  /** The last sending error. */
  error: string | null
  attempts: Generated<number>
  /** When the sender may try (again); null when SMTP is not configured or nothing is left to do. */
  next_attempt_at: Date | null
  /** A sender's lease on the message while it sends it. */
  claimed_until: Date | null
  /** When the sender gave up after its last attempt. */
  failed_at: Date | null
}

export interface SignInFailuresTable {
  key: string
  /** For a pair of account and address: the account (lower case), so that a password reset can lift its rows. */
  account: Generated<string | null>
  failures: number
  first_failed_at: Date
  locked_until: Date | null
}

/** Requests per form (bucket) and client address in the current window, shared by every instance. */
export interface RateLimitsTable {
  bucket: string
  client: string
  window_ends_at: Date
  hits: number
}

export interface AppSettingsTable {
  key: string
  value: string
}

export type SubmissionStatus = 'pending' | 'needs_info' | 'published' | 'merged' | 'rejected'

export interface SubmissionsTable {
  id: Generated<number>
  kind: 'new_tool' | 'addition'
  status: ColumnType<SubmissionStatus, SubmissionStatus | undefined, SubmissionStatus>
  locale: 'nl' | 'en'
  source: 'form' | 'api' | 'import'
  name: string
  description: string
  form: string | null
  category: string | null
  owner_name: string | null
  website_url: string | null
  contact_email: ColumnType<string | null, string | null, string | null> // null: erased, or held back by an import
  contact_email_erased_at: ColumnType<Date | null, never, Date | null>
  themes: ColumnType<string[], string[] | undefined, string[]>
  sdg_targets: ColumnType<string[], string[] | undefined, string[]>
  languages: ColumnType<string[], string[] | undefined, string[]>
  licence: string | null
  note: string | null
  target_tool_id: number | null
  confirmed_different: ColumnType<boolean, boolean | undefined, boolean>
  duplicate_candidates: ColumnType<unknown, string | undefined, string>
  result_tool_id: ColumnType<number | null, number | null | undefined, number | null>
  curator_message: ColumnType<string | null, string | null | undefined, string | null>
  token_nonce: string
  token_hash: string
  match_keys: ColumnType<string[], never, never>
  version: Generated<number>
  created_at: Timestamp
  updated_at: Timestamp
}

export interface SubmissionEventsTable {
  id: Generated<number>
  submission_id: number
  occurred_at: Timestamp
  event: 'submitted' | 'edited' | 'info_requested' | 'replied' | 'published' | 'merged' | 'rejected'
  message: string | null
}

export interface DB {
  mims: MimsTable
  tool_mims: ToolMimsTable
  partnerships: PartnershipsTable
  proposals: ProposalsTable
  proposal_municipalities: ProposalMunicipalitiesTable
  proposal_responses: ProposalResponsesTable
  proposal_comments: ProposalCommentsTable
  decisions: DecisionsTable
  decision_votes: DecisionVotesTable
  gatherings: GatheringsTable
  gathering_agenda_items: GatheringAgendaItemsTable
  gathering_documents: GatheringDocumentsTable
  gathering_registrations: GatheringRegistrationsTable
  gathering_attendance: GatheringAttendanceTable
  programme_snapshots: ProgrammeSnapshotsTable
  programme: ProgrammeTable
  tool_slug_redirects: ToolSlugRedirectsTable
  tool_status_changes: ToolStatusChangesTable
  pilots: PilotsTable
  tool_calls: ToolCallsTable
  call_answers: CallAnswersTable
  adoptions: AdoptionsTable
  involvement_requests: InvolvementRequestsTable
  organisation_aliases: OrganisationAliasesTable
  submissions: SubmissionsTable
  submission_events: SubmissionEventsTable
  users: UsersTable
  sessions: SessionsTable
  auth_tokens: AuthTokensTable
  outbox: OutboxTable
  sign_in_failures: SignInFailuresTable
  rate_limits: RateLimitsTable
  app_settings: AppSettingsTable
  seed_state: SeedStateTable
  tool_forms: ToolFormsTable
  sdg_targets: SdgTargetsTable
  criteria: CriteriaTable
  organisations: OrganisationsTable
  tools: ToolsTable
  tool_processes: ToolProcessesTable
  tool_themes: ToolThemesTable
  tool_sdg_targets: ToolSdgTargetsTable
  tool_assessments: ToolAssessmentsTable
  tool_links: ToolLinksTable
  tool_organisations: ToolOrganisationsTable
  tool_aliases: ToolAliasesTable
  search_words: SearchWordsTable
  catalogue_state: CatalogueStateTable
  audit_log: AuditLogTable
}
