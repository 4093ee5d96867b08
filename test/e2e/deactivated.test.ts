/**
 * Deactivated Slack accounts (users.info `deleted: true`, https://api.slack.com/types/user). Slack still
 * answers ok to a DM for them and conversations.open says user_disabled; the app must leave them out:
 * the roster sync before quota-reminders drops them, and a `user_change` event drops them at once.
 */
import { describe, expect, it } from 'vitest';
import { USERS } from '../../emulator/workspace.js';
import { getSupporter } from '../../src/db/repositories/supporters.js';
import { jobSuite } from '../helpers/jobSuite.js';
import { eventually } from '../helpers/wait.js';

const s = jobSuite();
const NOW = '2026-11-30T10:00:00+09:00';
const GONE = { id: 'UGONE', name: 'gone', realName: '退職 済', locale: 'ja-JP' };

describe('deactivated users', () => {
  it('the emulator answers as Slack does: deleted in users.info, user_disabled to open, ok to a DM', async () => {
    s.h.fake.state.addUser({ ...GONE, deleted: true });
    const dm = s.h.fake.state.imWith(GONE.id).id;
    const client = s.h.built.app.client;
    const token = s.h.fake.botToken;
    expect((await client.users.info({ token, user: GONE.id })).user).toMatchObject({ deleted: true });
    await expect(client.conversations.open({ token, users: GONE.id })).rejects.toMatchObject({
      data: { error: 'user_disabled' },
    });
    expect(await client.chat.postMessage({ token, channel: dm, text: 'hello?' })).toMatchObject({ ok: true });
  });

  it('leave the roster at the roster sync and get no reminder; the others still do', async () => {
    s.h.fake.state.addUser({ ...GONE, deleted: true });
    await s.joinAll([USERS.aiko.id, USERS.ken.id, GONE.id]);
    const report = await s.run('quota-reminders', NOW);
    expect(report).toMatchObject({ sent: 2, failed: 0 });
    const counts = s.dmCounts();
    expect(counts.get(USERS.aiko.id)).toBe(1);
    expect(counts.get(USERS.ken.id)).toBe(1);
    expect(counts.has(GONE.id)).toBe(false);
    expect(s.h.fake.state.dmsTo(GONE.id)).toHaveLength(0);
    expect((await getSupporter(s.h.database.db, GONE.id))?.left_at).toBeTruthy();
    expect((await getSupporter(s.h.database.db, USERS.aiko.id))?.left_at).toBeNull();
  });

  it('are still found when users.info answers 429 first: the sync waits Retry-After, not "unknown"', async () => {
    s.h.fake.state.addUser({ ...GONE, deleted: true });
    await s.joinAll([USERS.aiko.id, GONE.id]);
    s.h.fake.injectFault({
      method: 'users.info',
      kind: 'ratelimit',
      retryAfterSeconds: 1,
      when: (_n, args) => args.user === GONE.id,
      times: 1,
    });
    const report = await s.run('quota-reminders', NOW);
    expect(report).toMatchObject({ sent: 1, failed: 0 });
    expect(s.h.fake.state.dmsTo(GONE.id)).toHaveLength(0);
    expect((await getSupporter(s.h.database.db, GONE.id))?.left_at).toBeTruthy();
    const asked = s.h.fake.calls.filter((c) => c.method === 'users.info' && c.args.user === GONE.id);
    expect(asked.length).toBeGreaterThanOrEqual(2);
  });

  it('leave the roster at once on a user_change event with deleted: true', async () => {
    s.h.fake.state.addUser({ ...GONE });
    await s.joinAll([GONE.id]);
    await s.h.slack.event({
      type: 'user_change',
      user: { id: GONE.id, team_id: 'T0SUPPORT', name: GONE.name, deleted: false, profile: {} },
    });
    await s.h.settled();
    expect((await getSupporter(s.h.database.db, GONE.id))?.left_at).toBeNull();
    s.h.fake.state.users.get(GONE.id)!.deleted = true;
    await s.h.slack.event({
      type: 'user_change',
      user: { id: GONE.id, team_id: 'T0SUPPORT', name: GONE.name, deleted: true, profile: {} },
    });
    await eventually(
      async () => !!(await getSupporter(s.h.database.db, GONE.id))?.left_at,
      5000,
      'the deactivated user to leave',
    );
  });
});
