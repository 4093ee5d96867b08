/**
 * How SlackToApp's signed requests reach the app: over HTTP with fetch (Slack's request URLs), or as the
 * Socket Mode envelopes Slack would send over the app's WebSocket instead.
 */
import type { EnvelopeType, SocketModeServer } from './socketMode.js';

/** How a request reaches the app: fetch, unless a test sends it another way (another thread, say). */
export type Send = (
  url: string,
  init: { method: 'POST'; headers: Record<string, string>; body: string },
) => Promise<{ status: number; text: string }>;

export const sendWithFetch: Send = async (url, init) => {
  const res = await fetch(url, init);
  return { status: res.status, text: await res.text() };
};

/**
 * A Send that delivers over Socket Mode instead of HTTP: the request SlackToApp built becomes the envelope
 * Slack would send (https://api.slack.com/apis/socket-mode, "Receiving events"): a slash command's form
 * fields as `slash_commands`, an Events API callback as `events_api` (X-Slack-Retry-* become
 * retry_attempt / retry_reason), an interactive `payload` as `interactive`. The ack's payload comes back as
 * the HTTP body would (200, JSON, or empty for a bare ack), so the rest of SlackToApp works unchanged.
 * No signature travels: the link itself was opened with the app-level token. An envelope nobody acked in
 * time answers 504 and one sent while no link is open 503 (docs silent on a status: Slack shows the user a
 * timeout, and retries events).
 */
export const viaSocketMode =
  (socket: SocketModeServer): Send =>
  async (_url, init) => {
    const { type, payload, acceptsResponsePayload } = toEnvelope(
      init.headers['content-type'] ?? '',
      init.body,
    );
    const retryNum = init.headers['x-slack-retry-num'];
    const result = await socket.deliver(type, payload, {
      acceptsResponsePayload,
      ...(retryNum !== undefined
        ? { retryAttempt: Number(retryNum), retryReason: init.headers['x-slack-retry-reason'] ?? '' }
        : {}),
    });
    if (!result.acked) return { status: result.reason === 'timeout' ? 504 : 503, text: '' };
    return { status: 200, text: Object.keys(result.payload).length ? JSON.stringify(result.payload) : '' };
  };

/** Interactivity that may answer in its ack (the guide: accepts_response_payload). */
const ANSWERING_INTERACTIONS = new Set(['view_submission', 'block_suggestion']);

const toEnvelope = (
  contentType: string,
  body: string,
): { type: EnvelopeType; payload: Record<string, unknown>; acceptsResponsePayload: boolean } => {
  if (contentType.includes('application/json')) {
    return {
      type: 'events_api',
      payload: JSON.parse(body) as Record<string, unknown>,
      acceptsResponsePayload: false,
    };
  }
  const form = new URLSearchParams(body);
  const interactive = form.get('payload');
  if (interactive !== null) {
    const payload = JSON.parse(interactive) as Record<string, unknown>;
    return {
      type: 'interactive',
      payload,
      acceptsResponsePayload: ANSWERING_INTERACTIONS.has(String(payload.type)),
    };
  }
  return { type: 'slash_commands', payload: Object.fromEntries(form), acceptsResponsePayload: true };
};
