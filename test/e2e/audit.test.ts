/**
 * The audit log (#20): every export, erasure, backup, operator command and digest post is on record as
 * `{at, actor, action, target, detail}` with no client text; `supporter-desk audit [--since] [--format]`.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { USERS } from '../../emulator/workspace.js';
import { runNamedJob } from '../../src/jobs/registry.js';
import { runCliInProcess } from '../helpers/cli.js';
import { QUESTION, STORY_NOW, TOPIC, tellStory } from '../helpers/clientStory.js';
import { onPostgres } from '../helpers/db.js';
import { OPERATOR, OPERATOR_CHANNEL } from '../helpers/harness.js';
import { jobSuite } from '../helpers/jobSuite.js';

const s = jobSuite(STORY_NOW);
const at = (iso: string) => () => new Date(iso);
const cli = (args: string[], when = '2026-12-04T10:00:00+09:00') => runCliInProcess(args, s.env, at(when));

type Entry = { at: string; actor: string; action: string; target: string; detail: string };
const auditJson = async (...args: string[]): Promise<Entry[]> => {
  const run = await cli(['audit', ...args]);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as Entry[];
};

describe('audit log', () => {
  it('records exports, backups, erasures, operator commands and digest posts, with no client text', async () => {
    const { consultation } = await tellStory(s);
    expect(
      (await cli(['export', 'consultations', '--format', 'csv'], '2026-12-01T09:00:00+09:00')).code,
    ).toBe(0);
    expect((await cli(['export', 'ics', '--user', USERS.aiko.id], '2026-12-01T09:30:00+09:00')).code).toBe(0);
    // SQLite: an online copy, on record. PostgreSQL: refused (use pg_dump), so nothing to record.
    const backupFile = join(s.h.dir, 'audit-backup.sqlite');
    const backup = await cli(['backup', backupFile, '--force'], '2026-12-02T09:00:00+09:00');
    expect(backup.code, backup.stderr).toBe(onPostgres() ? 2 : 0);
    await s.h.slack.ask(OPERATOR, '/supporter', 'quota 6');
    await s.h.slack.ask(OPERATOR, '/supporter', 'digest');
    await s.h.slack.ask(OPERATOR, '/supporter', `erase consultation ${consultation.id}`);
    // A supporter's own commands are not operator commands, and a refused one does nothing to record.
    await s.h.slack.ask(USERS.ken.id, '/supporter', 'status');
    await s.h.slack.ask(USERS.ken.id, '/supporter', 'quota 3');
    await runNamedJob(s.deps, 'operator-digest', { now: new Date('2026-12-03T09:00:00+09:00') });
    expect((await cli(['erase', '--supporter', USERS.aiko.id, '--dry-run'])).code).toBe(0);

    const log = await auditJson();
    const rows = log.map((e) => [e.actor, e.action, e.target]);
    expect(rows).toEqual(
      expect.arrayContaining([
        ['cli', 'export', 'consultations'],
        ['cli', 'export', `ics:${USERS.aiko.id}`],
        [OPERATOR, 'operator_command', 'quota'],
        [OPERATOR, 'digest_post', OPERATOR_CHANNEL],
        [OPERATOR, 'operator_command', 'digest'],
        [OPERATOR, 'erase', `consultation:${consultation.id}`],
        [OPERATOR, 'operator_command', 'erase'],
        ['job:operator-digest', 'digest_post', OPERATOR_CHANNEL],
        ['cli', 'erase', `supporter:${USERS.aiko.id}`],
      ]),
    );
    expect(log.filter((e) => e.action === 'backup').map((e) => e.target)).toEqual(
      onPostgres() ? [] : [backupFile],
    );
    expect(log.filter((e) => e.actor === USERS.ken.id)).toEqual([]);
    const exportRow = log.find((e) => e.action === 'export' && e.target === 'consultations')!;
    expect(JSON.parse(exportRow.detail)).toEqual({ rows: 1, format: 'csv' });
    expect(exportRow.at).toBe('2026-12-01T00:00:00.000Z');
    const erased = log.find((e) => e.target === `consultation:${consultation.id}`)!;
    expect(JSON.parse(erased.detail)).toMatchObject({
      consultations: 1,
      sessions: 0,
      messages: 3,
      dryRun: false,
    });
    const dry = log.find((e) => e.target === `supporter:${USERS.aiko.id}`)!;
    expect(JSON.parse(dry.detail)).toMatchObject({ dryRun: true });
    const all = JSON.stringify(log);
    for (const text of [QUESTION, TOPIC, 'Aさん']) expect(all).not.toContain(text);
    // Oldest first.
    expect([...log.map((e) => e.at)].sort()).toEqual(log.map((e) => e.at));
  });

  it('--since narrows it; --format csv has a BOM and a header', async () => {
    await cli(['export', 'slots'], '2026-12-01T09:00:00+09:00');
    await cli(['export', 'supporters'], '2026-12-05T09:00:00+09:00');
    const since = await auditJson('--since', '2026-12-03T00:00:00+09:00');
    expect(since.map((e) => e.target)).toEqual(['supporters']);
    const csv = await cli(['audit', '--format', 'csv']);
    expect(csv.code, csv.stderr).toBe(0);
    expect(csv.stdout.startsWith('\uFEFFat,actor,action,target,detail\n')).toBe(true);
    const lines = csv.stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(',cli,export,slots,');
    const bad = await cli(['audit', '--since', 'yesterday']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--since "yesterday" is not an ISO date-time');
  });
});
