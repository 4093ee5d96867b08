/**
 * `supporter-desk export ics`: the calendar of one study session and a supporter's own calendar (booked
 * sessions + study sessions they host or hold a seat in), read back line by line as a calendar app would.
 * The data is made through the app (signed commands and clicks); the CLI runs in-process.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USERS } from '../../emulator/workspace.js';
import type { StudySession } from '../../src/db/schema.js';
import { runCliInProcess } from '../helpers/cli.js';
import { type Harness, SUPPORTERS_CHANNEL, startHarness, testEnv } from '../helpers/harness.js';
import { addStudySession, clickRsvp } from '../helpers/study.js';

const STUDY = SUPPORTERS_CHANNEL;
const NOW = new Date('2026-11-25T01:00:00Z');
let h: Harness;
let env: Record<string, string>;

/** Unfolded content lines (RFC 5545 §3.1: a CRLF followed by a space or tab continues the line). */
const parseIcs = (text: string): string[] => {
  const lines: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    if (/^[ \t]/.test(raw) && lines.length) lines[lines.length - 1] += raw.slice(1);
    else if (raw !== '') lines.push(raw);
  }
  return lines;
};

type Vevent = Record<string, string>;
const eventsOf = (lines: string[]): Vevent[] => {
  const events: Vevent[] = [];
  let current: Vevent | undefined;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT') {
      events.push(current!);
      current = undefined;
    } else if (current) {
      const i = line.indexOf(':');
      current[line.slice(0, i).split(';')[0]!] = line.slice(i + 1);
    }
  }
  return events;
};

const cli = (args: string[]) => runCliInProcess(['export', 'ics', ...args], env, () => NOW);

const add = (user: string, text: string) => addStudySession(h, user, text);
const click = (user: string, s: StudySession, answer: 'going' | 'not_going' | 'maybe') =>
  clickRsvp(h, user, s, answer);

let hosted: StudySession;
let joined: StudySession;
let cancelled: StudySession;
let waiting: StudySession;
let maybe: StudySession;
let booked: number;
let consulted: number;

beforeAll(async () => {
  h = await startHarness({ now: '2026-11-25T10:00:00+09:00', env: { STUDY_CHANNEL_ID: STUDY } });
  env = testEnv(h.fake, h.config.databaseUrl.replace(/^sqlite:/, ''), { STUDY_CHANNEL_ID: STUDY });
  hosted = await add(USERS.aiko.id, '12/10 20:00 90 採用市場の最新動向 #採用');
  joined = await add(USERS.ken.id, '12/12 19:00 派遣の最新事情');
  await click(USERS.aiko.id, joined, 'going');
  cancelled = await add(USERS.aiko.id, '12/14 20:00 中止になる勉強会');
  await h.slack.ask(USERS.aiko.id, '/study', `cancel ${cancelled.id}`);
  waiting = await add(USERS.ken.id, '12/16 20:00 少人数の会 定員1');
  await click(USERS.yui.id, waiting, 'going');
  await click(USERS.aiko.id, waiting, 'going');
  maybe = await add(USERS.ken.id, '12/17 20:00 未定の会');
  await click(USERS.aiko.id, maybe, 'maybe');
  // Booked sessions: one booked slot, one made by a consultation (plan 初回); an open slot is not a session.
  await h.slack.ask(USERS.aiko.id, '/slots', 'add 12/3 19:00, 12/4 19:00');
  const slots = await h.database.db
    .selectFrom('slots')
    .selectAll()
    .where('supporter_id', '=', USERS.aiko.id)
    .orderBy('start_at')
    .execute();
  booked = slots[0]!.id;
  await h.slack.ask(USERS.aiko.id, '/slots', `book ${booked}`);
  await h.slack.ask(
    USERS.aiko.id,
    '/consult',
    '12/8 19:00 初回 山田さん（仮名）の転職の軸。強みの棚卸しをどう進める？ #人材紹介',
  );
  consulted = (await h.database.db
    .selectFrom('consultations')
    .select('slot_id')
    .orderBy('id', 'desc')
    .executeTakeFirst())!.slot_id!;
});
afterAll(async () => {
  await h?.stop();
});

describe('export ics --study', () => {
  it('prints one VEVENT with a stable UID, UTC times and the title; nothing else on stdout', async () => {
    const run = await cli(['--study', String(hosted.id)]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout.endsWith('END:VCALENDAR\r\n')).toBe(true);
    const lines = parseIcs(run.stdout);
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.at(-1)).toBe('END:VCALENDAR');
    expect(lines).toContain('VERSION:2.0');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
    const [event] = eventsOf(lines);
    expect(event).toMatchObject({
      UID: `study-${hosted.id}@supporter-desk`,
      DTSTART: '20261210T110000Z',
      DTEND: '20261210T123000Z',
      DTSTAMP: '20261125T010000Z',
      SUMMARY: '勉強会: 採用市場の最新動向',
      STATUS: 'CONFIRMED',
      CATEGORIES: '採用',
    });
    expect(event!.DESCRIPTION).toContain(`ホスト: ${USERS.aiko.id}`);
    // Deterministic for a given now.
    expect((await cli(['--study', String(hosted.id)])).stdout).toBe(run.stdout);
  });

  it('marks a cancelled session CANCELLED', async () => {
    const [event] = eventsOf(parseIcs((await cli(['--study', String(cancelled.id)])).stdout));
    expect(event).toMatchObject({
      UID: `study-${cancelled.id}@supporter-desk`,
      STATUS: 'CANCELLED',
      SUMMARY: '【中止】勉強会: 中止になる勉強会',
    });
  });

  it('writes to --out and says so on stderr only', async () => {
    const file = join(h.dir, 'study.ics');
    const run = await cli(['--study', String(hosted.id), '--out', file]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`1 events written to ${file}`);
    const lines = parseIcs(readFileSync(file, 'utf8'));
    expect(eventsOf(lines).map((e) => e.UID)).toEqual([`study-${hosted.id}@supporter-desk`]);
  });
});

describe('export ics --user', () => {
  it('lists their booked sessions and the study sessions they host or joined, by start', async () => {
    const run = await cli(['--user', USERS.aiko.id]);
    expect(run.code, run.stderr).toBe(0);
    const lines = parseIcs(run.stdout);
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.at(-1)).toBe('END:VCALENDAR');
    const events = eventsOf(lines);
    expect(events.map((e) => [e.UID, e.DTSTART])).toEqual([
      [`session-${booked}@supporter-desk`, '20261203T100000Z'],
      [`session-${consulted}@supporter-desk`, '20261208T100000Z'],
      [`study-${hosted.id}@supporter-desk`, '20261210T110000Z'],
      [`study-${joined.id}@supporter-desk`, '20261212T100000Z'],
      [`study-${cancelled.id}@supporter-desk`, '20261214T110000Z'],
    ]);
    expect(events.map((e) => e.SUMMARY)).toEqual([
      'キャリア相談セッション（継続）',
      'キャリア相談セッション（初回）',
      '勉強会: 採用市場の最新動向',
      '勉強会: 派遣の最新事情',
      '【中止】勉強会: 中止になる勉強会',
    ]);
    // Nothing about the client: not the consultation's text, not its tags.
    expect(run.stdout).not.toContain('山田');
    expect(run.stdout).not.toContain('強み');
    expect(run.stdout).not.toContain('人材紹介');
    // Not listed: the session where they wait for a seat, nor the one they answered 未定.
    expect(run.stdout).not.toContain(`study-${waiting.id}@`);
    expect(run.stdout).not.toContain(`study-${maybe.id}@`);
  });

  it('gives an empty calendar to someone with nothing booked', async () => {
    const run = await cli(['--user', USERS.emma.id]);
    expect(run.code, run.stderr).toBe(0);
    const lines = parseIcs(run.stdout);
    expect([lines[0], lines.at(-1)]).toEqual(['BEGIN:VCALENDAR', 'END:VCALENDAR']);
    expect(eventsOf(lines)).toEqual([]);
  });
});

describe('export ics errors and the other kinds', () => {
  it.each([
    [[], 'exactly one of --user'],
    [['--user', USERS.aiko.id, '--study', '1'], 'exactly one of --user'],
    [['--study', '99999'], 'study session #99999 not found'],
    [['--study', 'abc'], 'is not a study session id'],
    [['--user', 'aiko'], 'is not a Slack user id'],
    [['--study', '1', '--format', 'csv'], 'always writes iCalendar'],
    [['--study', '1', '--month', '2026-12'], '--month is not an option'],
  ])('%j → a one-line error and a non-zero exit', async (args, expected) => {
    const run = await cli(args);
    expect(run.code).not.toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(expected);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('leaves the JSON exports as they were', async () => {
    const run = await runCliInProcess(['export', 'slots', '--month', '2026-12'], env, () => NOW);
    expect(run.code, run.stderr).toBe(0);
    const rows = JSON.parse(run.stdout) as Array<{ id: number; status: string }>;
    expect(rows.map((r) => r.id)).toContain(booked);
    const wrong = await runCliInProcess(['export', 'slots', '--user', USERS.aiko.id], env, () => NOW);
    expect(wrong.code).not.toBe(0);
  });
});
