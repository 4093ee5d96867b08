/** The demo workspace: people (with what they do in their main job), channels and the bot's DMs. */
import type { FakeSlack } from '../emulator/server.js';
import { BOT_USER_ID } from '../emulator/state.js';
import type { SnapshotUser } from './shared/types.js';

/** A person of the demo workspace: what the page shows of them, plus what the seed sends for them. */
export type DemoUser = SnapshotUser & {
  /** What the seed sends as `/supporter expertise …`. */
  expertise?: string;
};

export const DEMO_USERS: readonly DemoUser[] = [
  {
    id: 'UAIKO',
    name: 'aiko',
    realName: '佐藤 愛子',
    locale: 'ja-JP',
    role: 'supporter',
    about: { ja: '人事・採用', en: 'HR, recruiting' },
    color: '#e8912d',
    expertise: '人事 採用 面接対策',
  },
  {
    id: 'UKEN',
    name: 'ken',
    realName: '田中 健',
    locale: 'ja-JP',
    role: 'supporter',
    about: { ja: '人材紹介（転職エージェント）', en: 'Recruiting agency' },
    color: '#2bac76',
    expertise: '人材紹介 職務経歴書 IT',
  },
  {
    id: 'UYUI',
    name: 'yui',
    realName: '鈴木 結衣',
    locale: 'ja-JP',
    role: 'supporter',
    about: { ja: '派遣・新卒', en: 'Staffing, new graduates' },
    color: '#cd2553',
    expertise: '派遣 新卒 キャリア教育',
  },
  {
    id: 'UEMMA',
    name: 'emma',
    realName: 'Emma Clark',
    locale: 'en-US',
    role: 'supporter',
    about: { ja: 'フリーランス・外資（英語）', en: 'Freelance, foreign companies (English)' },
    color: '#1d9bd1',
    expertise: 'freelance foreign',
  },
  {
    id: 'UOPS',
    name: 'ops',
    realName: '運営',
    locale: 'ja-JP',
    role: 'operator',
    about: { ja: '運営（オペレーター）', en: 'Operator' },
    color: '#4a154b',
  },
];

export const CHANNELS = { advice: 'CADVICE', supporters: 'CSUPPORT', operators: 'COPS' } as const;
export const OPERATOR_ID = 'UOPS';
export const BOT_COLOR = '#007a5a';

export const supporters = (): DemoUser[] => DEMO_USERS.filter((u) => u.role === 'supporter');
export const demoUser = (id: string): DemoUser | undefined => DEMO_USERS.find((u) => u.id === id);

/** Users, channels and every demo user's DM with the bot. Idempotent. */
export const setUpWorkspace = (fake: FakeSlack): void => {
  for (const { id, name, realName, locale } of DEMO_USERS) fake.state.addUser({ id, name, realName, locale });
  const everyone = DEMO_USERS.map((u) => u.id);
  const supporterIds = supporters().map((u) => u.id);
  fake.state.addChannel(CHANNELS.advice, 'advice', [...everyone, BOT_USER_ID]);
  fake.state.addChannel(CHANNELS.supporters, 'supporters', [...supporterIds, BOT_USER_ID]);
  fake.state.addChannel(CHANNELS.operators, 'operators', [OPERATOR_ID, BOT_USER_ID]);
  for (const id of everyone) fake.state.imWith(id);
};
