/**
 * Busy times (English): `/supporter busy`, the clash warnings after `/slots add` and the reminder's note.
 * A busy event is only ever named by its time: never its title or place (the supporter's employer's data).
 */
import type { Messages } from '../types.js';

type P = Record<string, string | number>;

const WHAT_TO_PASTE_EN =
  'Paste the ICS link (starting with https://): in Google Calendar, "Settings → Settings for my calendars → Integrate calendar → Secret address in iCal format"; in Outlook, "Settings → Calendar → Shared calendars → Publish a calendar → ICS". Example: `/supporter busy https://calendar.google.com/calendar/ical/…/basic.ics`';

const status = (s: number) =>
  s === 404 || s === 410
    ? `the address was not found (HTTP ${s}); if you made a new link, paste the new address`
    : s === 401 || s === 403
      ? `reading it was not allowed (HTTP ${s}); use the secret address or a published ICS link`
      : `the calendar server answered with an error (HTTP ${s})`;

const problem = (p: P): string => {
  switch (p.problem) {
    case 'timeout':
      return 'no answer within 5 seconds';
    case 'too_large':
      return 'the calendar is too large (2 MB at most)';
    case 'http_status':
      return status(Number(p.status));
    case 'not_calendar':
      return 'what came back is not a calendar (iCalendar); check that it is the ICS link';
    case 'bad_redirect':
      return 'it redirected to an address that is not https, so it was not read';
    case 'too_many_redirects':
      return 'too many redirects';
    default:
      return 'the calendar server could not be reached';
  }
};

export const busyEn: Messages['busy'] = {
  problem,
  urlInvalid: (p: P) =>
    `${p.reason === 'scheme' ? 'Only addresses starting with https:// work.' : 'That is not a calendar address (URL).'} ${WHAT_TO_PASTE_EN}`,
  setOk: (p: P) =>
    [
      `Saved your main-job calendar (${p.hint}). Read ${p.events} events in ${p.month}.`,
      'When a slot you add clashes with one, I will tell you (the slot is still added). Event titles and places are never shown. To stop: `/supporter busy off`.',
    ].join('\n'),
  setFailed: (p: P) =>
    [
      `Saved your main-job calendar (${p.hint}), but could not read it just now: ${p.why}.`,
      'I keep the address and read it again whenever you add slots. If it is the wrong one, paste another or remove it with `/supporter busy off`.',
    ].join('\n'),
  off: (_p: P) => 'Removed your main-job calendar (neither the address nor anything read from it is kept).',
  wasOff: (_p: P) => 'You have no main-job calendar set.',
  stateOn: (p: P) =>
    `Main-job calendar: ${p.hint} (I warn when a slot clashes with it; \`/supporter busy off\` removes it)`,
  stateOff: (_p: P) =>
    `Main-job calendar: not set. With \`/supporter busy <ICS URL>\` I warn when a slot clashes with your main job's events.\n${WHAT_TO_PASTE_EN}`,
  homeLine: (p: P) =>
    `🗓 Slots are checked against your main-job calendar ${p.hint} (\`/supporter busy off\` to stop)`,
  statusLine: (p: P) => `Main-job calendar: ${p.hint || 'not set (`/supporter busy <URL>`)'}`,
  allDay: (_p: P) => 'all day',
  clash: (p: P) => `⚠ ${p.slot} clashes with a main-job event ${p.busy} (the slot was added)`,
  checkFailed: (p: P) => `(Could not check your main-job calendar: ${p.why}. The slot was added.)`,
  suggestionClash: (p: P) => `(clashes with your main job on ${p.dates})`,
};
