/**
 * A client's story as the bot spreads it in Slack, built through the app: a session booked with an alias
 * and a topic (the booking DM), a consultation about it (the advice post), the nudge DMs that quote it and
 * the brief before the session. The privacy e2e files (retention, erase, audit) erase it again.
 * Session: Thu 12/3 19:00 JST; the story is told from 11/25 10:00.
 */
import { USERS } from '../../emulator/workspace.js';
import { setExpertise } from '../../src/db/repositories/supporters.js';
import type { Consultation, Session } from '../../src/db/schema.js';
import { runNamedJob } from '../../src/jobs/registry.js';
import type { JobSuite } from './jobSuite.js';

export const STORY_NOW = '2026-11-25T10:00:00+09:00';
export const TOPIC = '転職の軸が定まらない';
export const QUESTION = '営業から人事に移りたい三十代の方への問いかけ';
/** The day after RETENTION_DAYS (180) have passed since the session's start. */
export const AFTER_RETENTION = '2027-06-02T10:00:00+09:00';

export type Story = { session: Session; consultation: Consultation; experts: string[] };

/** Tells the story for `user` (an expert in 人事 from the others gets the nudge). */
export const tellStory = async (s: JobSuite, user: string = USERS.aiko.id): Promise<Story> => {
  const { h } = s;
  const experts = [USERS.ken.id, USERS.emma.id];
  await s.joinAll([user, ...experts]);
  for (const id of experts) await setExpertise(h.database.db, id, ['人事']);
  await h.slack.ask(user, '/slots', 'add 12/3 19:00 90');
  const slot = await h.database.db
    .selectFrom('slots')
    .selectAll()
    .where('supporter_id', '=', user)
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  await h.slack.ask(user, '/slots', `book ${slot.id} Aさん 初回 ${TOPIC}`);
  await h.slack.ask(user, '/consult', `12/3 19:00 ${QUESTION} #HR`);
  await h.settled();
  await runNamedJob(s.deps, 'advice-nudges', { now: new Date('2026-11-25T22:30:00+09:00') });
  await runNamedJob(s.deps, 'session-briefs', { now: new Date('2026-12-02T19:30:00+09:00') });
  const session = await h.database.db
    .selectFrom('sessions')
    .selectAll()
    .where('slot_id', '=', slot.id)
    .executeTakeFirstOrThrow();
  const consultation = await h.database.db
    .selectFrom('consultations')
    .selectAll()
    .where('supporter_id', '=', user)
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  return { session, consultation, experts };
};

/** Every message the bot wrote in the fake Slack, as text + blocks. */
export const botWriting = (s: JobSuite): string[] =>
  s.h.fake.state.messages
    .filter((m) => m.user === 'UBOTDESK')
    .map((m) => `${m.text}\n${JSON.stringify(m.blocks ?? [])}`);

/** Successful chat.update calls per `channel/ts`. */
export const updatesByMessage = (s: JobSuite): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const c of s.h.fake.callsTo('chat.update')) {
    const at = `${String(c.args.channel)}/${String(c.args.ts)}`;
    counts.set(at, (counts.get(at) ?? 0) + 1);
  }
  return counts;
};

/** All client text still in the database: consultations' topic/question, sessions' alias/topic. */
export const clientTextInDatabase = async (s: JobSuite): Promise<string[]> => {
  const db = s.h.database.db;
  const cs = await db.selectFrom('consultations').select(['topic', 'question']).execute();
  const ss = await db.selectFrom('sessions').select(['client_alias', 'topic']).execute();
  return [
    ...cs.flatMap((c) => [c.topic, c.question]),
    ...ss.flatMap((x) => [x.client_alias, x.topic]),
  ].filter((t) => t !== '' && t !== '[purged]');
};
