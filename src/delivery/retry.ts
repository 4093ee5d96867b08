/**
 * How job sends react to Web API errors: classify each error (rate limited, transient, permanent, fatal
 * for the whole run, or not Slack's at all) and retry an attempt accordingly: wait exactly Retry-After on
 * a 429 (every caller sharing the gate waits too), back off exponentially on transient errors, give up
 * at once on the rest. The SDK's own retries are off (see createJobClient in client.ts).
 */
import { ErrorCode } from '@slack/web-api';
import { setupErrorText } from './setupProblems.js';

export type Sleep = (ms: number) => Promise<void>;

/** The injected sleep (tests may pass their own), or a real timer. */
export const sleeper = (deps: { sleep?: Sleep }): Sleep =>
  deps.sleep ?? ((ms) => new Promise<void>((r) => setTimeout(r, ms)));

export const RETRY_POLICY = {
  transientRetries: 3,
  backoffMs: 500,
  rateLimitWaits: 20,
} as const;

/** Runs `attempt`, waiting out rate limits and retrying transient failures; `beforeRetry` after each wait. */
export const withRetries = async <T>(
  attempt: () => Promise<T>,
  ctx: { gate: RateLimitGate; sleep: Sleep; beforeRetry: () => Promise<void> },
): Promise<T> => {
  let transient = 0;
  let rateLimited = 0;
  for (;;) {
    await ctx.gate.ready();
    try {
      return await attempt();
    } catch (err) {
      const failure = classifySlackError(err);
      if (failure.kind === 'ratelimited' && rateLimited < RETRY_POLICY.rateLimitWaits) {
        rateLimited += 1;
        await ctx.gate.hold(failure.retryAfterMs);
      } else if (
        (failure.kind === 'transient' || failure.kind === 'ratelimited') &&
        transient < RETRY_POLICY.transientRetries
      ) {
        transient += 1;
        await ctx.sleep(RETRY_POLICY.backoffMs * 2 ** (transient - 1));
      } else {
        throw err;
      }
      await ctx.beforeRetry();
    }
  }
};

/** Shared by a run's workers: after a 429 nobody calls Slack until Retry-After has passed. */
export const rateLimitGate = (sleep: Sleep) => {
  let gate: Promise<unknown> = Promise.resolve();
  return {
    ready: async () => {
      for (let current = gate; ; current = gate) {
        await current;
        if (current === gate) return;
      }
    },
    hold: (ms: number) => {
      gate = Promise.all([gate, sleep(ms)]);
      return gate;
    },
  };
};

export type SlackFailure =
  | { kind: 'ratelimited'; retryAfterMs: number; error: string }
  | { kind: 'transient' | 'permanent' | 'fatal' | 'setup' | 'unexpected'; error: string };

const TRANSIENT_ERRORS = new Set([
  'internal_error',
  'fatal_error',
  'service_unavailable',
  'request_timeout',
  'ratelimited',
  // The spec's error enums spell it with an underscore (e.g. chat.postMessage, chat.update in
  // slack_web_openapi_v2.json); HTTP 429s arrive as RateLimitedError above, this is the JSON form.
  'rate_limited',
]);
/**
 * The workspace's setup refuses this one item, not the token: `missing_scope` is per method and per
 * conversation kind (groups:history for a private channel while DMs work), `not_in_channel` per channel.
 * The item is left pending — sent by the first run after someone adds the scope or invites the bot — and
 * reported with the fix; the run goes on with the others. (missing_scope used to stop the whole run, so
 * one private channel silenced every DM.)
 */
const SETUP_ERRORS = new Set(['missing_scope', 'not_in_channel']);
const FATAL_ERRORS = new Set([
  'invalid_auth',
  'not_authed',
  'token_revoked',
  'token_expired',
  'not_allowed_token_type',
  'team_access_not_granted',
]);

/** What a Web API error means for delivery. Unknown Slack errors are permanent: Slack said no. */
export const classifySlackError = (err: unknown): SlackFailure => {
  const code = (err as { code?: unknown } | null)?.code;
  switch (code) {
    case ErrorCode.RateLimitedError: {
      const seconds = Number((err as { retryAfter?: unknown }).retryAfter);
      return {
        kind: 'ratelimited',
        retryAfterMs: (Number.isFinite(seconds) ? seconds : 1) * 1000,
        error: 'ratelimited',
      };
    }
    case ErrorCode.PlatformError: {
      const data = (err as { data?: { error?: unknown; needed?: unknown } }).data;
      const error = String(data?.error ?? 'unknown_error');
      if (TRANSIENT_ERRORS.has(error)) return { kind: 'transient', error };
      if (SETUP_ERRORS.has(error)) return { kind: 'setup', error: setupErrorText(error, data?.needed) };
      return { kind: FATAL_ERRORS.has(error) ? 'fatal' : 'permanent', error };
    }
    case ErrorCode.HTTPError: {
      const status = Number((err as { statusCode?: unknown }).statusCode);
      const kind = status >= 500 || status === 408 ? 'transient' : 'permanent';
      return { kind, error: `http_${status}` };
    }
    case ErrorCode.RequestError:
      return { kind: 'transient', error: `request_error: ${messageOf(err)}` };
    default:
      return { kind: 'unexpected', error: messageOf(err) };
  }
};

export const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

export type RateLimitGate = ReturnType<typeof rateLimitGate>;
