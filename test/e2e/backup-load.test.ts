/**
 * `supporter-desk backup` while slash commands keep writing: the copy opens, passes integrity_check and
 * holds every row committed before the backup began.
 */
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliInProcess } from '../helpers/cli.js';
import { type Harness, startHarness, testEnv } from '../helpers/harness.js';
import { addPeople } from '../helpers/jobWorld.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ now: '2026-11-25T10:00:00+09:00' });
});
afterAll(async () => {
  await h?.stop();
});

// SQLite's online backup; PostgreSQL deployments use pg_dump.
describe.skipIf(process.env.TEST_DB === 'postgres')('backup under write load', () => {
  it('copies a consistent database holding everything committed before it began', async () => {
    const people = addPeople(h.fake, 6);
    let writing = true;
    let replies = 0;
    const writer = async (user: string) => {
      for (let day = 1; writing && day <= 28; day++) {
        for (const hour of [9, 12, 15, 18, 21]) {
          if (!writing) return;
          const r = await h.slack.ask(user, '/slots', `add 12/${day} ${hour}:00`);
          if (r.text.includes('枠を追加しました')) replies += 1;
        }
      }
    };
    const writers = people.map(writer);
    await h.fake.waitFor(() => replies >= 30, 20_000, 'some committed writes');
    const committed = (await h.database.db.selectFrom('slots').select('id').execute()).map((r) => r.id);
    const target = join(h.dir, 'backup-under-load.sqlite');
    const env = testEnv(h.fake, h.config.databaseUrl.replace(/^sqlite:/, ''));
    const run = await runCliInProcess(['backup', target], env);
    const duringBackup = replies;
    writing = false;
    await Promise.all(writers);
    expect(run.code, run.stderr).toBe(0);
    const copy = new SQLite(target, { readonly: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      const ids = new Set(
        (copy.prepare('select id from slots').all() as Array<{ id: number }>).map((r) => r.id),
      );
      expect(committed.filter((id) => !ids.has(id))).toEqual([]);
      expect(ids.size).toBeGreaterThanOrEqual(committed.length);
    } finally {
      copy.close();
    }
    expect(duringBackup).toBeGreaterThanOrEqual(30);
  });
});
