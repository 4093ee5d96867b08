/**
 * The replay guard shared by instances on one PostgreSQL database (src/slack/front/sharedReplay.js), on
 * a real schema: two guards with pools of their own stand for two instances.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePostgresUrl } from '../../src/db/database.js';
import { createSharedReplayGuard, type SharedReplayGuard } from '../../src/slack/front/sharedReplay.js';
import { onPostgres, openTestDb, type TestDb } from '../helpers/db.js';

describe.skipIf(!onPostgres())('the shared replay guard', () => {
  let t: TestDb;
  let clock = 1_800_000_000;
  const guards: SharedReplayGuard[] = [];
  const guard = () => {
    const g = createSharedReplayGuard({
      connectionString: parsePostgresUrl(t.config.databaseUrl).connectionString,
      nowSeconds: () => clock,
    });
    guards.push(g);
    return g;
  };

  beforeAll(async () => {
    t = await openTestDb();
  });
  afterAll(async () => {
    await Promise.all(guards.map((g) => g.close()));
    await t.cleanup();
  });

  it('lets a signature through once, whichever instance sees it first', async () => {
    const [a, b] = [guard(), guard()];
    const seen = await Promise.all([
      a.firstSighting('v0=aaa', clock + 300),
      b.firstSighting('v0=aaa', clock + 300),
    ]);
    expect(seen.sort()).toEqual([false, true]);
    expect(await a.firstSighting('v0=aaa', clock + 300)).toBe(false);
    expect(await b.firstSighting('v0=bbb', clock + 300)).toBe(true);
  });

  it('forgets signatures once their window has passed, and only those', async () => {
    const g = guard();
    await g.firstSighting('v0=old', clock + 10);
    await g.firstSighting('v0=new', clock + 300);
    clock += 60;
    expect(await g.sweep()).toBeGreaterThanOrEqual(1);
    const left = await t.database.db.selectFrom('seen_requests').select('signature').execute();
    expect(left.map((r) => r.signature)).toContain('v0=new');
    expect(left.map((r) => r.signature)).not.toContain('v0=old');
  });

  it('sweeps on its own, at most once a minute, as requests come in', async () => {
    const g = guard();
    await g.firstSighting('v0=stale', clock + 1);
    clock += 61;
    await g.firstSighting('v0=fresh', clock + 300);
    const gone = async () =>
      (
        await t.database.db
          .selectFrom('seen_requests')
          .select('signature')
          .where('signature', '=', 'v0=stale')
          .execute()
      ).length === 0;
    const deadline = Date.now() + 5000;
    while (!(await gone()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(await gone()).toBe(true);
  });
});
