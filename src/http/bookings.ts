/**
 * `POST /api/bookings`: the booking system's door. A booking that arrives here has the same effect as
 * `/slots book` (the same use case, the booking DM too).
 *
 * Signed like Slack signs its requests (https://api.slack.com/authentication/verifying-requests-from-slack),
 * with our own version tag and headers: `X-Supporter-Desk-Timestamp: <unix seconds>` and
 * `X-Supporter-Desk-Signature: v1=<hex HMAC-SHA256 of "v1:<timestamp>:<raw body>">` under
 * BOOKINGS_WEBHOOK_SECRET; compared in constant time; the timestamp within 5 minutes either way; a
 * signature seen before (by any instance: the seen_requests ledger) refused as a replay.
 *
 * Answers are JSON: 201 `{session_id, slot_id}`; errors `{error, message}` — 400 bad input, 401 bad, stale
 * or replayed signature, 404 while no secret is set, 409 the slot is not open, 413 body over 64 KB. Any
 * error stores nothing (the booking is one transaction, and the signature is recorded only once it is
 * verified).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { JobDeps } from '../deps.js';
import { type ErrorCode, isDomainError } from '../domain/errors.js';
import { parseBookingStart, parsePlan } from '../domain/sessions.js';
import { errorText } from '../i18n/index.js';
import { sendBookingDms } from '../slack/bookingPosting.js';
import { readBody } from '../slack/requestGuard.js';
import { type BookingTarget, bookSession } from '../usecases/sessions.js';

export const BOOKINGS_PATH = '/api/bookings';
export const MAX_BOOKING_BODY_BYTES = 64 * 1024;
const WINDOW_SECONDS = 5 * 60;
const TIMESTAMP_HEADER = 'x-supporter-desk-timestamp';
const SIGNATURE_HEADER = 'x-supporter-desk-signature';

export type BookingsRouteDeps = JobDeps & {
  clock: () => Date;
  /** The replay ledger (seen_requests): true when nobody had recorded the signature before. */
  firstSighting: (signature: string, expiresAt: number) => Promise<boolean>;
  /** Wall-clock seconds (the booking system signs with real time, whatever clock the app runs on). */
  nowSeconds?: () => number;
};

/** The signature the booking system sends for `body` at `timestamp`. */
export const signBooking = (secret: string, timestamp: number, body: string): string =>
  `v1=${createHmac('sha256', secret).update(`v1:${timestamp}:${body}`).digest('hex')}`;

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const sendJson = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
};

const header = (req: IncomingMessage, name: string): string => {
  const v = req.headers[name];
  return typeof v === 'string' ? v : '';
};

const verify = async (deps: BookingsRouteDeps, secret: string, req: IncomingMessage, body: string) => {
  const now = deps.nowSeconds?.() ?? Math.floor(Date.now() / 1000);
  const ts = header(req, TIMESTAMP_HEADER);
  if (!/^\d{1,12}$/.test(ts) || Math.abs(now - Number(ts)) > WINDOW_SECONDS)
    throw new HttpError(401, 'stale_timestamp', `${TIMESTAMP_HEADER} is missing or more than 5 minutes off`);
  const given = Buffer.from(header(req, SIGNATURE_HEADER));
  const expected = Buffer.from(signBooking(secret, Number(ts), body));
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    throw new HttpError(401, 'bad_signature', `${SIGNATURE_HEADER} does not match the body`);
  if (!(await deps.firstSighting(`booking:${expected.toString()}`, Number(ts) + WINDOW_SECONDS)))
    throw new HttpError(401, 'replayed', 'this request was already received; sign each request anew');
};

const badField = (field: string, what: string) => new HttpError(400, 'invalid_field', `"${field}" ${what}`);

const optionalString = (o: Record<string, unknown>, field: string): string => {
  const v = o[field];
  if (v === undefined || v === null) return '';
  if (typeof v !== 'string') throw badField(field, 'must be a string');
  return v;
};

/** The JSON body as a booking request; anything malformed is a 400 naming the field. */
const parseBooking = (deps: BookingsRouteDeps, body: string) => {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new HttpError(400, 'invalid_json', 'the body is not JSON');
  }
  if (!json || typeof json !== 'object' || Array.isArray(json))
    throw new HttpError(400, 'invalid_json', 'the body must be a JSON object');
  const o = json as Record<string, unknown>;
  let target: BookingTarget;
  if (o.slot_id !== undefined && o.slot_id !== null) {
    if (typeof o.slot_id !== 'number' || !Number.isInteger(o.slot_id) || o.slot_id < 1)
      throw badField('slot_id', 'must be a positive integer');
    target = { slotId: o.slot_id };
  } else {
    const supporter = optionalString(o, 'supporter');
    const start = optionalString(o, 'start');
    if (!supporter || !start)
      throw new HttpError(400, 'booking_target_missing', errorText('en', 'booking_target_missing', {}));
    if (!/^[UW][A-Z0-9]{2,}$/.test(supporter)) throw badField('supporter', 'must be a Slack user id (U…)');
    target = { supporter, startUtc: parseBookingStart(start, deps.config.timezone) };
  }
  return {
    target,
    alias: optionalString(o, 'client_alias'),
    plan: parsePlan(optionalString(o, 'plan')),
    topic: optionalString(o, 'topic'),
  };
};

/** How each refusal of the use case reads to the booking system. */
const DOMAIN_STATUS: Partial<Record<ErrorCode, [number, string]>> = {
  slot_status_conflict: [409, 'slot_not_open'],
  slot_not_found: [400, 'slot_not_found'],
  booking_no_slot_at: [400, 'slot_not_found'],
  consult_pii: [400, 'personal_data'],
  input_too_long: [400, 'too_long'],
  plan_invalid: [400, 'plan_invalid'],
};

const handle = async (deps: BookingsRouteDeps, req: IncomingMessage, res: ServerResponse) => {
  const secret = deps.config.bookingsWebhookSecret;
  if (!secret)
    throw new HttpError(
      404,
      'not_found',
      'bookings are not enabled here (BOOKINGS_WEBHOOK_SECRET is not set)',
    );
  const raw = await readBody(req, MAX_BOOKING_BODY_BYTES);
  if (!raw) throw new HttpError(413, 'body_too_large', `the body is over ${MAX_BOOKING_BODY_BYTES} bytes`);
  const body = raw.toString('utf8');
  await verify(deps, secret, req, body);
  const now = deps.clock();
  let booked: Awaited<ReturnType<typeof bookSession>>;
  try {
    booked = await bookSession(deps, { ...parseBooking(deps, body), source: 'webhook' }, now);
  } catch (err) {
    if (!isDomainError(err)) throw err;
    const [status, code] = DOMAIN_STATUS[err.code] ?? [400, err.code];
    throw new HttpError(status, code, errorText('en', err.code, err.params));
  }
  sendJson(res, 201, { session_id: booked.session.id, slot_id: booked.slot.id });
  await sendBookingDms(deps, [booked], now);
};

export const bookingsRoute = (deps: BookingsRouteDeps) => ({
  path: BOOKINGS_PATH,
  method: ['POST'],
  /** Resolves when the booking is answered and its DM sent (app.ts tracks it as work in flight). */
  handler: (req: IncomingMessage, res: ServerResponse): Promise<void> =>
    handle(deps, req, res).catch((err: unknown) => {
      if (err instanceof HttpError) {
        deps.logger.warn({ status: err.status, error: err.code }, 'refused a booking');
        if (!res.headersSent) sendJson(res, err.status, { error: err.code, message: err.message });
        return;
      }
      deps.logger.error({ err }, 'a booking failed');
      if (!res.headersSent)
        sendJson(res, 500, { error: 'internal', message: 'something went wrong; try again' });
    }),
});
