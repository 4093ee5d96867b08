/**
 * The receiver: Bolt's own. Over HTTP it is Bolt's HTTPReceiver — it verifies signatures, parses bodies,
 * answers URL verification and SSL checks, acks, serves the custom routes — with our request rules
 * (./requestGuard.ts) put in front of its request listener. In Socket Mode it is Bolt's
 * SocketModeReceiver (no HTTP signatures there: the connection is opened with the app-level token).
 */
import {
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

export const createReceiver = (
  config: Config,
  ledger: ReplayLedger,
  logger: Logger,
  customRoutes: CustomRoute[],
): Receiver =>
  config.slack.socketMode
    ? new SocketModeReceiver({
        appToken: config.slack.appToken ?? '',
        logger: boltLogger(logger),
        customRoutes,
        installerOptions: { port: config.port },
      })
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
