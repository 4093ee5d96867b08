/** Study sessions made the way people make them: `/study add`, and clicks on the post's RSVP buttons. */
import { expect } from 'vitest';
import type { StudySession } from '../../src/db/schema.js';
import { type Harness, SUPPORTERS_CHANNEL, startHarness } from './harness.js';

/** The channel the study e2e files announce in. */
export const STUDY = SUPPORTERS_CHANNEL;

/** The app as the study e2e files run it: study sessions announced in STUDY, "now" Wed 2026-11-25 10:00 JST. */
export const startStudyHarness = (): Promise<Harness> =>
  startHarness({ now: '2026-11-25T10:00:00+09:00', env: { STUDY_CHANNEL_ID: STUDY } });

/** `/study add <text>` as `user`; the session it stored. */
export const addStudySession = async (h: Harness, user: string, text: string): Promise<StudySession> => {
  await h.slack.ask(user, '/study', `add ${text}`);
  return (await h.database.db
    .selectFrom('study_sessions')
    .selectAll()
    .orderBy('id', 'desc')
    .executeTakeFirst())!;
};

/** Clicks an RSVP button on the session's post and returns the clicker's ephemeral answer. */
export const clickRsvp = async (
  h: Harness,
  user: string,
  s: StudySession,
  answer: 'going' | 'not_going' | 'maybe',
): Promise<string> => {
  const since = h.fake.state.ephemerals.length;
  const res = await h.slack.blockAction(
    user,
    { actionId: `study_rsvp_${answer}`, value: String(s.id), blockId: `study_${s.id}` },
    { channel: s.channel!, messageTs: s.ts! },
  );
  expect(res.status).toBe(200);
  const answered = await h.fake.waitFor(
    () => h.fake.state.ephemerals.slice(since).find((e) => e.user === user),
    5000,
    `the RSVP answer to ${user}`,
  );
  return answered.text;
};
