/**
 * Coded domain errors. Domain and use-case code throws (or returns) these; the Slack adapter maps the
 * code to a message in the user's language (src/i18n). A code is never shown to a user as is.
 *
 * The codes are the domain's own: every message table must have one message per code
 * (`satisfies Record<ErrorCode, …>` in src/i18n), not the other way round.
 */

export type ErrorCode =
  // anywhere
  | 'generic'
  | 'permission_denied'
  | 'not_yours'
  | 'unknown_subcommand'
  | 'input_too_long'
  | 'month_invalid'
  | 'locale_invalid'
  | 'user_mention_missing'
  | 'not_on_roster'
  | 'tags_empty'
  | 'tag_too_long'
  | 'tag_invalid'
  | 'tags_too_many'
  | 'quota_invalid'
  | 'modal_expired'
  // busy times (#22 item 4)
  | 'busy_url_invalid'
  // slots
  | 'slot_empty'
  | 'slot_unrecognized'
  | 'slot_date_invalid'
  | 'slot_date_missing'
  | 'slot_weekday_mismatch'
  | 'slot_time_missing'
  | 'slot_time_invalid'
  | 'slot_time_ambiguous'
  | 'slot_length_out_of_range'
  | 'slot_end_before_start'
  | 'slot_in_past'
  | 'slot_recent_past'
  | 'slot_duplicate'
  | 'slot_length_conflict'
  | 'slot_overlap_existing'
  | 'slot_overlap_in_command'
  | 'slot_too_many'
  | 'slot_pattern_empty'
  | 'slot_not_found'
  | 'slot_not_yours'
  | 'slot_status_conflict'
  | 'slot_id_missing'
  // sessions (bookings)
  | 'plan_invalid'
  | 'session_not_found'
  | 'booking_target_missing'
  | 'booking_start_invalid'
  | 'booking_no_slot_at'
  | 'csv_unterminated_quote'
  | 'csv_header_invalid'
  | 'csv_row_invalid'
  // after the session: outcome and write-up (issue #19)
  | 'outcome_invalid'
  | 'outcome_usage'
  | 'outcome_not_ended'
  | 'writeup_not_owed'
  | 'writeup_not_started'
  | 'writeup_fields_missing'
  | 'writeup_usage'
  // cover (代打)
  | 'cover_channel_missing'
  | 'cover_started'
  | 'cover_already_open'
  | 'cover_taken'
  | 'cover_withdrawn'
  | 'cover_own'
  | 'cover_clash'
  | 'cover_none'
  // consultations
  | 'consult_pii'
  | 'consult_in_past'
  | 'consult_text_missing'
  | 'consult_datetime_missing'
  | 'consult_not_found'
  | 'consult_not_yours'
  | 'consult_channel_missing'
  | 'consult_slot_conflict'
  | 'consult_slot_too_short'
  // study sessions
  | 'study_usage'
  | 'study_when_invalid'
  | 'study_in_past'
  | 'study_length_invalid'
  | 'study_title_missing'
  | 'study_title_too_long'
  | 'study_description_too_long'
  | 'study_capacity_invalid'
  | 'study_host_invalid'
  | 'study_not_found'
  | 'study_not_host'
  | 'study_cancelled'
  | 'study_closed'
  | 'study_channel_missing'
  | 'study_user_missing'
  // the workspace's setup (Slack refused a post: see src/delivery/setupProblems.ts)
  | 'setup_not_in_channel'
  | 'setup_channel_hidden'
  | 'setup_archived'
  | 'setup_missing_scope';

export type ErrorParams = Record<string, string | number>;

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly params: ErrorParams;
  /** Which modal field the error belongs to, when it came from a modal. */
  readonly field: string | undefined;

  constructor(code: ErrorCode, params: ErrorParams = {}, field?: string) {
    super(`${code} ${JSON.stringify(params)}`);
    this.name = 'DomainError';
    this.code = code;
    this.params = params;
    this.field = field;
  }
}

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;
