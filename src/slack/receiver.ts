/**
 * The receiver: Bolt's own. Over HTTP it is Bolt's HTTPReceiver — it verifies signatures, parses bodies,
 * answers URL verification and SSL checks, acks, serves the custom routes — with our request rules
 * (./requestGuard.ts) put in front of its request listener. In Socket Mode it is Bolt's
 * SocketModeReceiver (no HTTP signatures there: the connection is opened with the app-level token), with
 * the custom routes (/healthz) on a small HTTP server of ours on PORT, so start() can report the port
 * it bound and stop() can wait for both to close.
 */
import { createServer, type Server } from 'node:http';
import {
  type App,
  buildReceiverRoutes,
  type CustomRoute,
  HTTPReceiver,
  type HTTPReceiverOptions,
  type Receiver,
  SocketModeReceiver,
} from '@slack/bolt';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { boltLogger } from './boltLogger.js';
import { guardSlackRequests, MAX_BODY_BYTES, type ReplayLedger } from './requestGuard.js';

const SLACK_EVENTS_PATH = '/slack/events';

/** Bolt's HTTPReceiver whose request listener runs our rules first. */
class GuardedHTTPReceiver extends HTTPReceiver {
  constructor(
    options: HTTPReceiverOptions & { signingSecret: string },
    ledger: ReplayLedger,
    logger: Logger,
  ) {
    // The guard runs Bolt's verifySlackRequest on every request to the endpoint before this receiver sees
    // it (and refuses what fails), so the receiver need not compute the same HMAC a second time.
    super({ ...options, signatureVerification: false });
    // HTTPReceiver's server calls this property for every request (start() reads it per request).
    this.requestListener = guardSlackRequests(this.requestListener, {
      signingSecret: options.signingSecret,
      path: SLACK_EVENTS_PATH,
      logger,
      ledger,
    });
  }
}

/**
 * Bolt's SocketModeReceiver, plus our HTTP server for the custom routes. Bolt's own would listen on PORT
 * too, but it neither waits for the port nor says which one it got (PORT=0), and its stop() returns
 * before the WebSocket has closed.
 */
class SocketModeWithRoutes implements Receiver {
  private readonly socket: SocketModeReceiver;
  private readonly server: Server;
  private readonly port: number;

  constructor(config: Config, logger: Logger, customRoutes: CustomRoute[]) {
    this.socket = new SocketModeReceiver({
      appToken: config.slack.appToken ?? '',
      logger: boltLogger(logger),
      // The client calls apps.connections.open with these options: without slackApiUrl it would always
      // go to slack.com, whatever SLACK_API_URL says.
      installerOptions: { clientOptions: { slackApiUrl: config.slack.apiUrl } },
    });
    const routes = buildReceiverRoutes(customRoutes);
    this.server = createServer((req, res) => {
      const { pathname } = new URL(req.url ?? '/', 'http://localhost');
      const method = (req.method ?? 'GET').toUpperCase();
      const handler = routes[pathname]?.[method];
      if (handler) return handler(Object.assign(req, { params: {} }), res);
      // A route with `:name` segments (GET /calendar/:file), matched like Bolt's HTTPReceiver does.
      for (const [path, byMethod] of Object.entries(routes)) {
        const params = matchParams(path, pathname);
        const h = params && byMethod[method];
        if (h) return h(Object.assign(req, { params }), res);
      }
      res.writeHead(404).end();
    });
    this.port = config.port;
  }

  init(app: App): void {
    this.socket.init(app);
  }

  /** Listens on PORT, then opens the Socket Mode link (resolves on Slack's `hello`). */
  async start(): Promise<Server> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.port, () => resolve());
    });
    try {
      await this.socket.start();
    } catch (err) {
      await this.closeServer();
      throw explainStartError(err);
    }
    return this.server;
  }

  async stop(): Promise<void> {
    await this.socket.client.disconnect(); // resolves once the WebSocket has closed
    await this.closeServer();
  }

  private closeServer(): Promise<void> {
    return new Promise((resolve) => {
      if (!this.server.listening) return resolve();
      this.server.closeAllConnections();
      this.server.close(() => resolve());
    });
  }
}

/** Slack's answer to apps.connections.open, said so an operator knows what to fix. */
const explainStartError = (err: unknown): Error => {
  const code = (err as { data?: { error?: unknown } } | undefined)?.data?.error;
  if (typeof code !== 'string') return err instanceof Error ? err : new Error(String(err));
  return new Error(
    `Slack refused to open a Socket Mode connection (${code}): check SLACK_APP_TOKEN — it must be an ` +
      'app-level token (xapp-…) of this app with the connections:write scope (Basic Information → App-Level Tokens)',
  );
};

export const createReceiver = (
  config: Config,
  ledger: ReplayLedger,
  logger: Logger,
  customRoutes: CustomRoute[],
): Receiver =>
  config.slack.socketMode
    ? new SocketModeWithRoutes(config, logger, customRoutes)
    : new GuardedHTTPReceiver(
        {
          signingSecret: config.slack.signingSecret,
          endpoints: SLACK_EVENTS_PATH,
          logger: boltLogger(logger),
          customRoutes,
          bodyLimit: MAX_BODY_BYTES,
          // Slack waits 3 s; answer a little earlier so a stuck listener never shows the user a timeout.
          unhandledRequestTimeoutMillis: 2900,
        },
        ledger,
        logger,
      );

/** `/calendar/:file` against `/calendar/x.ics` → `{ file: 'x.ics' }`; undefined when it does not match. */
const matchParams = (route: string, pathname: string): Record<string, string> | undefined => {
  if (!route.includes('/:')) return undefined;
  const want = route.split('/');
  const got = pathname.split('/');
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (const [i, w] of want.entries()) {
    const g = got[i] ?? '';
    if (w.startsWith(':') && g) {
      try {
        params[w.slice(1)] = decodeURIComponent(g);
      } catch {
        return undefined;
      }
    } else if (w !== g) return undefined;
  }
  return params;
};
