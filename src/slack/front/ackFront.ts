/**
 * The main thread's side of the HTTP front (./worker.js): starts the worker in front of the app's own
 * HTTP server, runs the payloads it acked through Bolt, and stops it before the app stops.
 *
 * A payload the front acked gets an `ack` that does nothing — the answer has gone. Listeners for those
 * payloads ack with no content and answer on response_url / chat.postEphemeral (see payload.js).
 */
import { Worker } from 'node:worker_threads';
import type { App } from '@slack/bolt';
import type { Logger } from '../../logger.js';
import type { InflightTracker } from '../inflight.js';
import { REJECTED } from '../requestGuard.js';
import type { FrontCommand, FrontMessage, FrontSettings } from './protocol.js';

export type AckFront = {
  port: number;
  /** Stops taking requests. The payloads it acked are tracked in `inflight`: drain that to wait for them. */
  stop: () => Promise<void>;
};

export type AckFrontOptions = FrontSettings & {
  app: App;
  logger: Logger;
  /** The app's tracker: each acked payload counts from the moment it arrives until Bolt is done with it. */
  inflight: InflightTracker;
  /** The front stopped on its own (it never should): the app can no longer hear Slack. */
  onFailure: (err: Error) => void;
};

export const startAckFront = (opts: AckFrontOptions): Promise<AckFront> => {
  const { app, logger, inflight, onFailure, ...settings } = opts;
  // No inherited execArgv: the front is plain JavaScript and needs no loader (e.g. tsx's) of its own.
  const worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: settings, execArgv: [] });
  let closing = false;
  let started = false;
  // Resolves once the worker has closed its server (it says so) or is gone.
  let closed: () => void = () => {};
  const stopped = new Promise<void>((resolve) => {
    closed = resolve;
  });

  const handle = (message: Extract<FrontMessage, { type: 'payload' }>) => {
    const { body, retryNum, retryReason } = message;
    const run = app
      .processEvent({
        body,
        ...(retryNum === undefined ? {} : { retryNum }),
        ...(retryReason === undefined ? {} : { retryReason }),
        ack: async (response?: unknown) => {
          if (response === undefined || response === '') return;
          logger.error({ type: body.type }, 'an ack with content for a payload the front acked: dropped');
        },
      })
      .catch((err: unknown) => logger.error({ err, type: body.type }, 'unhandled listener error'));
    void inflight.track(run);
  };

  return new Promise((resolve, reject) => {
    worker.on('message', (message: FrontMessage) => {
      switch (message.type) {
        case 'payload':
          return handle(message);
        case 'rejected':
          return logger.warn({ reason: message.reason }, REJECTED);
        case 'proxy-failed':
          return logger.error({ reason: message.message }, 'the HTTP front could not reach the app');
        case 'replay-check-failed':
          return logger.error(
            { reason: message.message },
            "the shared replay check failed: the request went on, checked against this instance's memory only",
          );
        case 'closed':
          return closed();
        case 'listening':
          started = true;
          return resolve({ port: message.port, stop });
      }
    });
    const failed = (err: Error) => {
      if (closing) return;
      closing = true;
      if (!started) return reject(err);
      logger.fatal({ err }, 'the HTTP front stopped: Slack can no longer reach the app');
      onFailure(err);
    };
    worker.on('error', failed);
    worker.once('exit', (code) => {
      closed();
      failed(new Error(`the HTTP front exited (code ${code})`));
    });
  });

  async function stop(): Promise<void> {
    closing = true;
    worker.postMessage({ type: 'close' } satisfies FrontCommand);
    await stopped;
    await worker.terminate();
  }
};
