/**
 * Every migration, in order. A static list (not a directory scan) so migrations load the same way under
 * tsx, vitest and any bundler. Never edit a migration that has shipped: add the next number.
 */
import type { Migration } from 'kysely';
import * as m0001 from './0001_initial.js';
import * as m0002 from './0002_study_sessions.js';
import * as m0003 from './0003_slot_indexes.js';
import * as m0004 from './0004_slack_locale.js';
import * as m0005 from './0005_seen_requests.js';
import * as m0006 from './0006_delivery_holder.js';
import * as m0007 from './0007_sessions.js';
import * as m0009 from './0009_cover.js';
import * as m0010 from './0010_outcomes_writeups.js';
import * as m0011 from './0011_audit.js';
import * as m0012 from './0012_calendar_tokens.js';
import * as m0013 from './0013_busy_calendars.js';

export const migrations: Record<string, Migration> = {
  '0001_initial': m0001,
  '0002_study_sessions': m0002,
  '0003_slot_indexes': m0003,
  '0004_slack_locale': m0004,
  '0005_seen_requests': m0005,
  '0006_delivery_holder': m0006,
  '0007_sessions': m0007,
  '0009_cover': m0009,
  '0010_outcomes_writeups': m0010,
  '0011_audit': m0011,
  '0012_calendar_tokens': m0012,
  '0013_busy_calendars': m0013,
};
