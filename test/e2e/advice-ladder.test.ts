/**
 * advice-nudges on the session's clock (issue #18 item 3), against the real app, database and fake Slack:
 * which step of the ladder fires when (a table of posted/session times), each once across reruns, an
 * answer stops it, stage 2 mentions the right people, stage 3 tells the operators without the client's
 * text, and the digest's answer speed and escalations.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USERS } from '../../emulator/workspace.js';
import { ensureSupporter, setExpertise } from '../../src/db/repositories/supporters.js';
import { runNamedJob } from '../../src/jobs/registry.js';
import {
  ADVICE_CHANNEL,
  type Harness,
  OPERATOR,
  OPERATOR_CHANNEL,
  startHarness,
} from '../helpers/harness.js';
import { jobSuite } from '../helpers/jobSuite.js';
import { addPeople, jobDepsFor, postsByKey } from '../helpers/jobWorld.js';
import { eventually } from '../helpers/wait.js';

const s = jobSuite();
const { run, joinAll } = s;
const QUESTION = '強みの言語化の問いかけを教えて';

const setUp = async () => {
  const people = addPeople(s.h.fake, 5);
  const [e1, e2, e3, other, plain] = people as [string, string, string, string, string];
  await joinAll([USERS.aiko.id, USERS.ken.id, ...people]);
  for (const id of [e1, e2, e3]) await setExpertise(s.h.database.db, id, ['人事']);
  await setExpertise(s.h.database.db, other, ['採用']);
  return { experts: [e1, e2, e3], other, plain };
};

/** A consultation by Aiko posted at `postedAt` for a session at `session` (`M/D HH:MM`, Tokyo). */
const consult = async (postedAt: string, session: string) => {
  s.h.setNow(postedAt);
  const reply = await s.h.slack.ask(USERS.aiko.id, '/consult', `${session} ${QUESTION} #人事`);
  const c = await s.h.database.db
    .selectFrom('consultations')
    .selectAll()
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (!c?.ts) throw new Error(`the consultation was not posted: ${reply.text}`);
  return c;
};

/** The stages whose messages the fake received so far, per the delivery keys in their metadata. */
const stagesSent = (id: number): number[] => {
  const stages = new Set<number>();
  for (const key of postsByKey(s.h.fake).keys()) {
    if (!key.startsWith(`nudge:${id}:`)) continue;
    const rest = key.slice(`nudge:${id}:`.length);
    stages.add(rest.startsWith('stage2') ? 2 : rest.startsWith('stage3') ? 3 : 1);
  }
  return [...stages].sort();
};

/** A thread reply by `user`, sent at `at` (its ts; default: the fake's clock). */
const answer = async (threadTs: string, user: string, at?: string) => {
  const ts = at ? `${Date.parse(at) / 1000}.000100` : undefined;
  await s.h.slack.threadReply(user, ADVICE_CHANNEL, threadTs, 'こうしてみては', ts ? { ts } : {});
};

describe('advice-nudges: the ladder', () => {
  // posted (Tokyo), session, then probes: [when the job runs, the stages sent by then].
  const table: Array<{ name: string; posted: string; session: string; probes: Array<[string, number[]]> }> = [
    {
      name: 'a session a week ahead: stage 1 at posted + 12 h, then −6 h and −2 h',
      posted: '2026-11-25T10:00:00+09:00',
      session: '12/3 19:00',
      probes: [
        ['2026-11-25T21:59:00+09:00', []],
        ['2026-11-25T22:00:00+09:00', [1]],
        ['2026-12-03T12:59:00+09:00', [1]],
        ['2026-12-03T13:00:00+09:00', [1, 2]],
        ['2026-12-03T16:59:00+09:00', [1, 2]],
        ['2026-12-03T17:00:00+09:00', [1, 2, 3]],
      ],
    },
    {
      name: 'a session the next morning: stage 1 halfway (before posted + 12 h)',
      posted: '2026-11-25T10:00:00+09:00',
      session: '11/26 09:00',
      probes: [
        ['2026-11-25T21:29:00+09:00', []],
        ['2026-11-25T21:30:00+09:00', [1]],
        ['2026-11-26T03:00:00+09:00', [1, 2]],
        ['2026-11-26T07:00:00+09:00', [1, 2, 3]],
      ],
    },
    {
      name: 'a session 10 h ahead: halfway is after −6 h, so stages 1 and 2 fire together',
      posted: '2026-11-25T10:00:00+09:00',
      session: '11/25 20:00',
      probes: [
        ['2026-11-25T14:59:00+09:00', []],
        ['2026-11-25T15:00:00+09:00', [1, 2]],
        ['2026-11-25T17:59:00+09:00', [1, 2]],
        ['2026-11-25T18:00:00+09:00', [1, 2, 3]],
      ],
    },
    {
      name: 'a session 2 h ahead: nothing within the first hour, then all three at once',
      posted: '2026-11-25T10:00:00+09:00',
      session: '11/25 12:00',
      probes: [
        ['2026-11-25T10:30:00+09:00', []],
        ['2026-11-25T10:59:00+09:00', []],
        ['2026-11-25T11:00:00+09:00', [1, 2, 3]],
        ['2026-11-25T12:00:00+09:00', [1, 2, 3]],
      ],
    },
  ];

  for (const row of table) {
    it(row.name, async () => {
      await setUp();
      const c = await consult(row.posted, row.session);
      s.h.fake.clearCalls();
      for (const [at, stages] of row.probes) {
        await run('advice-nudges', at);
        expect({ at, stages: stagesSent(c.id) }).toEqual({ at, stages });
      }
      // Each key went out exactly once, however often the job ran.
      for (const [key, n] of postsByKey(s.h.fake)) expect({ key, n }).toEqual({ key, n: 1 });
    });
  }

  it('sends each stage once across reruns and stops once another supporter answers', async () => {
    const { experts } = await setUp();
    const c = await consult('2026-11-25T10:00:00+09:00', '12/3 19:00');
    s.h.fake.clearCalls();
    expect((await run('advice-nudges', '2026-11-25T22:00:00+09:00')).sent).toBe(3);
    expect((await run('advice-nudges', '2026-11-25T22:30:00+09:00')).sent).toBe(0);
    expect([...postsByKey(s.h.fake).keys()].sort()).toEqual(experts.map((e) => `nudge:${c.id}:${e}`).sort());
    // The asker's own reply is not an answer: the ladder goes on…
    await answer(c.ts!, USERS.aiko.id);
    await s.h.settled();
    expect((await run('advice-nudges', '2026-12-03T13:00:00+09:00')).sent).toBe(1);
    expect(stagesSent(c.id)).toEqual([1, 2]);
    // …another supporter's answer stops it: no operators' notice at −2 h.
    await answer(c.ts!, USERS.ken.id);
    await eventually(
      async () => (await s.h.database.db.selectFrom('thread_replies').selectAll().execute()).length > 0,
      5000,
      'the answer to be recorded',
    );
    expect((await run('advice-nudges', '2026-12-03T17:00:00+09:00')).sent).toBe(0);
    expect(stagesSent(c.id)).toEqual([1, 2]);
  });

  it('stage 2 bumps the thread mentioning other supporters: other expertise first, never the asker or the nudged', async () => {
    const { experts, other, plain } = await setUp();
    const c = await consult('2026-11-25T10:00:00+09:00', '12/3 19:00');
    await run('advice-nudges', '2026-11-25T22:00:00+09:00');
    s.h.fake.clearCalls();
    await run('advice-nudges', '2026-12-03T13:00:00+09:00');
    const [bump] = s.h.fake.callsTo('chat.postMessage');
    expect(bump!.args).toMatchObject({ channel: ADVICE_CHANNEL, thread_ts: c.ts });
    const text = String(bump!.args.text);
    expect(text).toContain('まだ回答がありません');
    const mentioned = [...text.matchAll(/<@([A-Z0-9]+)>/g)].map((m) => m[1]);
    expect(mentioned[0]).toBe(other);
    expect(mentioned).toContain(plain);
    expect(mentioned).toContain(USERS.ken.id);
    expect(mentioned.length).toBeLessThanOrEqual(5);
    expect(mentioned).not.toContain(USERS.aiko.id);
    for (const e of experts) expect(mentioned).not.toContain(e);
  });

  it('stage 3 tells the operators with a link and never the client text', async () => {
    await setUp();
    const c = await consult('2026-11-25T10:00:00+09:00', '12/3 19:00');
    await run('advice-nudges', '2026-12-03T13:00:00+09:00');
    s.h.fake.clearCalls();
    await run('advice-nudges', '2026-12-03T17:00:00+09:00');
    const posts = s.h.fake.callsTo('chat.postMessage');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.args.channel).toBe(OPERATOR_CHANNEL);
    const notice = JSON.stringify(posts[0]!.args);
    expect(notice).toContain(`#${c.id}`);
    expect(notice).toContain('https://supporters.slack.test/archives/CADVICE/p');
    expect(notice).not.toContain(QUESTION);
    expect(notice).not.toContain('人事');
  });

  it('the digest shows the median time to a first answer and the escalated consultations', async () => {
    await setUp();
    const fast = await consult('2026-11-25T10:00:00+09:00', '12/3 19:00');
    const slow = await consult('2026-11-25T10:30:00+09:00', '11/25 13:00');
    await answer(fast.ts!, USERS.ken.id, '2026-11-25T12:00:00+09:00');
    await eventually(
      async () => (await s.h.database.db.selectFrom('thread_replies').selectAll().execute()).length > 0,
      5000,
      'the answer to be recorded',
    );
    // The slow one's session is 2.5 h after posting: all three stages at once, halfway (11:45).
    await run('advice-nudges', '2026-11-25T11:45:00+09:00');
    expect(stagesSent(slow.id)).toEqual([1, 2, 3]);
    s.h.fake.clearCalls();
    await run('operator-digest', '2026-11-26T09:00:00+09:00');
    const digest = s.h.fake.callsTo('chat.postMessage').find((p) => p.args.channel === OPERATOR_CHANNEL);
    const body = JSON.stringify(digest!.args.blocks);
    expect(body).toContain('最初の回答まで中央値 2時間');
    expect(body).toContain('運営に知らせた相談（直近30日・1件）');
    expect(body).toContain(`#${slow.id}`);
    expect(body).not.toContain(QUESTION);
  });
});

describe('advice-nudges: stage 3 without an operator channel', () => {
  let h2: Harness;
  beforeAll(async () => {
    h2 = await startHarness({ now: '2026-11-25T10:00:00+09:00', env: { OPERATOR_CHANNEL_ID: '' } });
  });
  afterAll(async () => {
    await h2?.stop();
  });

  it('DMs each of the operators instead, with a link and no client text', async () => {
    await ensureSupporter(h2.database.db, USERS.aiko.id, 'command', '2026-11-01T00:00:00.000Z');
    await h2.slack.ask(USERS.aiko.id, '/consult', `11/25 18:00 ${QUESTION} #人事`);
    const c = await h2.database.db.selectFrom('consultations').selectAll().executeTakeFirstOrThrow();
    const deps = jobDepsFor(h2);
    await runNamedJob(deps, 'advice-nudges', { now: new Date('2026-11-25T16:00:00+09:00') });
    const dms = h2.fake.state.dmsTo(OPERATOR);
    expect(dms).toHaveLength(1);
    expect(dms[0]!.text).toContain(`#${c.id}`);
    expect(dms[0]!.text).toContain('https://supporters.slack.test/archives/CADVICE/p');
    expect(dms[0]!.text).not.toContain(QUESTION);
    expect(h2.fake.callsTo('chat.postMessage').some((p) => p.args.channel === OPERATOR_CHANNEL)).toBe(false);
    await runNamedJob(deps, 'advice-nudges', { now: new Date('2026-11-25T17:00:00+09:00') });
    expect(h2.fake.state.dmsTo(OPERATOR)).toHaveLength(1);
  });
});
