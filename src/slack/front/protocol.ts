/** The messages between the HTTP front's worker thread and the app's main thread. */
import type { SlackBody } from './payload.js';

export type FrontSettings = {
  /** Where Slack reaches the app (config.port; 0 picks a free one). */
  port: number;
  /** The Slack endpoint path, e.g. /slack/events. */
  path: string;
  signingSecret: string;
  /** The app's own HTTP server on 127.0.0.1, for everything the front does not ack itself. */
  upstreamPort: number;
  /** On PostgreSQL: the database whose `seen_requests` all instances share (./sharedReplay.js). */
  sharedReplay?: { connectionString: string };
};

/** Worker → main. */
export type FrontMessage =
  | { type: 'listening'; port: number }
  | { type: 'payload'; body: SlackBody; retryNum?: number; retryReason?: string }
  | { type: 'rejected'; reason: string }
  | { type: 'proxy-failed'; message: string }
  | { type: 'replay-check-failed'; message: string }
  | { type: 'closed' };

/** Main → worker. */
export type FrontCommand = { type: 'close' };
