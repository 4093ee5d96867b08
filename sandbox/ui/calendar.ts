/// <reference lib="dom" />
/**
 * The calendar panel: the acting user's private feed link (`/supporter calendar`; it points at the app's
 * own port, so it opens here), the feed's events as a calendar app would list them (date, time, title)
 * and its raw text, and "make a new link", which runs `/supporter calendar reset` and then shows that the
 * old link answers 404. The feed is fetched when the panel opens, on reload and after a command — not on
 * every change, since the app rate-limits each link.
 */
import type { CalendarEvent, CalendarResult, Snapshot } from '../shared/types.js';
import { post } from './api.js';
import { fill, h } from './dom.js';
import type { Lang, Strings } from './i18n.js';

type Loaded = { user: string; result: CalendarResult } | { user: string; pending: true };

export class CalendarPanel {
  readonly el = h('div', { class: 'tools calendar-panel', id: 'calendar-panel' });
  private loaded: Loaded | undefined;
  private view: { snap: Snapshot; s: Strings; lang: Lang; user: string } | undefined;

  constructor(
    private readonly onError: (e: unknown) => void,
    /** Sends `/supporter <text>` as the user, in the conversation they are in (its reply shows there). */
    private readonly supporterCommand: (text: string) => Promise<boolean>,
  ) {}

  /** Draws the panel for `user`, loading their feed the first time (or when the user changed). */
  update(snap: Snapshot, s: Strings, lang: Lang, user: string): void {
    this.view = { snap, s, lang, user };
    if (this.loaded?.user !== user) void this.load();
    else this.draw();
  }

  /** Forgets the feed, so the panel loads it again next time it is shown. */
  closed(): void {
    this.loaded = undefined;
  }

  private async load(previous?: string): Promise<void> {
    const user = this.view?.user;
    if (!user) return;
    this.loaded = { user, pending: true };
    this.draw();
    try {
      const result = await post<CalendarResult>('/sandbox/api/calendar', {
        user,
        ...(previous ? { previous } : {}),
      });
      if (this.view?.user === user) this.loaded = { user, result };
    } catch (err) {
      this.loaded = undefined;
      this.onError(err);
    }
    this.draw();
  }

  private async run(text: string, previous?: string): Promise<void> {
    if (await this.supporterCommand(text)) await this.load(previous);
  }

  private draw(): void {
    const v = this.view;
    if (!v) return;
    const { s } = v;
    const loaded = this.loaded;
    const result = loaded && 'result' in loaded ? loaded.result : undefined;
    fill(
      this.el,
      h('h3', {}, s.calendarTitle),
      h('p', { class: 'hint' }, s.calendarHint),
      !loaded || 'pending' in loaded ? h('div', { class: 'job-result pending' }, '…') : null,
      result ? this.body(result, v.snap, s, v.lang) : null,
    );
  }

  private body(r: CalendarResult, snap: Snapshot, s: Strings, lang: Lang): HTMLElement[] {
    const previous = r.previous
      ? h(
          'div',
          {
            class: `job-result${r.previous.status === 404 ? '' : ' failed'}`,
            id: 'calendar-previous',
            role: 'status',
            'data-status': r.previous.status,
          },
          s.calendarPrevious(r.previous.status),
          h('div', { class: 'calendar-url old' }, r.previous.url),
        )
      : null;
    if (!r.url) {
      return [
        h('p', {}, s.calendarNone),
        h(
          'div',
          { class: 'row' },
          h(
            'button',
            {
              type: 'button',
              class: 'btn primary small',
              id: 'calendar-make',
              onclick: () => void this.run('calendar'),
            },
            s.calendarMake,
          ),
        ),
        ...(previous ? [previous] : []),
      ];
    }
    const url = r.url;
    const zone = snap.clock.timezone;
    return [
      h(
        'a',
        { class: 'calendar-url', id: 'calendar-link', href: url, target: '_blank', rel: 'noopener' },
        url,
      ),
      h('div', { class: 'calendar-answer', 'data-status': r.status }, s.calendarAnswer(r.status ?? 0)),
      h(
        'div',
        { class: 'row' },
        h(
          'button',
          { type: 'button', class: 'btn small', id: 'calendar-reload', onclick: () => void this.load() },
          s.calendarReload,
        ),
        h(
          'button',
          {
            type: 'button',
            class: 'btn small',
            id: 'calendar-rotate',
            onclick: () => void this.run('calendar reset', url),
          },
          s.calendarRotate,
        ),
      ),
      ...(previous ? [previous] : []),
      h('h3', {}, s.calendarEvents(r.events.length)),
      r.events.length
        ? h('ol', { class: 'calendar-events' }, ...r.events.map((e) => eventRow(e, s, lang, zone)))
        : h('p', { class: 'hint' }, s.calendarEmpty),
      h(
        'details',
        { class: 'calendar-raw' },
        h('summary', {}, s.calendarRaw),
        h('pre', {}, r.raw.replace(/\r\n/g, '\n')),
      ),
    ];
  }
}

/** "12/15(火) 21:30–22:30" in the app's zone (or the date alone for an all-day event), then the title. */
const eventRow = (e: CalendarEvent, s: Strings, lang: Lang, zone: string): HTMLElement => {
  const locale = lang === 'ja' ? 'ja-JP' : 'en-GB';
  const day = new Intl.DateTimeFormat(locale, {
    timeZone: e.allDay ? 'UTC' : zone,
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    weekday: 'short',
  });
  const time = new Intl.DateTimeFormat(locale, { timeZone: zone, hour: '2-digit', minute: '2-digit' });
  const start = new Date(e.start);
  const when = e.allDay
    ? day.format(start)
    : `${day.format(start)} ${time.format(start)}${e.end ? `–${time.format(new Date(e.end))}` : ''}`;
  return h(
    'li',
    { 'data-uid': e.uid },
    h('div', { class: 'calendar-when' }, when),
    h(
      'div',
      { class: 'calendar-summary' },
      e.summary,
      e.status
        ? h(
            'span',
            { class: `calendar-status ${e.status.toLowerCase()}` },
            s.calendarStatus[e.status] ?? e.status,
          )
        : null,
    ),
  );
};
