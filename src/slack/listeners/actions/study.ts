/**
 * Study-session RSVP buttons (参加 / 不参加 / 未定); registered from actions/index.ts. The answer is decided
 * in the database under the session's lock, so the same click twice (a double click, a retry) changes
 * nothing the second time; only a change updates the post (chat.update) and tells whoever moved up.
 */

import type { ListenerDeps } from '../../../deps.js';
import { parseStudyId, RSVP_ANSWERS, type RsvpAnswer, type RsvpOutcome } from '../../../domain/study.js';
import { type Messages, messages } from '../../../i18n/index.js';
import type { StudySession } from '../../../usecases/study.js';
import { rsvpStudy } from '../../../usecases/studyRsvp.js';
import { escapeMrkdwn } from '../../blocks/kit.js';
import { STUDY_IDS } from '../../blocks/studyPost.js';
import { refreshHome } from '../../home.js';
import { promotionMessages, refreshStudyPost, sendStudyDms } from '../../studyPosting.js';
import type { ListenerTable } from '../table.js';
import { guardedAction, notifyUser } from './guarded.js';

/** Ephemerally where the button was, else by DM (e.g. a click from the Home tab). */
const replyFor = (m: Messages, session: StudySession, outcome: RsvpOutcome): string => {
  const p = { id: session.id, title: escapeMrkdwn(session.title) };
  if (!outcome.changed) {
    const answer =
      outcome.mine.answer === 'going' && outcome.mine.waitlisted ? 'waitlisted' : outcome.mine.answer;
    return m.study.rsvpSame({ id: session.id, answer: m.study.answer({ answer }) });
  }
  if (outcome.mine.answer === 'going') {
    return outcome.waitRank ? m.study.rsvpWaitlisted({ ...p, rank: outcome.waitRank }) : m.study.rsvpGoing(p);
  }
  return outcome.mine.answer === 'maybe' ? m.study.rsvpMaybe(p) : m.study.rsvpNotGoing(p);
};

export const registerStudyActions = (table: ListenerTable, deps: ListenerDeps): void => {
  // Errors are answered by guardedAction; the answer to a successful click is posted here.
  const handle = (answer: RsvpAnswer) =>
    guardedAction(deps, async (body, client, now) => {
      const userId = body.user.id;
      const locale = await deps.locales.forUser(client, userId, now);
      const id = parseStudyId(body.actions[0]?.value ?? '');
      const { session, outcome } = await rsvpStudy(deps, { userId, id, answer, now });
      await notifyUser(client, body, replyFor(messages(locale), session, outcome)).catch((err: unknown) =>
        deps.logger.warn({ err }, 'could not answer an RSVP click'),
      );
      if (!outcome.changed) return;
      await refreshStudyPost(deps, client, session.id);
      if (outcome.promoted.length) {
        await sendStudyDms(
          deps,
          session,
          outcome.promoted.map((r) => r.userId),
          (d) => promotionMessages(d, outcome.promoted),
          'study-rsvp',
        );
      }
      await refreshHome(deps, client, userId);
    });
  for (const answer of RSVP_ANSWERS) {
    table.action(STUDY_IDS.rsvp[answer], handle(answer));
  }
};
