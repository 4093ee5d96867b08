/**
 * The delivery path against a real SQLite file and the fake Slack over HTTP: exactly once per key across
 * reruns, 429s, permanent and transient errors, crashes between send and mark, and two concurrent runs.
 * Assertions are on what Slack saw (the fake's recorded calls) and on the deliveries ledger.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findDelivery } from '../../src/db/repositories/deliveries.js';
import {
  DELIVERY_EVENT_TYPE,
  DeliveryStoppedError,
  deliverAll,
  type Outgoing,
} from '../../src/delivery/deliver.js';
import { addPeople, type JobWorld, postsByKey, startJobWorld } from '../helpers/jobWorld.js';

const NOW = new Date('2026-11-25T10:00:00+09:00');
const opts = { job: 'quota-reminders', now: NOW };

let w: JobWorld;
afterEach(async () => {
  await w.stop();
});

const dms = (people: string[], tag = 'q'): Outgoing[] =>
  people.map((id) => ({ key: `${tag}:${id}:2026-12`, recipient: id, text: `reminder for ${id}` }));

const postsTo = (recipient: string) =>
  w.fake.calls.filter((c) => c.method === 'chat.postMessage' && c.args.channel === recipient);

const expectEachPostedOnce = (messages: Outgoing[]) => {
  const counts = postsByKey(w.fake);
  for (const m of messages) expect(counts.get(m.key), m.key).toBe(1);
  expect(w.fake.callsTo('chat.postMessage')).toHaveLength(messages.length);
};

const insertRow = (
  key: string,
  recipient: string,
  status: 'pending' | 'sending',
  at: string,
  holder: string | null = null,
) =>
  w.database.db
    .insertInto('deliveries')
    .values({
      key,
      job: 'quota-reminders',
      recipient,
      status,
      attempts: 1,
      created_at: at,
      updated_at: at,
      holder,
    })
    .execute();

describe('deliverAll', () => {
  beforeEach(async () => {
    w = await startJobWorld();
  });

  it('delivers every message once, with its key in the metadata; a rerun sends nothing new', async () => {
    const people = addPeople(w.fake, 40);
    const messages = [
      ...dms(people),
      ...[1, 2, 3].map((n) => ({ key: `digest:${n}`, recipient: 'COPS', text: `digest ${n}` })),
    ];
    const progress: number[] = [];
    const first = await deliverAll(w.deps, messages, {
      ...opts,
      onProgress: ({ done, total }) => {
        expect(total).toBe(messages.length);
        progress.push(done);
      },
    });
    expect(first).toMatchObject({ sent: 43, skipped: 0, failed: 0, failures: [] });
    expect(progress.at(-1)).toBe(43);
    expectEachPostedOnce(messages);
    for (const id of people) expect(w.fake.state.dmsTo(id)).toHaveLength(1);
    const digest = w.fake.state.channelMessages('COPS');
    expect(digest.map((m) => m.text)).toEqual(['digest 1', 'digest 2', 'digest 3']);
    expect(digest[0]?.metadata).toEqual({
      event_type: DELIVERY_EVENT_TYPE,
      event_payload: { key: 'digest:1' },
    });
    // One channel's messages are spaced out; different recipients are not.
    expect(w.sleeps.filter((ms) => ms === 1000)).toHaveLength(2);

    const row = await findDelivery(w.database.db, `q:${people[0]}:2026-12`);
    expect(row).toMatchObject({
      status: 'sent',
      channel: `D${people[0]!.slice(1)}`,
      attempts: 1,
      error: null,
    });
    expect(row?.ts).toBe(w.fake.state.dmsTo(people[0]!)[0]?.ts);

    const calls = w.fake.calls.length;
    const second = await deliverAll(w.deps, messages, opts);
    expect(second).toMatchObject({ sent: 0, skipped: 43, failed: 0 });
    expect(w.fake.calls.length).toBe(calls);
  });

  it('fails permanently for recipients Slack refuses and never retries them; a deactivated user is not refused', async () => {
    w.fake.state.addUser({ id: 'UGONE', name: 'gone', realName: 'Gone', locale: 'ja-JP', deleted: true });
    const messages: Outgoing[] = [
      { key: 'p:UAIKO', recipient: 'UAIKO', text: 'hi' },
      { key: 'p:UGONE', recipient: 'UGONE', text: 'hi' },
      { key: 'p:UBOTDESK', recipient: 'UBOTDESK', text: 'hi' },
      { key: 'p:UNOBODY', recipient: 'UNOBODY', text: 'hi' },
      { key: 'p:CARCHIVED', recipient: 'CARCHIVED', text: 'hi' },
    ];
    w.fake.injectFault({
      method: 'chat.postMessage',
      kind: 'error',
      error: 'is_archived',
      when: (_n, args) => args.channel === 'CARCHIVED',
    });
    const first = await deliverAll(w.deps, messages, opts);
    // Slack takes a DM to a deactivated user (ok: true, issue #17): the roster must leave them out, the
    // delivery cannot tell.
    expect(first).toMatchObject({ sent: 2, skipped: 0, failed: 3 });
    expect(Object.fromEntries(first.failures.map((f) => [f.recipient, f.error]))).toEqual({
      UBOTDESK: 'cannot_dm_bot',
      UNOBODY: 'channel_not_found',
      CARCHIVED: 'is_archived',
    });
    expect(await findDelivery(w.database.db, 'p:UGONE')).toMatchObject({ status: 'sent', error: null });
    for (const r of ['UGONE', 'UBOTDESK', 'UNOBODY', 'CARCHIVED']) expect(postsTo(r)).toHaveLength(1);

    const second = await deliverAll(w.deps, messages, opts);
    expect(second).toMatchObject({ sent: 0, skipped: 5, failed: 0 });
    for (const r of ['UGONE', 'UBOTDESK', 'UNOBODY', 'CARCHIVED']) expect(postsTo(r)).toHaveLength(1);
  });

  it('does not post again when the message went out before a crash left the row pending', async () => {
    const key = 'q:UAIKO:2026-12';
    const posted = await w.deps.slack.chat.postMessage({
      channel: 'UAIKO',
      text: 'reminder',
      metadata: { event_type: DELIVERY_EVENT_TYPE, event_payload: { key } },
    });
    await insertRow(key, 'UAIKO', 'pending', NOW.toISOString());
    const before = w.fake.callsTo('chat.postMessage').length;

    const report = await deliverAll(w.deps, [{ key, recipient: 'UAIKO', text: 'reminder' }], opts);
    expect(report).toMatchObject({ sent: 0, skipped: 1, failed: 0 });
    expect(w.fake.callsTo('chat.postMessage')).toHaveLength(before);
    expect(w.fake.state.dmsTo('UAIKO')).toHaveLength(1);
    expect(w.fake.callsTo('conversations.history')[0]?.args).toMatchObject({
      channel: 'DAIKO',
      include_all_metadata: true,
    });
    expect(await findDelivery(w.database.db, key)).toMatchObject({ status: 'sent', ts: posted.ts });
  });

  it('takes over a row a crashed process left sending, and finds its message in a channel', async () => {
    const key = 'digest:2026-11-25';
    await w.deps.slack.chat.postMessage({
      channel: 'COPS',
      text: 'digest',
      metadata: { event_type: DELIVERY_EVENT_TYPE, event_payload: { key } },
    });
    await insertRow(key, 'COPS', 'sending', new Date(NOW.getTime() - 60 * 60_000).toISOString());
    const report = await deliverAll(w.deps, [{ key, recipient: 'COPS', text: 'digest' }], opts);
    expect(report.skipped).toBe(1);
    expect(w.fake.callsTo('chat.postMessage')).toHaveLength(1);
    expect(await findDelivery(w.database.db, key)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('leaves alone a row another live process is sending', async () => {
    await insertRow('q:UKEN', 'UKEN', 'sending', NOW.toISOString());
    const report = await deliverAll(w.deps, [{ key: 'q:UKEN', recipient: 'UKEN', text: 'x' }], opts);
    expect(report).toMatchObject({ sent: 0, skipped: 1 });
    expect(w.fake.calls).toHaveLength(0);
  });

  it("takes over at once the rows a run it took over left sending, and no one else's", async () => {
    // The run `dead:1:aa` crashed seconds ago holding two claims, one already posted; `alive:2:bb` (another
    // occurrence's run) is sending a third. All three claims are well inside the 10-minute lease.
    const posted = 'q:UAIKO:2026-12';
    await w.deps.slack.chat.postMessage({
      channel: 'UAIKO',
      text: 'reminder',
      metadata: { event_type: DELIVERY_EVENT_TYPE, event_payload: { key: posted } },
    });
    const at = NOW.toISOString();
    await insertRow(posted, 'UAIKO', 'sending', at, 'dead:1:aa');
    await insertRow('q:UKEN:2026-12', 'UKEN', 'sending', at, 'dead:1:aa');
    await insertRow('q:UEMMA:2026-12', 'UEMMA', 'sending', at, 'alive:2:bb');
    const messages = dms(['UAIKO', 'UKEN', 'UEMMA']);
    const before = w.fake.callsTo('chat.postMessage').length;

    const report = await deliverAll(w.deps, messages, {
      ...opts,
      run: { holder: 'me:3:cc', exclusive: false, tookOverFrom: 'dead:1:aa' },
    });
    expect(report).toMatchObject({ sent: 1, skipped: 2, failed: 0 });
    expect(w.fake.callsTo('chat.postMessage').length - before).toBe(1);
    expect(w.fake.state.dmsTo('UAIKO')).toHaveLength(1);
    expect(w.fake.state.dmsTo('UKEN')).toHaveLength(1);
    expect(w.fake.state.dmsTo('UEMMA')).toHaveLength(0);
    expect(await findDelivery(w.database.db, posted)).toMatchObject({ status: 'sent', holder: 'me:3:cc' });
    expect(await findDelivery(w.database.db, 'q:UKEN:2026-12')).toMatchObject({
      status: 'sent',
      holder: 'me:3:cc',
    });
    expect(await findDelivery(w.database.db, 'q:UEMMA:2026-12')).toMatchObject({
      status: 'sending',
      holder: 'alive:2:bb',
    });
  });

  it('sends exactly once a pending row whose message never went out', async () => {
    await insertRow('q:UKEN', 'UKEN', 'pending', NOW.toISOString());
    const report = await deliverAll(w.deps, [{ key: 'q:UKEN', recipient: 'UKEN', text: 'x' }], opts);
    expect(report).toMatchObject({ sent: 1, skipped: 0 });
    expect(w.fake.callsTo('conversations.history')).toHaveLength(1);
    expect(postsByKey(w.fake).get('q:UKEN')).toBe(1);
    expect(w.fake.state.dmsTo('UKEN')).toHaveLength(1);
  });

  it('retries transient errors, checking Slack before re-posting; gives up to the next run', async () => {
    w.fake.injectFault({ method: 'chat.postMessage', kind: 'http', status: 503, times: 2 });
    w.fake.injectFault({
      method: 'chat.postMessage',
      kind: 'error',
      error: 'internal_error',
      when: (_n, args) => args.channel === 'UYUI',
    });
    const messages = dms(['UAIKO', 'UKEN', 'UYUI']);
    const first = await deliverAll(w.deps, messages, opts);
    expect(first).toMatchObject({
      sent: 2,
      failed: 1,
      failures: [{ recipient: 'UYUI', error: 'internal_error' }],
    });
    expect(postsTo('UYUI')).toHaveLength(4);
    expect(w.sleeps).toEqual(expect.arrayContaining([500, 1000, 2000]));
    expect(await findDelivery(w.database.db, 'q:UYUI:2026-12')).toMatchObject({
      status: 'pending',
      error: 'internal_error',
    });

    w.fake.clearFaults();
    const second = await deliverAll(w.deps, messages, opts);
    expect(second).toMatchObject({ sent: 1, skipped: 2, failed: 0 });
    expectEachPostedOnce(messages);
  });

  it('stops on an auth error and leaves the rest for the next run', async () => {
    const messages = dms(['UAIKO', 'UKEN', 'UYUI', 'UEMMA']);
    w.fake.injectFault({ method: 'chat.postMessage', kind: 'error', error: 'invalid_auth', times: 1 });
    const error = await deliverAll(w.deps, messages, opts).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeliveryStoppedError);
    expect((error as Error).message).toContain('invalid_auth');
    const rows = await w.database.db.selectFrom('deliveries').select('status').execute();
    expect(rows.every((r) => r.status !== 'failed')).toBe(true);

    const second = await deliverAll(w.deps, messages, opts);
    expect(second.failed).toBe(0);
    expectEachPostedOnce(messages);
  });

  it('plans a dry run without writing or sending, leaving out what was already sent', async () => {
    const messages = dms(['UAIKO', 'UKEN', 'UYUI']);
    const dry = await deliverAll(w.deps, messages, { ...opts, dryRun: true });
    expect(dry.planned).toEqual(messages.map(({ key, recipient, text }) => ({ key, recipient, text })));
    expect(dry).toMatchObject({ sent: 0, skipped: 0, failed: 0 });
    expect(w.fake.calls).toHaveLength(0);
    expect(await w.database.db.selectFrom('deliveries').selectAll().execute()).toEqual([]);

    await deliverAll(w.deps, messages.slice(0, 1), opts);
    const again = await deliverAll(w.deps, messages, { ...opts, dryRun: true });
    expect(again.planned.map((p) => p.recipient)).toEqual(['UKEN', 'UYUI']);
    expect(again.skipped).toBe(1);
  });

  it('posts each key once when two processes deliver the same batch at the same time', async () => {
    const people = addPeople(w.fake, 30);
    const messages = dms(people);
    const other = await w.connect();
    const [a, b] = await Promise.all([
      deliverAll(w.deps, messages, opts),
      deliverAll(other.deps, [...messages].reverse(), opts),
    ]);
    expect(a.sent + b.sent).toBe(30);
    expect(a.sent + a.skipped).toBe(30);
    expect(b.sent + b.skipped).toBe(30);
    expectEachPostedOnce(messages);
  });
});

describe('deliverAll under rate limits', () => {
  beforeEach(async () => {
    w = await startJobWorld({ realSleep: true });
  });

  it('waits Retry-After on a 429 and delivers every message exactly once', async () => {
    const people = addPeople(w.fake, 60);
    const messages = dms(people);
    w.fake.injectFault({
      method: 'chat.postMessage',
      kind: 'ratelimit',
      retryAfterSeconds: 1,
      when: (n) => n % 20 === 0,
    });
    const report = await deliverAll(w.deps, messages, opts);
    expect(report).toMatchObject({ sent: 60, skipped: 0, failed: 0 });
    const limited = w.fake.calls.filter((c) => c.method === 'chat.postMessage' && c.status === 429);
    expect(limited.length).toBeGreaterThanOrEqual(3);
    expect(w.sleeps.filter((ms) => ms === 1000).length).toBe(limited.length);
    expectEachPostedOnce(messages);
  });
});
