/**
 * The web client jobs (and listeners' DMs) send through: the SDK never retries nor waits on its own, the
 * delivery decides (deliver.ts). Built once per process part that sends: main.ts for the scheduler, the
 * CLI for a job run, registerListeners for the app's DMs.
 */
import { LogLevel, WebClient } from '@slack/web-api';
import type { Config } from '../config.js';
import { slackFetch } from '../slack/transport.js';

export const createJobClient = (config: Config): WebClient =>
  new WebClient(config.slack.botToken, {
    slackApiUrl: config.slack.apiUrl,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: 15_000,
    logLevel: LogLevel.ERROR,
    fetch: slackFetch,
  });
