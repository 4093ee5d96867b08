/**
 * buildApp: the Bolt app with its receiver (HTTP or Socket Mode), /healthz, the listeners and a graceful
 * stop. Everything it needs comes in through `deps`; it reads no environment and no clock of its own.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, type Receiver, SocketModeReceiver } from '@slack/bolt';
import type { ExtendedErrorHandler } from '@slack/bolt/dist/App.js';
import type { WebClientOptions } from '@slack/web-api';
import { sql } from 'kysely';
import type { Config } from './config.js';
import { parsePostgresUrl } from './db/database.js';
import type { AppDeps } from './deps.js';
import { boltLogger } from './slack/boltLogger.js';
import { type AckFront, startAckFront } from './slack/front/ackFront.js';
import { InflightTracker } from './slack/inflight.js';
import { registerListeners } from './slack/listeners/index.js';
import { guardSlackRequests } from './slack/requestGuard.js';
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

export const SLACK_EVENTS_PATH = '/slack/events';
const SETTLE_LIMIT_MS = 30_000;

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

  // Over HTTP, Bolt's own server listens on loopback behind the HTTP front (src/slack/front), which takes
  // Slack's requests on config.port on a thread of its own and acks commands, clicks and events at once.
  let front: AckFront | undefined;
  return {
    app,
    start: async () => {
      if (!(receiver instanceof HTTPReceiver)) {
        await app.start(config.port);
        return undefined;
      }
      const server = (await app.start({ port: 0, host: '127.0.0.1' })) as Server;
      front = await startAckFront({
        port: config.port,
        path: SLACK_EVENTS_PATH,
        signingSecret: config.slack.signingSecret,
        upstreamPort: (server.address() as AddressInfo).port,
        ...(deps.database.dialect === 'postgres'
          ? { sharedReplay: { connectionString: parsePostgresUrl(config.databaseUrl).connectionString } }
          : {}),
        app,
        logger,
        inflight,
        onFailure: (err) => deps.onFatal?.(err),
      });
      return front.port;
    },
    stop: async (graceMs = 10_000) => {
      await front?.stop();
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
