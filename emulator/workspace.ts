/** The people and channels every e2e test (and the sandbox) starts with. */
import type { FakeSlack } from './server.js';
import { BOT_USER_ID } from './state.js';

export const USERS = {
  aiko: { id: 'UAIKO', name: 'aiko', realName: '佐藤 愛子', locale: 'ja-JP' },
  ken: { id: 'UKEN', name: 'ken', realName: '田中 健', locale: 'ja-JP' },
  emma: { id: 'UEMMA', name: 'emma', realName: 'Emma Clark', locale: 'en-US' },
  yui: { id: 'UYUI', name: 'yui', realName: '鈴木 結衣', locale: 'ja-JP' },
  ops: { id: 'UOPS', name: 'ops', realName: '運営 太郎', locale: 'ja-JP' },
} as const;

/** Channels for setup tests: a private one the bot is in, one it is not in, an archived one. */
export const EXTRA_CHANNELS = {
  privateAdvice: 'GPRIVADV',
  privateHidden: 'GHIDDEN',
  archived: 'CARCHIVED',
} as const;

/**
 * A correctly installed workspace: the bot was invited to #advice, #supporters and #operators (as the
 * README asks), not to #general — so anything posting to #general meets `not_in_channel` as in Slack.
 */
export const seedWorkspace = (fake: FakeSlack): void => {
  for (const u of Object.values(USERS)) fake.state.addUser({ ...u });
  const everyone = Object.values(USERS).map((u) => u.id);
  const supporters = everyone.filter((id) => id !== 'UOPS');
  fake.state.addChannel('CGENERAL', 'general', everyone);
  fake.state.addChannel('CADVICE', 'advice', [...everyone, BOT_USER_ID]);
  fake.state.addChannel('CSUPPORT', 'supporters', [...supporters, BOT_USER_ID]);
  fake.state.addChannel('COPS', 'operators', ['UOPS', BOT_USER_ID]);
  fake.state.addChannel(EXTRA_CHANNELS.privateAdvice, 'advice-private', [...everyone, BOT_USER_ID], {
    isPrivate: true,
  });
  fake.state.addChannel(EXTRA_CHANNELS.privateHidden, 'supporters-private', supporters, { isPrivate: true });
  fake.state.addChannel(EXTRA_CHANNELS.archived, 'old-advice', [...everyone, BOT_USER_ID], {
    isArchived: true,
  });
};
