/// <reference lib="dom" />
/**
 * The "clock and jobs" panel: the sandbox's time (what the app's clock returns), moving it, running a
 * job (quota-reminders, operator-digest, advice-nudges, writeup-reminders, study-reminders,
 * session-briefs) at that time, and sending a signed test booking to POST /api/bookings as the booking
 * system would (sandbox/bookings.ts).
 */
import type { JobResult, Snapshot } from '../shared/types.js';
import { post } from './api.js';
import { fill, h } from './dom.js';
import type { JobCounts, Lang, Strings } from './i18n.js';
import { mrkdwn, type Names } from './mrkdwn.js';

/** One message a dry run would send: to whom, and its text (the delivery's `planned`). */
type Planned = { recipient: string; text: string };

/** A run in progress (pending), its counts (and a dry run's messages), or its error. */
type Result = { pending: true } | { counts: JobCounts; planned: Planned[] } | { error: string };

/** How many of a dry run's messages the panel shows; the count says how many more there are. */
const PREVIEW_LIMIT = 20;

type TestBookingResponse = { ok: boolean; status: number; body: Record<string, unknown> };

export class Tools {
  readonly el: HTMLElement;
  private readonly clockText = h('div', { class: 'clock-now', id: 'clock-now' });
  private readonly clockMode = h('div', { class: 'clock-mode' });
  private readonly input = h('input', { type: 'datetime-local', class: 'bk-input', id: 'clock-input' });
  private readonly controls = h('div', { class: 'clock-controls' });
  private readonly jobs = h('div', { class: 'jobs' });
  private readonly seedLog = h('div', { class: 'seed-log' });
  private readonly booking = h('div', { class: 'jobs test-booking' });
  private results: Record<string, Result> = {};
  private bookingResult: { pending: true } | { text: string; failed: boolean } | undefined;
  private snap: Snapshot | undefined;
  private s: Strings | undefined;

  constructor(private readonly onError: (e: unknown) => void) {
    this.el = h(
      'div',
      { class: 'tools' },
      h('section', {}, this.clockText, this.clockMode, this.controls),
      this.jobs,
      this.booking,
      this.seedLog,
    );
  }

  update(snap: Snapshot, s: Strings, lang: Lang): void {
    this.snap = snap;
    this.s = s;
    const now = new Date(snap.clock.now);
    const fmt = new Intl.DateTimeFormat(lang === 'ja' ? 'ja-JP' : 'en-GB', {
      timeZone: snap.clock.timezone,
      dateStyle: 'full',
      timeStyle: 'short',
    });
    this.clockText.textContent = fmt.format(now);
    this.clockMode.textContent = `${snap.clock.real ? s.clockReal : s.clockShifted} · ${snap.clock.timezone}`;
    this.clockMode.classList.toggle('shifted', !snap.clock.real);
    if (document.activeElement !== this.input) this.input.value = snap.clock.now.slice(0, 16);
    const shift = (hours: number) =>
      this.setClock(new Date(now.getTime() + hours * 3600_000), snap.clock.timezone);
    fill(
      this.controls,
      h(
        'div',
        { class: 'row' },
        this.input,
        h(
          'button',
          { type: 'button', class: 'btn', onclick: () => void this.setLocal(this.input.value) },
          s.setClock,
        ),
      ),
      h(
        'div',
        { class: 'row' },
        h('button', { type: 'button', class: 'btn small', onclick: () => void shift(12) }, '+12h'),
        h('button', { type: 'button', class: 'btn small', onclick: () => void shift(24) }, '+1d'),
        h('button', { type: 'button', class: 'btn small', onclick: () => void shift(24 * 7) }, '+7d'),
        h(
          'button',
          {
            type: 'button',
            class: 'btn small',
            disabled: snap.clock.real,
            onclick: () => void this.setLocal(null),
          },
          s.realClock,
        ),
      ),
    );
    fill(
      this.jobs,
      h('h3', {}, s.jobs),
      h('p', { class: 'hint' }, snap.jobsReady ? s.jobsHint : s.jobsNotReady),
      ...snap.jobs.map((job) => {
        const result = this.results[job.name];
        return h(
          'div',
          { class: 'job', 'data-job': job.name },
          h('div', { class: 'job-head' }, h('code', {}, job.name), h('span', {}, s.jobAbout[job.name] ?? '')),
          h(
            'div',
            { class: 'row' },
            h(
              'button',
              {
                type: 'button',
                class: 'btn primary small',
                disabled: !job.available,
                onclick: () => void this.run(job.name, false),
              },
              s.run,
            ),
            h(
              'button',
              {
                type: 'button',
                class: 'btn small',
                disabled: !job.available,
                onclick: () => void this.run(job.name, true),
              },
              s.dryRun,
            ),
            job.available ? null : h('span', { class: 'na' }, s.notAvailable),
          ),
          result ? resultLine(result, s) : null,
          result && 'planned' in result && result.counts.dryRun
            ? preview(result.planned, s, namesOf(snap, lang))
            : null,
        );
      }),
    );
    fill(
      this.booking,
      h('h3', {}, s.testBooking),
      h('p', { class: 'hint' }, s.testBookingHint),
      h(
        'div',
        { class: 'row' },
        h(
          'button',
          { type: 'button', class: 'btn primary small', id: 'test-booking', onclick: () => void this.book() },
          s.testBooking,
        ),
      ),
      this.bookingResult === undefined
        ? null
        : 'pending' in this.bookingResult
          ? h('div', { class: 'job-result pending' }, '…')
          : h(
              'div',
              { class: `job-result${this.bookingResult.failed ? ' failed' : ''}`, role: 'status' },
              this.bookingResult.text,
            ),
    );
    fill(
      this.seedLog,
      snap.seed.log.length
        ? h(
            'details',
            {},
            h('summary', {}, s.seedDone(snap.seed.ok, snap.seed.failed)),
            h('pre', {}, snap.seed.log.join('\n')),
          )
        : null,
    );
  }

  private async setLocal(local: string | null): Promise<void> {
    await post('/sandbox/api/clock', { local }).catch(this.onError);
  }

  private setClock(at: Date, zone: string): Promise<void> {
    const parts = new Intl.DateTimeFormat('sv-SE', {
      timeZone: zone,
      dateStyle: 'short',
      timeStyle: 'short',
    }).format(at);
    return this.setLocal(parts.replace(' ', 'T'));
  }

  private async run(name: string, dryRun: boolean): Promise<void> {
    this.results[name] = { pending: true };
    this.redraw();
    try {
      const res = await post<JobResult>('/sandbox/api/job', { name, dryRun });
      this.results[name] = res.ok
        ? { counts: counts(res.report, dryRun), planned: plannedOf(res.report) }
        : { error: res.error ?? '?' };
    } catch (err) {
      this.results[name] = { error: err instanceof Error ? err.message : String(err) };
    }
    this.redraw();
  }

  private async book(): Promise<void> {
    const s = this.s;
    if (!s) return;
    this.bookingResult = { pending: true };
    this.redraw();
    try {
      const res = await post<TestBookingResponse>('/sandbox/api/test-booking', {});
      this.bookingResult =
        res.status === 201
          ? { text: s.testBookingDone(Number(res.body.slot_id), Number(res.body.session_id)), failed: false }
          : {
              text: s.testBookingFailed(res.status, String(res.body.message ?? res.body.error ?? '')),
              failed: true,
            };
    } catch (err) {
      this.bookingResult = { text: err instanceof Error ? err.message : String(err), failed: true };
    }
    this.redraw();
  }

  private redraw(): void {
    if (this.snap && this.s)
      this.update(this.snap, this.s, document.documentElement.lang === 'en' ? 'en' : 'ja');
  }
}

const counts = (report: Record<string, unknown> | undefined, dryRun: boolean): JobCounts => {
  const n = (k: string) => (typeof report?.[k] === 'number' ? (report[k] as number) : 0);
  const planned = Array.isArray(report?.planned) ? report.planned.length : 0;
  return { sent: n('sent'), skipped: n('skipped'), failed: n('failed'), planned, dryRun };
};

const resultLine = (result: Result, s: Strings): HTMLElement => {
  if ('pending' in result) return h('div', { class: 'job-result pending' }, '…');
  if ('error' in result) return h('div', { class: 'job-result failed', role: 'status' }, result.error);
  return h('div', { class: 'job-result', role: 'status' }, s.jobReport(result.counts));
};

const plannedOf = (report: Record<string, unknown> | undefined): Planned[] =>
  (Array.isArray(report?.planned) ? (report.planned as Partial<Planned>[]) : []).map((p) => ({
    recipient: String(p.recipient ?? ''),
    text: String(p.text ?? ''),
  }));

const namesOf = (snap: Snapshot, lang: Lang): Names => ({
  user: (id) => snap.users.find((u) => u.id === id)?.realName ?? id,
  channel: (id) => snap.conversations.find((c) => c.id === id)?.name ?? id,
  dates: { zone: snap.clock.timezone, now: new Date(snap.clock.now), lang },
});

/** A person gets a DM (`@Aiko`); a channel, a post (`#operators`). */
const recipientLabel = (id: string, names: Names): string =>
  /^[UW]/.test(id) ? `@${names.user(id)}` : `#${names.channel(id)}`;

/** What a dry run would send: each recipient and the message they would get, as Slack would show it. */
const preview = (planned: Planned[], s: Strings, names: Names): HTMLElement => {
  if (!planned.length) return h('p', { class: 'job-preview empty' }, s.dryRunNothing);
  const shown = planned.slice(0, PREVIEW_LIMIT);
  return h(
    'ol',
    { class: 'job-preview', 'aria-label': s.dryRunPreview },
    ...shown.map((p) =>
      h(
        'li',
        { 'data-recipient': p.recipient },
        h('div', { class: 'job-preview-to' }, `${s.dryRunTo} ${recipientLabel(p.recipient, names)}`),
        h('div', { class: 'job-preview-text bk-text', html: mrkdwn(p.text, names) }),
      ),
    ),
    planned.length > shown.length
      ? h('li', { class: 'more' }, s.dryRunMore(planned.length - shown.length))
      : null,
  );
};
