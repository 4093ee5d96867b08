/**
 * The deps types, in one place. Types only: every layer may import this file, and it imports no layer
 * above the use cases. Each layer takes the narrowest of these that does its work; the wider ones are the
 * narrower ones plus what that layer adds, so a wider deps object is passed down as it is (no adapters).
 *
 *   UseCaseDeps   use cases: the database and the configuration (the clock comes in as `now` per call)
 *   DeliveryDeps  the delivery (src/delivery): the database, a logger and the job web client
 *   JobDeps       jobs: both of the above
 *   AppDeps       what buildApp is given by main.ts, the sandbox and the tests
 *   ListenerDeps  what every listener gets: AppDeps plus JobDeps and the per-app locale resolver, built
 *                 once in registerListeners
 */
import type { WebClient } from '@slack/web-api';
import type { Config } from './config.js';
import type { DatabaseHandle, Db } from './db/database.js';
import type { BusyCalendar } from './domain/busy.js';
import type { Locale } from './domain/locale.js';
import type { Logger } from './logger.js';

/**
 * `busy` reads supporters' main-job calendars (src/calendar/busyCalendar.ts, built by app.ts / main.ts /
 * the CLI); without it the busy checks simply don't run.
 */
export type UseCaseDeps = { db: Db; config: Config; busy?: BusyCalendar };

export type DeliveryDeps = {
  db: Db;
  logger: Logger;
  /** A web client for jobs: no automatic retries of its own (delivery decides), rate limits rejected to us. */
  slack: WebClient;
  /** Waits; injectable so tests of Retry-After handling need not sleep for real when they choose not to. */
  sleep?: (ms: number) => Promise<void>;
};

export type JobDeps = UseCaseDeps & DeliveryDeps;

export type AppDeps = {
  config: Config;
  database: DatabaseHandle;
  logger: Logger;
  /** The one clock of the app; tests and the sandbox pass their own. */
  clock: () => Date;
  /** Reads busy calendars; buildApp makes one when not given (main.ts shares one with the scheduler). */
  busy?: BusyCalendar;
};

/** The language to answer a user in (src/slack/locale.ts). */
export interface UserLocales {
  forUser(client: WebClient, userId: string, now: Date): Promise<Locale>;
  /** The language known without asking Slack (chosen, or Slack's as seen lately); for work before an ack. */
  known(userId: string, now: Date): Promise<Locale | undefined>;
}

/**
 * `slack` is the job web client (src/delivery/client.ts), for DMs sent through the delivery; a listener's
 * own replies and posts use the client Bolt hands it.
 */
export type ListenerDeps = AppDeps & JobDeps & { locales: UserLocales };
