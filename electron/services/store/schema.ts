import type { Generated } from 'kysely';

/**
 * The workspace's tables as the typed query builder sees them, the same on SQLite and PostgreSQL
 * (migrations 0001–0014 on SQLite; postgres/baselineSchema.ts and each later migration's PostgreSQL form on PostgreSQL). JSON columns are
 * text on both; times are milliseconds since the epoch; SQLite's 0/1 truths are never stored.
 * Search's own columns and tables (FTS5 tables, tsvectors) are not here: only the search
 * implementations touch them.
 */
export interface UsersTable {
  id: Generated<number>;
  name: string;
  email: string;
  /** The address as compared (emailKey): unique, the same fold on both stores. */
  email_key: string;
  role: string;
  created_at: number;
  deactivated_at: Generated<number | null>;
  /** Why the account was deactivated, when it was not an admin's doing (migration 17: a duplicate address). */
  deactivated_reason: Generated<string | null>;
}

export interface CustomersTable {
  id: Generated<number>;
  display_name: string;
  created_at: number;
}

export interface CustomerIdentitiesTable {
  id: Generated<number>;
  customer_id: number;
  kind: string;
  /** As the customer wrote it (shown). */
  value: string;
  /** As it is compared (identityKey.ts): unique per kind. */
  value_key: string;
}

export interface ConversationsTable {
  id: Generated<number>;
  customer_id: number;
  channel: string;
  status: string;
  subject: string | null;
  queue: Generated<string>;
  assignee_id: number | null;
  external_ref: string | null;
  created_at: number;
  updated_at: number;
  last_message_id: number | null;
  last_message_at: number | null;
  message_count: Generated<number>;
  waiting_since: number | null;
  last_customer_message_id: number | null;
  mood_sentiment: number | null;
  mood_emotion: string | null;
  mood_analyzer: string | null;
  priority: Generated<number>;
  snoozed_until: number | null;
  first_reply_at: number | null;
  /** The team it is assigned to (migration 21), or null. */
  team_id: Generated<number | null>;
}

export interface MessagesTable {
  id: Generated<number>;
  conversation_id: number;
  author: string;
  author_name: string | null;
  author_user_id: number | null;
  body: string;
  body_html: string | null;
  sent_at: number;
  external_id: string | null;
  dedupe_key: string;
  meta: Generated<string>;
  created_at: number;
}

export interface AnalysesTable {
  id: Generated<number>;
  message_id: number | null;
  draft_id: string | null;
  text_hash: string;
  analyzer: string;
  model_id: string;
  model_version: string | null;
  sentiment: number;
  emotions: string;
  details: Generated<string>;
  latency_ms: number;
  created_at: number;
}

export interface CoachPromptsTable {
  id: Generated<number>;
  conversation_id: number;
  message_id: number | null;
  user_id: number | null;
  kind: string;
  rule_id: Generated<string>;
  title: Generated<string>;
  text: string;
  reason: string;
  shown_at: number;
  outcome: string | null;
  outcome_at: number | null;
  inserted_at: number | null;
}

export interface FollowUpsTable {
  id: Generated<number>;
  customer_id: number;
  conversation_id: number | null;
  message_id: number | null;
  created_by: number | null;
  description: string;
  due_at: number;
  status: Generated<string>;
  created_at: number;
  closed_at: number | null;
}

export interface SessionEventsTable {
  id: Generated<number>;
  at: number;
  kind: string;
  conversation_id: number | null;
  message_id: number | null;
  user_id: number | null;
  payload: Generated<string>;
}

export interface SettingsTable {
  key: string;
  value: string;
}

export interface DraftsTable {
  conversation_id: number;
  user_id: Generated<number>;
  kind: string;
  body: string;
  updated_at: number;
  snapshot_event_id: number | null;
  snapshot_edits: Generated<number>;
  snapshot_edit_chars: Generated<number>;
  /** The message this draft was last sent as (its row then has an empty body: no draft); null: never sent. */
  sent_message_id: number | null;
}

export interface ConversationReadsTable {
  conversation_id: number;
  user_id: Generated<number>;
  read_at: number;
}

export interface CustomerConnectionTable {
  customer_id: number;
  score: number;
  stage: string;
  movement_30d: number;
  risks: Generated<string>;
  last_contact_at: number | null;
  contacts: number;
  computed_at: number;
}

export interface AppliedRequestsTable {
  client_id: string;
  method: string;
  fingerprint: string;
  result: string;
  applied_at: number;
}

export interface TagsTable {
  id: Generated<number>;
  name: string;
  color: string | null;
  created_at: number;
}

export interface ConversationTagsTable {
  conversation_id: number;
  tag_id: number;
  added_at: number;
}

export interface SavedViewsTable {
  id: Generated<number>;
  user_id: Generated<number>;
  name: string;
  view: string;
  created_at: number;
  updated_at: number;
}

export interface CredentialsTable {
  user_id: number;
  password_hash: string;
  updated_at: number;
}

export interface SignInSessionsTable {
  id: string;
  user_id: number;
  token_hash: string;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
  ended_at: number | null;
  end_reason: string | null;
  address: string | null;
  user_agent: string | null;
}

export interface OneTimeLinksTable {
  id: Generated<number>;
  kind: string;
  token_hash: string;
  email: string | null;
  name: string | null;
  role: string | null;
  created_by: number | null;
  created_at: number;
  expires_at: number;
  used_at: number | null;
  used_by: number | null;
  revoked_at: number | null;
}

export interface SignInFailuresTable {
  id: Generated<number>;
  scope: string;
  key: string;
  at: number;
}

/** A message a process is about to read for the backlog, until claimed_until (a lease). */
export interface AnalysisClaimsTable {
  message_id: number;
  claimed_by: string;
  claimed_until: number;
}

/** A customer joined into another (migrations 17 and 24: they shared an identity once identities were compared by key — e-mail folded, phone numbers in E.164). */
export interface CustomerMergesTable {
  id: Generated<number>;
  /** The customer who remains. */
  customer_id: number;
  /** The customer who no longer exists, and what they were. */
  merged_customer_id: number;
  merged_display_name: string;
  merged_created_at: number;
  merged_identities: string;
  /** What moved to customer_id. */
  conversations: number;
  follow_ups: number;
  reason: string;
  merged_at: number;
}

/** An event too large for one PostgreSQL notification, kept for the other server processes to read (swept after a while). */
export interface TeamEventsTable {
  id: Generated<number>;
  body: string;
  created_at: number;
}

/** A named group of people conversations can be assigned to (migration 21); names unique whatever their case. */
export interface TeamsTable {
  id: Generated<number>;
  name: string;
  created_at: number;
}

/** Who is on which team. */
export interface TeamMembersTable {
  team_id: number;
  user_id: number;
  added_at: number;
}

export interface KinshipDatabase {
  users: UsersTable;
  customers: CustomersTable;
  customer_identities: CustomerIdentitiesTable;
  conversations: ConversationsTable;
  messages: MessagesTable;
  analyses: AnalysesTable;
  coach_prompts: CoachPromptsTable;
  follow_ups: FollowUpsTable;
  session_events: SessionEventsTable;
  settings: SettingsTable;
  drafts: DraftsTable;
  conversation_reads: ConversationReadsTable;
  customer_connection: CustomerConnectionTable;
  applied_requests: AppliedRequestsTable;
  tags: TagsTable;
  conversation_tags: ConversationTagsTable;
  saved_views: SavedViewsTable;
  credentials: CredentialsTable;
  sign_in_sessions: SignInSessionsTable;
  one_time_links: OneTimeLinksTable;
  sign_in_failures: SignInFailuresTable;
  analysis_claims: AnalysisClaimsTable;
  customer_merges: CustomerMergesTable;
  team_events: TeamEventsTable;
  teams: TeamsTable;
  team_members: TeamMembersTable;
}

/** Every table the repositories own, in an order that keeps foreign keys satisfied when emptied in reverse. */
export const TABLES = [
  'users', 'customers', 'customer_identities', 'conversations', 'messages', 'analyses', 'coach_prompts', 'follow_ups',
  'session_events', 'settings', 'drafts', 'conversation_reads', 'customer_connection', 'applied_requests', 'tags',
  'conversation_tags', 'saved_views', 'credentials', 'sign_in_sessions', 'one_time_links', 'sign_in_failures',
  'analysis_claims', 'customer_merges', 'team_events', 'teams', 'team_members',
] as const satisfies readonly (keyof KinshipDatabase)[];
