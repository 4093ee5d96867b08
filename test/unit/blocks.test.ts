/** Block Kit limits at their edges: builders never produce what Slack would reject. */
import { describe, expect, it } from 'vitest';
import { blockProblems, viewProblems } from '../../emulator/blockKit.js';
import { messages } from '../../src/i18n/index.js';
import { buildConsultModal } from '../../src/slack/blocks/consultModal.js';
import { buildConsultPost } from '../../src/slack/blocks/consultPost.js';
import { buildDigest } from '../../src/slack/blocks/digest.js';
import { buildHomeView } from '../../src/slack/blocks/home.js';
import { button, SECTION_TEXT_MAX, section, truncate } from '../../src/slack/blocks/kit.js';
import { buildSlotsModal } from '../../src/slack/blocks/slotsModal.js';
import { buildStudyModal } from '../../src/slack/blocks/studyModal.js';

const now = new Date('2026-11-25T01:00:00Z');
const zone = 'Asia/Tokyo';

type AnyBlock = {
  type: string;
  text?: { text: string };
  elements?: Array<{ text?: unknown }>;
  fields?: unknown[];
};

/** Within the limits checked here, and nothing the emulator's Block Kit rules (Slack's) refuse. */
const assertWithinLimits = (blocks: AnyBlock[], maxBlocks: number) => {
  expect(blocks.length).toBeLessThanOrEqual(maxBlocks);
  expect(blockProblems(blocks, maxBlocks === 50 ? 'message' : 'home')).toEqual([]);
  for (const b of blocks) {
    if (b.type === 'section' && b.text) expect(b.text.text.length).toBeLessThanOrEqual(SECTION_TEXT_MAX);
    if (b.type === 'header' && b.text) expect(b.text.text.length).toBeLessThanOrEqual(150);
  }
};

describe('kit', () => {
  it.each([
    [10, 10, 10],
    [3000, 3000, 3000],
    [3001, 3000, 3000],
    [10_000, 3000, 3000],
  ])('truncate(%i chars, %i) → %i chars, ending in … when cut', (n, max, expected) => {
    const out = truncate('あ'.repeat(n), max);
    expect(out.length).toBe(expected);
    if (n > max) expect(out.endsWith('…')).toBe(true);
  });

  it('caps section text at 3,000 and button text at 75', () => {
    expect((section('x'.repeat(5000)).text as { text: string }).text.length).toBe(3000);
    expect(button('y'.repeat(100), 'a', 'v').text.text.length).toBe(75);
  });
});

describe('the consultation post', () => {
  it('stays within limits with the longest topic and question allowed', () => {
    const blocks = buildConsultPost({
      m: messages('ja'),
      locale: 'ja',
      zone,
      now,
      consultation: {
        id: 1,
        supporter_id: 'U1',
        session_start: '2026-12-03T10:00:00.000Z',
        plan: 'first',
        topic: '長'.repeat(2000),
        question: '問'.repeat(2000),
        status: 'open',
      },
      minutes: 90,
      tags: Array.from({ length: 8 }, (_, i) => `tag${i}`.repeat(3)),
    });
    assertWithinLimits(blocks as AnyBlock[], 50);
  });
});

describe('modals', () => {
  it('keep titles, submit and close labels within 24 characters in both languages', () => {
    for (const locale of ['ja', 'en'] as const) {
      const m = messages(locale);
      for (const view of [
        buildSlotsModal(m, '2026-11', '2026-12', {}),
        buildConsultModal(m, locale, zone, now),
        buildStudyModal(m, { zone, now, userId: 'U1', channel: 'C1' }),
      ]) {
        expect(viewProblems(view, 'modal')).toEqual([]);
        expect(view.title.text.length).toBeLessThanOrEqual(24);
        expect(view.submit?.text.length ?? 0).toBeLessThanOrEqual(24);
        expect(view.close?.text.length ?? 0).toBeLessThanOrEqual(24);
        expect(view.blocks.length).toBeLessThanOrEqual(100);
      }
    }
  });
});

describe('the Home tab', () => {
  it('stays under 100 blocks however many sessions and write-ups are waiting', () => {
    const slot = (id: number) => ({
      id,
      supporter_id: 'U1',
      start_at: '2026-12-03T10:00:00.000Z',
      end_at: '2026-12-03T11:00:00.000Z',
      minutes: 60,
      status: 'booked' as const,
      writeup_done_at: null,
      created_at: '',
      updated_at: '',
    });
    const standing = { supporterId: 'U1', month: '2026-11', count: 3, quota: 5, away: false, exempt: false };
    const view = buildHomeView(
      { m: messages('ja'), locale: 'ja', zone, now },
      {
        member: true,
        standings: [standing, { ...standing, month: '2026-12' }],
        upcoming: Array.from({ length: 500 }, (_, i) => slot(i)),
        pending: Array.from({ length: 500 }, (_, i) => ({
          sessionId: i,
          slotId: i,
          startUtc: slot(i).start_at,
          minutes: 60,
          plan: 'first' as const,
          alias: `${'あ'.repeat(19)}さん`,
          draft: i % 3 === 0,
          finished: false,
          overdue: i % 2 === 0,
        })),
        nextMonth: '2026-12',
      },
    );
    assertWithinLimits(view.blocks as AnyBlock[], 100);
  });
});

describe('the operator digest', () => {
  it('stays within one message at 5,000 supporters below quota and hundreds of open items', () => {
    const below = Array.from({ length: 5000 }, (_, i) => ({
      supporterId: `U${String(i).padStart(8, '0')}`,
      month: '2026-11',
      count: i % 5,
      quota: 5,
      away: false,
      exempt: false,
    }));
    const consultation = (id: number) => ({
      id,
      supporter_id: 'U1',
      slot_id: null,
      session_start: '2026-12-03T10:00:00.000Z',
      plan: 'first' as const,
      topic: '',
      question: 'q',
      channel: 'C',
      ts: '1.1',
      status: 'open' as const,
      resolved_at: null,
      nudged_at: null,
      purged_at: null,
      created_at: '',
    });
    const { blocks } = buildDigest(
      { m: messages('ja'), locale: 'ja', zone, now },
      {
        month: '2026-11',
        offered: 100,
        needed: 25_000,
        active: 5000,
        quota: 5,
        below,
        belowCount: below.length,
        excused: 3,
        unanswered: Array.from({ length: 300 }, (_, i) => consultation(i)),
        overdue: [],
        overdueCount: 0,
      },
      new Map(Array.from({ length: 300 }, (_, i) => [i, `https://x.slack.com/archives/C/p${i}`])),
    );
    assertWithinLimits(blocks as AnyBlock[], 50);
    expect(JSON.stringify(blocks)).toContain('…ほか4940人');
  });
});
