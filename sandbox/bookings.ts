/**
 * The sandbox's "send a test booking" button: what the booking system would send — a JSON booking of the
 * soonest open slot, signed with BOOKINGS_WEBHOOK_SECRET exactly as POST /api/bookings expects
 * (`X-Supporter-Desk-Timestamp`, `X-Supporter-Desk-Signature: v1=…`, see src/http/bookings.ts) — sent to
 * the real app over HTTP, so a newcomer sees the booking DM, the brief and the rest of the flow.
 */
import { slotsForExport } from '../src/db/repositories/slots.js';
import { BOOKINGS_PATH, signBooking } from '../src/http/bookings.js';
import type { RunningApp } from './app-host.js';

export type TestBookingResult = { status: number; body: Record<string, unknown>; slotId?: number };

const ALIASES = ['Dさん', 'Eさん', 'Fさん', 'Gさん', 'Hさん'];

export const sendTestBooking = async (app: RunningApp, now: Date): Promise<TestBookingResult> => {
  const secret = app.config.bookingsWebhookSecret;
  if (!secret) return { status: 404, body: { error: 'not_configured' } };
  const open = (await slotsForExport(app.database.db)).find(
    (s) => s.status === 'open' && Date.parse(s.start_at) > now.getTime(),
  );
  if (!open)
    return { status: 409, body: { error: 'no_open_slot', message: 'No open slot to book: add one first.' } };
  const body = JSON.stringify({
    slot_id: open.id,
    client_alias: ALIASES[open.id % ALIASES.length],
    topic: '（サンドボックスのテスト予約）面接での自己PRに自信がない',
  });
  // The booking system signs with real time, whatever the sandbox clock says (as the app checks).
  const timestamp = Math.floor(Date.now() / 1000);
  const res = await fetch(`http://127.0.0.1:${app.port}${BOOKINGS_PATH}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-supporter-desk-timestamp': String(timestamp),
      'x-supporter-desk-signature': signBooking(secret, timestamp, body),
    },
    body,
  });
  return {
    status: res.status,
    body: (await res.json().catch(() => ({}))) as Record<string, unknown>,
    slotId: open.id,
  };
};
