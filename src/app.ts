/**
 * buildApp: the Bolt app with its receiver (HTTP or Socket Mode), /healthz, the listeners and a graceful
 * stop. Everything it needs comes in through `deps`; it reads no environment and no clock of its own.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { App, HTTPReceiver, type Receiver, SocketModeReceiver } from '@slack/bolt';
import type { ExtendedErrorHandler } from '@slack/bolt/dist/App.js';
import type { WebClientOptions } from '@slack/web-api';
import { sql } from 'kysely';
import type { Config } from './config.js';
import type { DatabaseHandle } from './db/database.js';
import type { Logger } from './logger.js';
import { boltLogger } from './slack/boltLogger.js';
import { InflightTracker } from './slack/inflight.js';
import { registerListeners } from './slack/listeners/index.js';
import { guardSlackRequests } from './slack/requestGuard.js';
import { slackFetch } from './slack/transport.js';

export type AppDeps = {
  config: Config;
  database: DatabaseHandle;
  logger: Logger;
  /** The one clock of the app; tests and the sandbox pass their own. */
  clock: () => Date;
};

export type BuiltApp = {
  app: App;
  /** Starts listening (HTTP on config.port, or the Socket Mode connection). Resolves to the bound port. */
  start: () => Promise<number | undefined>;
  /** Stops receiving, waits for in-flight listeners (at most `graceMs`), leaves the DB open for the caller. */
  stop: (graceMs?: number) => Promise<void>;
};

export const SLACK_EVENTS_PATH = '/slack/events';

/**
 * The web client listeners use. No automatic retries: a post that timed out may have reached Slack, and
 * retrying it behind the user's back could post twice. A failure becomes a clear error (and a failed
 * /consult stores nothing), so the user can simply try again. Jobs send through src/slack/delivery.ts,
 * which checks Slack before any re-send.
 */
export const webClientOptions = (config: Config): WebClientOptions => ({
  slackApiUrl: config.slack.apiUrl,
  retryConfig: { retries: 0 },
  rejectRateLimitedCalls: true,
  timeout: 8000,
  fetch: slackFetch, // Bolt's respond() uses it too
});

export const buildApp = (deps: AppDeps): BuiltApp => {
  const { config, logger } = deps;
  const healthz = healthzRoute(deps);
  const receiver: Receiver = config.slack.socketMode
    ? new SocketModeReceiver({
        appToken: config.slack.appToken ?? '',
        logger: boltLogger(logger),
        customRoutes: [healthz],
        installerOptions: { port: config.port },
      })
    : new HTTPReceiver({
        signingSecret: config.slack.signingSecret,
        endpoints: SLACK_EVENTS_PATH,
        logger: boltLogger(logger),
        customRoutes: [healthz],
        // Slack waits 3 s; answer a little earlier so a stuck listener never shows the user a timeout.
        unhandledRequestTimeoutMillis: 2900,
      });

  if (receiver instanceof HTTPReceiver) {
    receiver.requestListener = guardSlackRequests(receiver.requestListener, {
      signingSecret: config.slack.signingSecret,
      path: SLACK_EVENTS_PATH,
      logger,
    });
  }

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

  const inflight = new InflightTracker();
  app.use(async ({ next }) => {
    await inflight.track(next());
  });
  registerListeners(app, deps);

  const onError: ExtendedErrorHandler = async ({ error, body }) => {
    logger.error(
      { err: error, type: (body as { type?: string } | undefined)?.type },
      'unhandled listener error',
    );
  };
  app.error(onError);

  let server: { address(): unknown } | undefined;
  return {
    app,
    start: async () => {
      const started = (await app.start(config.port)) as unknown;
      server =
        started && typeof started === 'object' && 'address' in started
          ? (started as typeof server)
          : undefined;
      const address = server?.address();
      return address && typeof address === 'object' && 'port' in address ? Number(address.port) : undefined;
    },
    stop: async (graceMs = 10_000) => {
      await app.stop();
      await inflight.drain(graceMs);
    },
  };
};

const healthzRoute = (deps: AppDeps) => ({
  path: '/healthz',
  method: ['GET'],
  handler: (_req: IncomingMessage, res: ServerResponse) => {
    sql`select 1 as ok`
      .execute(deps.database.db)
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
