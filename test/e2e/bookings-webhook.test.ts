/**
 * POST /api/bookings, the booking system's door, against the real app over HTTP: a signed booking by slot
 * id or by supporter + start becomes a session (with the booking DM), and every refusal — bad, stale,
 * future or replayed signature, unknown or booked slot, bad JSON, personal data, oversize body, webhook not
 * configured — answers `{error, message}` and stores nothing.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { USERS } from '../../emulator/workspace.js';
import { signBooking } from '../../src/http/bookings.js';
import { type Harness, startHarness } from '../helpers/harness.js';
import { eventually } from '../helpers/wait.js';

const SECRET = 'booking-secret-0123456789abcdef';
let h: Harness;
let url: string;

beforeAll(async () => {
  h = await startHarness({ now: '2026-11-25T10:00:00+09:00', env: { BOOKINGS_WEBHOOK_SECRET: SECRET } });
  url = `${new URL(h.slack.appUrl).origin}/api/bookings`;
});
afterAll(async () => {
  await h?.stop();
});
beforeEach(async () => {
  await h.settled();
  for (const t of ['sessions', 'slots', 'deliveries'] as const) await h.database.db.deleteFrom(t).execute();
  h.fake.reset();
});

const nowSeconds = () => Math.floor(Date.now() / 1000);

type Sent = { status: number; json: Record<string, unknown> };
const post = async (
  body: string,
  opts: { timestamp?: number; signature?: string; secret?: string; to?: string } = {},
): Promise<Sent> => {
  const timestamp = opts.timestamp ?? nowSeconds();
  const res = await fetch(opts.to ?? url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-supporter-desk-timestamp': String(timestamp),
      'x-supporter-desk-signature': opts.signature ?? signBooking(opts.secret ?? SECRET, timestamp, body),
    },
    body,
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
};

const addSlot = async (user: string, entry: string) => {
  await h.slack.ask(user, '/slots', `add ${entry}`);
  return h.database.db
    .selectFrom('slots')
    .selectAll()
    .where('supporter_id', '=', user)
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
};
const sessions = () => h.database.db.selectFrom('sessions').selectAll().execute();
const statusOf = async (id: number) =>
  (await h.database.db.selectFrom('slots').select('status').where('id', '=', id).executeTakeFirstOrThrow())
    .status;

describe('POST /api/bookings', () => {
  it('books a slot by id: 201 with the ids, the session stored, the supporter told', async () => {
    const slot = await addSlot(USERS.aiko.id, '12/3 19:00 90');
    const res = await post(
      JSON.stringify({ slot_id: slot.id, client_alias: 'Aさん', plan: 'first', topic: '転職の軸 & 強み' }),
    );
    expect(res.status).toBe(201);
    const [s] = await sessions();
    expect(res.json).toEqual({ session_id: s!.id, slot_id: slot.id });
    expect(s).toMatchObject({
      client_alias: 'Aさん',
      plan: 'first',
      topic: '転職の軸 & 強み',
      source: 'webhook',
    });
    expect(await statusOf(slot.id)).toBe('booked');
    const dm = await eventually(() =>
      h.fake.state.dmsTo(USERS.aiko.id).find((m) => m.text.includes('予約が入りました')),
    );
    expect(dm.text).toContain('• 相談内容: 転職の軸 &amp; 強み');
    expect(dm.text).toContain('• 日時: 12/3(木) 19:00–20:30');
  });

  it('books by supporter and start (ISO-8601, any offset); the plan follows the slot length', async () => {
    const slot = await addSlot(USERS.emma.id, '12/4 19:00 45');
    await h.slack.ask(USERS.emma.id, '/supporter', 'lang en'); // what DMs nobody asked for are written in
    const res = await post(
      JSON.stringify({ supporter: USERS.emma.id, start: '2026-12-04T10:00:00Z', client_alias: 'C-san' }),
    );
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ slot_id: slot.id });
    expect((await sessions())[0]).toMatchObject({ plan: 'light', client_alias: 'C-san', topic: '' });
    await eventually(() => h.fake.state.dmsTo(USERS.emma.id).find((m) => m.text.includes('New booking')));
  });

  it('two bookings of one slot at the same moment: one 201, one 409, one session', async () => {
    const slot = await addSlot(USERS.aiko.id, '12/3 19:00 90');
    const results = await Promise.all(
      ['Aさん', 'Bさん', 'Cさん'].map((alias) =>
        post(JSON.stringify({ slot_id: slot.id, client_alias: alias })),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    const [s] = await sessions();
    expect(await sessions()).toHaveLength(1);
    expect(results.find((r) => r.status === 201)!.json).toEqual({ session_id: s!.id, slot_id: slot.id });
  });

  describe('refuses, storing nothing', () => {
    const cases: Array<[string, (slotId: number) => Promise<Sent>, number, string]> = [
      [
        'a bad signature',
        (id) => post(JSON.stringify({ slot_id: id }), { secret: 'another-secret-0123456789' }),
        401,
        'bad_signature',
      ],
      [
        'no signature',
        (id) => post(JSON.stringify({ slot_id: id }), { signature: '' }),
        401,
        'bad_signature',
      ],
      [
        'a stale timestamp',
        (id) => post(JSON.stringify({ slot_id: id }), { timestamp: nowSeconds() - 301 }),
        401,
        'stale_timestamp',
      ],
      [
        'a future timestamp',
        (id) => post(JSON.stringify({ slot_id: id }), { timestamp: nowSeconds() + 301 }),
        401,
        'stale_timestamp',
      ],
      ['an unknown slot', () => post(JSON.stringify({ slot_id: 999999 })), 400, 'slot_not_found'],
      [
        'no slot at that start',
        () => post(JSON.stringify({ supporter: USERS.aiko.id, start: '2026-12-05T19:00:00+09:00' })),
        400,
        'slot_not_found',
      ],
      [
        'neither slot_id nor supporter+start',
        () => post(JSON.stringify({ client_alias: 'Aさん' })),
        400,
        'booking_target_missing',
      ],
      [
        'a start that is no date',
        () => post(JSON.stringify({ supporter: USERS.aiko.id, start: 'tomorrow' })),
        400,
        'booking_start_invalid',
      ],
      ['bad JSON', () => post('{"slot_id": '), 400, 'invalid_json'],
      ['a JSON array', () => post('[1]'), 400, 'invalid_json'],
      [
        'a slot_id that is a string',
        (id) => post(JSON.stringify({ slot_id: String(id) })),
        400,
        'invalid_field',
      ],
      ['an unknown plan', (id) => post(JSON.stringify({ slot_id: id, plan: 'deluxe' })), 400, 'plan_invalid'],
      [
        'a phone number in the topic',
        (id) => post(JSON.stringify({ slot_id: id, topic: '連絡先 090-1234-5678' })),
        400,
        'personal_data',
      ],
      [
        'an e-mail address as the alias',
        (id) => post(JSON.stringify({ slot_id: id, client_alias: 'a@example.com' })),
        400,
        'personal_data',
      ],
      [
        'an alias over 20 characters',
        (id) => post(JSON.stringify({ slot_id: id, client_alias: 'x'.repeat(21) })),
        400,
        'too_long',
      ],
      [
        'a body over 64 KB',
        (id) => post(JSON.stringify({ slot_id: id, topic: 'あ'.repeat(30_000) })),
        413,
        'body_too_large',
      ],
    ];
    it.each(cases)('%s', async (_what, send, status, error) => {
      const slot = await addSlot(USERS.aiko.id, '12/3 19:00 90');
      const res = await send(slot.id);
      expect(res.status).toBe(status);
      expect(res.json).toMatchObject({ error, message: expect.any(String) });
      expect(String(res.json.message)).not.toBe('');
      expect(await sessions()).toEqual([]);
      expect(await statusOf(slot.id)).toBe('open');
      await h.settled();
      expect(h.fake.state.dmsTo(USERS.aiko.id).filter((m) => m.text.includes('予約が入りました'))).toEqual(
        [],
      );
    });

    it('a replay of an accepted request (401), and a slot already booked (409)', async () => {
      const slot = await addSlot(USERS.aiko.id, '12/3 19:00 90');
      const body = JSON.stringify({ slot_id: slot.id, client_alias: 'Aさん' });
      const timestamp = nowSeconds();
      expect((await post(body, { timestamp })).status).toBe(201);
      const replay = await post(body, { timestamp });
      expect(replay).toMatchObject({ status: 401, json: { error: 'replayed' } });
      const again = await post(JSON.stringify({ slot_id: slot.id, client_alias: 'Bさん' }));
      expect(again).toMatchObject({ status: 409, json: { error: 'slot_not_open' } });
      expect((await sessions()).map((s) => s.client_alias)).toEqual(['Aさん']);
      await h.settled();
      expect(
        h.fake.state.dmsTo(USERS.aiko.id).filter((m) => m.text.includes('予約が入りました')),
      ).toHaveLength(1);
    });
  });
});

describe('POST /api/bookings without BOOKINGS_WEBHOOK_SECRET', () => {
  it('answers 404 and stores nothing', async () => {
    const off = await startHarness({ now: '2026-11-25T10:00:00+09:00' });
    try {
      await off.slack.ask(USERS.aiko.id, '/slots', 'add 12/3 19:00');
      const slot = await off.database.db.selectFrom('slots').selectAll().executeTakeFirstOrThrow();
      const res = await post(JSON.stringify({ slot_id: slot.id }), {
        to: `${new URL(off.slack.appUrl).origin}/api/bookings`,
      });
      expect(res).toMatchObject({ status: 404, json: { error: 'not_found' } });
      expect(await off.database.db.selectFrom('sessions').selectAll().execute()).toEqual([]);
    } finally {
      await off.stop();
    }
  });
});
