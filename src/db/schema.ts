/**
 * The kysely `Database` interface: one table type per table. Instants are ISO-8601 UTC strings,
 * months `YYYY-MM` in the app's zone, flags 0/1 (the same on SQLite and PostgreSQL).
 */
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { Plan } from '../domain/plans.js';
import type { SlotStatus } from '../domain/slots.js';
import type { RsvpAnswer } from '../domain/study.js';
export type ConsultationStatus = 'open' | 'resolved';
/** `sending`: one process holds it while posting (attempts = its fencing token); see delivery/deliver.ts */
export type DeliveryStatus = 'pending' | 'sending' | 'sent' | 'failed';
export type JobRunStatus = 'running' | 'succeeded' | 'failed';
export type StudyStatus = 'scheduled' | 'cancelled';

export interface SupportersTable {
  id: string;
  display_name: string | null;
  /** Chosen with `/supporter lang`. */
  locale: string | null;
  /** Last seen in Slack (users.info include_locale), e.g. `en-US`; inserts may leave it out. */
  slack_locale: ColumnType<string | null, string | null | undefined, string | null>;
  source: string;
  joined_at: string;
  left_at: string | null;
}

export interface SupporterExpertiseTable {
  supporter_id: string;
  tag: string;
}

export interface SupporterMonthsTable {
  supporter_id: string;
  month: string;
  away: Generated<number>;
  exempt: Generated<number>;
  quota_override: number | null;
}

export interface QuotaSettingsTable {
  from_month: string;
  quota: number;
  set_by: string;
  set_at: string;
}

export interface SlotsTable {
  id: Generated<number>;
  supporter_id: string;
  start_at: string;
  end_at: string;
  minutes: number;
  status: SlotStatus;
  writeup_done_at: string | null;
  created_at: string;
  updated_at: string;
}

/** `consult`: a slot booked by /consult alone, whose session record was made when it ended (0010). */
export type SessionSource = 'command' | 'webhook' | 'import' | 'consult';
/** How a session went (migration 0010); null = not answered, which counts as held once it has ended. */
export type SessionOutcome = 'held' | 'no_show' | 'cancelled';

/** A booked slot's record (migration 0007): one per slot; unbooking deletes it. */
export interface SessionsTable {
  id: Generated<number>;
  slot_id: number;
  supporter_id: string;
  /** e.g. `Aさん` (≤ 20 characters, never a real name); '' when not given. */
  client_alias: Generated<string>;
  plan: Plan;
  topic: Generated<string>;
  source: SessionSource;
  /** The consultation asked about this session (set when it is posted). */
  consultation_id: number | null;
  created_at: string;
  updated_at: string;
  outcome: ColumnType<SessionOutcome | null, SessionOutcome | null | undefined, SessionOutcome | null>;
  outcome_at: ColumnType<string | null, string | null | undefined, string | null>;
  /** The write-up builder's fields as JSON (client data: never exported or logged, purged by retention). */
  writeup_draft: ColumnType<string | null, string | null | undefined, string | null>;
  /** The finished write-up, formatted (client data, as above). */
  writeup_text: ColumnType<string | null, string | null | undefined, string | null>;
  writeup_finished_at: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface ConsultationsTable {
  id: Generated<number>;
  supporter_id: string;
  slot_id: number | null;
  session_start: string;
  plan: Plan;
  topic: string;
  question: string;
  channel: string | null;
  ts: string | null;
  status: Generated<ConsultationStatus>;
  resolved_at: string | null;
  nudged_at: string | null;
  purged_at: string | null;
  created_at: string;
}

export interface ConsultationTagsTable {
  consultation_id: number;
  tag: string;
}

export interface ThreadRepliesTable {
  consultation_id: number;
  message_ts: string;
  user_id: string;
  replied_at: string;
}

export interface NudgesTable {
  consultation_id: number;
  user_id: string;
  nudged_at: string;
  /** The ladder's step that nudged them (migration 0009): 1 a DM as a matching expert, 2 the thread's bump. */
  stage: Generated<number>;
}

export type CoverStatus = 'open' | 'taken' | 'cancelled';

/** A request that someone else take a booked session over (代打, migration 0009). */
export interface CoverRequestsTable {
  id: Generated<number>;
  session_id: number;
  requested_by: string;
  status: Generated<CoverStatus>;
  taken_by: string | null;
  channel: string | null;
  ts: string | null;
  created_at: string;
  updated_at: string;
}

export interface SlackEventsTable {
  event_id: string;
  received_at: string;
}

/** Slack request signatures seen by any instance within the window (src/slack/requestGuard.ts). */
export interface SeenRequestsTable {
  signature: string;
  /** Epoch seconds. */
  expires_at: number;
}

export interface DeliveriesTable {
  id: Generated<number>;
  key: string;
  job: string;
  recipient: string;
  status: DeliveryStatus;
  attempts: Generated<number>;
  channel: string | null;
  ts: string | null;
  error: string | null;
  created_at: string;
  updated_at: string;
  /** The job run (`job_runs.holder`) that last claimed the row; null before migration 0006 or outside a run. */
  holder: string | null;
}

export interface JobRunsTable {
  id: Generated<number>;
  job: string;
  scheduled_for: string;
  trigger: string;
  status: JobRunStatus;
  holder: string;
  started_at: string;
  heartbeat_at: string;
  finished_at: string | null;
  result: string | null;
  error: string | null;
}

export interface StudySessionsTable {
  id: Generated<number>;
  host_id: string;
  title: string;
  description: Generated<string>;
  /** A JSON array of canonical tags. */
  tags: Generated<string>;
  start_at: string;
  end_at: string;
  minutes: number;
  capacity: number | null;
  status: Generated<StudyStatus>;
  channel: string | null;
  ts: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  cancelled_at: string | null;
  cancelled_by: string | null;
}

export interface StudyRsvpsTable {
  session_id: number;
  user_id: string;
  answer: RsvpAnswer;
  /** 1 when answered 参加 but beyond the capacity (waiting list), else 0. */
  waitlisted: Generated<number>;
  /** Join order among 参加 answers (a new, higher one on every switch to 参加). */
  position: number;
  answered_at: string;
  updated_at: string;
}

/** Every export, erasure, backup, operator command and digest post (migration 0011); no client text. */
export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor: string;
  action: string;
  target: Generated<string>;
  /** JSON: counts and options only. */
  detail: Generated<string>;
}

export type ErasureKind = 'consultation' | 'session';
export type ErasureReason = 'retention' | 'erase';

/** A consultation or session whose client text is gone from the database (migration 0011). */
export interface ErasuresTable {
  id: Generated<number>;
  kind: ErasureKind;
  target_id: number;
  reason: ErasureReason;
  erased_at: string;
  /** Set once every bot message that carried the text has been rewritten in Slack. */
  slack_done_at: string | null;
}

/** A supporter's calendar-feed token (migration 0012): the secret part of `/calendar/<token>.ics`. */
export interface CalendarTokensTable {
  supporter_id: string;
  token: string;
  created_at: string;
}

/** A supporter's main-job busy calendar (migration 0013): the .ics URL, a secret (never logged or shown). */
export interface BusyCalendarsTable {
  supporter_id: string;
  url: string;
  created_at: string;
}

export interface Database {
  supporters: SupportersTable;
  supporter_expertise: SupporterExpertiseTable;
  supporter_months: SupporterMonthsTable;
  quota_settings: QuotaSettingsTable;
  slots: SlotsTable;
  sessions: SessionsTable;
  consultations: ConsultationsTable;
  consultation_tags: ConsultationTagsTable;
  thread_replies: ThreadRepliesTable;
  nudges: NudgesTable;
  cover_requests: CoverRequestsTable;
  slack_events: SlackEventsTable;
  seen_requests: SeenRequestsTable;
  deliveries: DeliveriesTable;
  job_runs: JobRunsTable;
  study_sessions: StudySessionsTable;
  study_rsvps: StudyRsvpsTable;
  audit_log: AuditLogTable;
  erasures: ErasuresTable;
  calendar_tokens: CalendarTokensTable;
  busy_calendars: BusyCalendarsTable;
}

export type Supporter = Selectable<SupportersTable>;
export type Slot = Selectable<SlotsTable>;
export type NewSlot = Insertable<SlotsTable>;
export type Session = Selectable<SessionsTable>;
export type CoverRequest = Selectable<CoverRequestsTable>;
export type Consultation = Selectable<ConsultationsTable>;
export type Delivery = Selectable<DeliveriesTable>;
export type JobRun = Selectable<JobRunsTable>;
export type StudySession = Selectable<StudySessionsTable>;
export type NewStudySession = Insertable<StudySessionsTable>;
export type StudyRsvp = Selectable<StudyRsvpsTable>;
export type AuditEntry = Selectable<AuditLogTable>;
export type Erasure = Selectable<ErasuresTable>;
