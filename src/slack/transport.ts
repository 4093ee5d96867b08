/**
 * The `fetch` given to Bolt and the Web API client: undici's `request` on a keep-alive pool, returning a
 * standard `Response`.
 *
 * Every command answers on its response_url and most refresh the Home tab, so each one makes one or two
 * HTTPS calls to Slack. Through the global `fetch` (WHATWG streams, Request/Headers objects) those calls
 * were the largest CPU cost and allocation of a command in the slash bench — more than the database.
 * undici's `request` is the same HTTP client underneath without that machinery. Bodies are read in full
 * before the `Response` is handed back, so a caller that never reads one (Bolt's `respond()` returns its
 * response unread) does not keep a connection busy until garbage collection. What the SDKs rely on is
 * kept: a standard `Response` (status, headers, json()), aborts rejecting with the signal's reason (a
 * timeout's TimeoutError), network failures as `TypeError('fetch failed')` with the cause, no redirects
 * followed. Anything else (a Request object, streamed or multipart bodies, as file uploads send) goes to
 * the global `fetch` unchanged.
 */
import { Agent, request } from 'undici';

type Fetch = typeof globalThis.fetch;
type SimpleBody = string | URLSearchParams | Uint8Array;

const isSimpleBody = (body: unknown): body is SimpleBody | null | undefined =>
  body == null || typeof body === 'string' || body instanceof URLSearchParams || body instanceof Uint8Array;

const headerRecord = (headers: RequestInit['headers']): Record<string, string> =>
  headers ? Object.fromEntries(new Headers(headers).entries()) : {};

const responseHeaders = (raw: Record<string, string | string[] | undefined>): [string, string][] =>
  Object.entries(raw).flatMap(([name, value]) =>
    value === undefined
      ? []
      : (Array.isArray(value) ? value : [value]).map((v): [string, string] => [name, v]),
  );

/** Statuses a `Response` may not carry a body with. */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

export const createSlackFetch = (): Fetch => {
  // undici's keep-alive defaults, as the global fetch has them: a longer idle reuse risks posting on a
  // socket the other side has just closed, which fails a non-idempotent POST.
  const dispatcher = new Agent();
  const slackFetch = async (input: Parameters<Fetch>[0], init: RequestInit = {}): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : undefined;
    if (url === undefined || !isSimpleBody(init.body)) return globalThis.fetch(input, init);
    const { body } = init;
    try {
      const res = await request(url, {
        dispatcher,
        method: (init.method ?? 'GET') as 'GET',
        headers: headerRecord(init.headers),
        body: body instanceof URLSearchParams ? body.toString() : (body ?? undefined),
        signal: init.signal ?? undefined,
      });
      const payload = await res.body.arrayBuffer();
      return new Response(NULL_BODY.has(res.statusCode) ? null : payload, {
        status: res.statusCode,
        headers: responseHeaders(res.headers),
      });
    } catch (err) {
      if (init.signal?.aborted) throw init.signal.reason;
      throw new TypeError('fetch failed', { cause: err });
    }
  };
  return slackFetch as Fetch;
};

/** One pool for the process: the app's listeners and the jobs talk to the same host. */
export const slackFetch: Fetch = createSlackFetch();
