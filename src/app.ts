/**
 * buildApp: the Bolt app with Bolt's receiver (HTTP or Socket Mode, ./slack/receiver.ts), /healthz,
 * POST /api/bookings (./http/bookings.ts), GET /calendar/<token>.ics (./http/calendarFeed.ts), the
 * listeners and a graceful stop. Everything it needs comes in through `deps`; it reads no environment and no clock of its own.
 */
import { type IncomingMessage, Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App } from '@slack/bolt';
import type { ExtendedErrorHandler } from '@slack/bolt/dist/App.js';
import type { WebClientOptions } from '@slack/web-api';
import { createBusyCalendar } from './calendar/busyCalendar.js';
import type { Config } from './config.js';
import { pingDatabase } from './db/health.js';
import { forgetExpiredSignatures, recordSignature } from './db/repositories/seenRequests.js';
import { createJobClient } from './delivery/client.js';
import type { AppDeps } from './deps.js';
import { bookingsRoute } from './http/bookings.js';
import { calendarFeedRoute } from './http/calendarFeed.js';
import { boltLogger } from './slack/boltLogger.js';
import { InflightTracker } from './slack/inflight.js';
import { registerListeners } from './slack/listeners/index.js';
import { createReceiver } from './slack/receiver.js';
import type { ReplayLedger } from './slack/requestGuard.js';
import { slackFetch } from './slack/transport.js';

export type BuiltApp = {
  app: App;
  /** Starts listening (HTTP on config.port, or the Socket Mode connection). Resolves to the bound port. */
  start: () => Promise<number | undefined>;
  /** Stops receiving, waits for in-flight listeners (at most `graceMs`), leaves the DB open for the caller. */
  stop: (graceMs?: number) => Promise<void>;
  /**
   * Resolves once nothing received is still being handled (work after the ack included, like a Home
   * refresh): for tests and tools that must look at the outcome of everything sent so far.
   */
  settled: () => Promise<void>;
};

const SETTLE_LIMIT_MS = 30_000;

/**
 * The web client listeners use. No automatic retries: a post that timed out may have reached Slack, and
 * retrying it behind the user's back could post twice. A failure becomes a clear error (and a failed
 * /consult stores nothing), so the user can simply try again. Jobs send through src/delivery/deliver.ts,
 * which checks Slack before any re-send.
 */
const webClientOptions = (config: Config): WebClientOptions => ({
  slackApiUrl: config.slack.apiUrl,
  retryConfig: { retries: 0 },
  rejectRateLimitedCalls: true,
  timeout: 8000,
  fetch: slackFetch, // Bolt's respond() uses it too
});

export const buildApp = (deps: AppDeps): BuiltApp => {
  const { config, logger } = deps;
  const { db } = deps.database;
  const ledger: ReplayLedger = {
    firstSighting: (signature, expiresAt) => recordSignature(db, signature, expiresAt),
    sweep: (nowSeconds) => forgetExpiredSignatures(db, nowSeconds),
  };
  // Work a listener or a route goes on with after answering (a booking's DM after its 201) is tracked, so
  // stop() waits for it and tests can wait until the app has settled.
  const inflight = new InflightTracker();
  const bookings = bookingsRoute({
    config,
    db,
    logger,
    clock: deps.clock,
    slack: createJobClient(config),
    firstSighting: ledger.firstSighting,
  });
  const trackedBookings = {
    ...bookings,
    handler: (req: IncomingMessage, res: ServerResponse) => {
      void inflight.track(bookings.handler(req, res));
    },
  };
  const calendar = calendarFeedRoute({ config, db, logger, clock: deps.clock });
  const receiver = createReceiver(config, ledger, logger, [healthzRoute(deps), trackedBookings, calendar]);
  const app = new App({
    token: config.slack.botToken,
    receiver,
    logger: boltLogger(logger),
    clientOptions: webClientOptions(config),
    extendedErrorHandler: true,
    // Bolt's default conversation store keeps state in this process's memory (wrong with two instances)
    // and throws an Error, stack trace and all, for every request with a channel; nothing here uses it.
    convoStore: false,
  });

  app.use(async ({ next }) => {
    await inflight.track(next());
  });
  // One busy-calendar reader (and its 15-minute cache) for every listener of this app.
  registerListeners(app, { ...deps, busy: deps.busy ?? createBusyCalendar() });

  const onError: ExtendedErrorHandler = async ({ error, body }) => {
    logger.error(
      { err: error, type: (body as { type?: string } | undefined)?.type },
      'unhandled listener error',
    );
  };
  app.error(onError);

  return {
    app,
    start: async () => {
      const server = await app.start(config.port);
      // HTTP: Bolt's server (config.port 0 picks a free port). Socket Mode: no port of its own to report.
      return server instanceof Server ? (server.address() as AddressInfo).port : undefined;
    },
    stop: async (graceMs = 10_000) => {
      await app.stop();
      await inflight.drain(graceMs);
    },
    settled: () => inflight.drain(SETTLE_LIMIT_MS),
  };
};

const healthzRoute = (deps: AppDeps) => ({
  path: '/healthz',
  method: ['GET'],
  handler: (_req: IncomingMessage, res: ServerResponse) => {
    pingDatabase(deps.database.db)
      .then(() => sendJson(res, 200, { status: 'ok' }))
      .catch((err: unknown) => {
        deps.logger.warn({ err }, 'healthz: database did not answer');
        sendJson(res, 503, { status: 'unavailable', reason: 'database' });
      });
  },
});

const sendJson = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};
