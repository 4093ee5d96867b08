/**
 * advice-nudges: a consultation nobody else has answered within ADVICE_NUDGE_HOURS of posting, or within
 * 24 h of its session, gets one nudge: DMs to up to 3 supporters whose expertise matches its tags (never
 * the asker, not away that month, fewest recent nudges first so the load spreads), or a bump in its
 * thread when nobody matches. The chosen people are recorded before anything is sent, so a crashed run
 * resumes with the same people; the consultation counts as nudged once nothing is left to retry.
 */
import { DateTime } from 'luxon';
import { unansweredConsultations } from '../db/repositories/consultations.js';
import type { Consultation } from '../db/schema.js';
import { deliverAll, deliveryOptions, type Outgoing } from '../delivery/deliver.js';
import type { JobDeps } from '../deps.js';
import { formatSlotWhen, monthOf, toUtcIso } from '../domain/calendar.js';
import { tagKey } from '../domain/tags.js';
import { type Locale, messages } from '../i18n/index.js';
import { truncate } from '../slack/blocks/kit.js';
import { type LocaleOf, localesFor } from '../usecases/locales.js';
import type { Job } from './types.js';

export const MAX_NUDGED = 3;
export const BUMP = '#bump';
const LOAD_WINDOW_DAYS = 30;

export const adviceNudges: Job = async (deps, opts) => {
  const candidates = await dueConsultations(deps, opts.now);
  const localeOf = await localesFor(deps);
  const outgoing: Outgoing[] = [];
  for (const c of candidates) {
    const recipients = await recipientsFor(deps, c, opts.now, !opts.dryRun);
    outgoing.push(...(await messagesFor(deps, c, recipients, localeOf, opts.now)));
  }
  const report = await deliverAll(deps, outgoing, deliveryOptions('advice-nudges', opts));
  if (!opts.dryRun) await markNudged(deps, candidates, opts.now);
  return { job: 'advice-nudges', ...report };
};

const dueConsultations = (deps: JobDeps, now: Date) => {
  const nowIso = toUtcIso(now);
  const postedBefore = toUtcIso(DateTime.fromJSDate(now).minus({ hours: deps.config.adviceNudgeHours }));
  const sessionBefore = toUtcIso(DateTime.fromJSDate(now).plus({ hours: 24 }));
  return unansweredConsultations(deps.db, nowIso)
    .where('nudged_at', 'is', null)
    .where((eb) => eb.or([eb('created_at', '<=', postedBefore), eb('session_start', '<=', sessionBefore)]))
    .execute();
};

/** The people chosen for a consultation: those recorded by an earlier (crashed) run, else a new choice. */
const recipientsFor = async (
  deps: JobDeps,
  c: Consultation,
  now: Date,
  record: boolean,
): Promise<string[]> => {
  const earlier = await deps.db
    .selectFrom('nudges')
    .select('user_id')
    .where('consultation_id', '=', c.id)
    .execute();
  if (earlier.length) return earlier.map((r) => r.user_id);
  const chosen = await chooseExperts(deps, c, now);
  const recipients = chosen.length ? chosen : [BUMP];
  if (record) {
    await deps.db
      .insertInto('nudges')
      .values(recipients.map((user_id) => ({ consultation_id: c.id, user_id, nudged_at: toUtcIso(now) })))
      .onConflict((oc) => oc.columns(['consultation_id', 'user_id']).doNothing())
      .execute();
  }
  return recipients;
};

const chooseExperts = async (deps: JobDeps, c: Consultation, now: Date): Promise<string[]> => {
  const tags = (
    await deps.db.selectFrom('consultation_tags').select('tag').where('consultation_id', '=', c.id).execute()
  ).map((t) => tagKey(t.tag));
  if (!tags.length) return [];
  const month = monthOf(c.session_start, deps.config.timezone);
  const since = toUtcIso(DateTime.fromJSDate(now).minus({ days: LOAD_WINDOW_DAYS }));
  const [experts, away, load] = await Promise.all([
    deps.db
      .selectFrom('supporter_expertise as e')
      .innerJoin('supporters as s', 's.id', 'e.supporter_id')
      .select(['e.supporter_id', 'e.tag'])
      .where('s.left_at', 'is', null)
      .where('s.id', '!=', c.supporter_id)
      .execute(),
    deps.db
      .selectFrom('supporter_months')
      .select('supporter_id')
      .where('month', '=', month)
      .where('away', '=', 1)
      .execute(),
    deps.db
      .selectFrom('nudges')
      .select(['user_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('nudged_at', '>=', since)
      .groupBy('user_id')
      .execute(),
  ]);
  const awayIds = new Set(away.map((a) => a.supporter_id));
  const loadOf = new Map(load.map((l) => [l.user_id, Number(l.n)]));
  const matching = [
    ...new Set(experts.filter((e) => tags.includes(tagKey(e.tag))).map((e) => e.supporter_id)),
  ];
  return matching
    .filter((id) => !awayIds.has(id))
    .sort((a, b) => (loadOf.get(a) ?? 0) - (loadOf.get(b) ?? 0) || a.localeCompare(b))
    .slice(0, MAX_NUDGED);
};

const messagesFor = async (
  deps: JobDeps,
  c: Consultation,
  recipients: string[],
  localeOf: LocaleOf,
  now: Date,
): Promise<Outgoing[]> => {
  const tags = (
    await deps.db.selectFrom('consultation_tags').select('tag').where('consultation_id', '=', c.id).execute()
  ).map((t) => `#${t.tag}`);
  const link = await deps.slack.chat
    .getPermalink({ channel: c.channel!, message_ts: c.ts! })
    .then((r) => r.permalink ?? '')
    .catch(() => '');
  const when = (locale: Locale) =>
    formatSlotWhen(c.session_start, 60, deps.config.timezone, locale, now).replace(/–\d{2}:\d{2}$/, '');
  return recipients.map((recipient) => {
    if (recipient === BUMP) {
      const text = messages(deps.config.defaultLocale).jobs.bumpText({
        when: when(deps.config.defaultLocale),
      });
      return { key: `nudge:${c.id}:bump`, recipient: c.channel!, threadTs: c.ts!, text };
    }
    const locale = localeOf(recipient);
    const text = messages(locale).jobs.nudgeText({
      asker: c.supporter_id,
      id: c.id,
      tags: tags.join(' '),
      question: truncate(c.question.replace(/\n/g, ' '), 300),
      when: when(locale),
      link,
    });
    return { key: `nudge:${c.id}:${recipient}`, recipient, text };
  });
};

/** A consultation is nudged once none of its messages waits for a retry (permanent failures are final). */
const markNudged = async (deps: JobDeps, candidates: Consultation[], now: Date) => {
  for (const c of candidates) {
    const waiting = await deps.db
      .selectFrom('deliveries')
      .select('key')
      .where('key', 'like', `nudge:${c.id}:%`)
      .where('status', 'in', ['pending', 'sending'])
      .executeTakeFirst();
    if (!waiting) {
      await deps.db
        .updateTable('consultations')
        .set({ nudged_at: toUtcIso(now) })
        .where('id', '=', c.id)
        .execute();
    }
  }
};
