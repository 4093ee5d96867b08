/** The people and channels every e2e test (and the sandbox) starts with. */
import type { FakeSlack } from './server.js';

export const USERS = {
  aiko: { id: 'UAIKO', name: 'aiko', realName: '佐藤 愛子', locale: 'ja-JP' },
  ken: { id: 'UKEN', name: 'ken', realName: '田中 健', locale: 'ja-JP' },
  emma: { id: 'UEMMA', name: 'emma', realName: 'Emma Clark', locale: 'en-US' },
  yui: { id: 'UYUI', name: 'yui', realName: '鈴木 結衣', locale: 'ja-JP' },
  ops: { id: 'UOPS', name: 'ops', realName: '運営 太郎', locale: 'ja-JP' },
} as const;

export const seedWorkspace = (fake: FakeSlack): void => {
  for (const u of Object.values(USERS)) fake.state.addUser({ ...u });
  const everyone = Object.values(USERS).map((u) => u.id);
  fake.state.addChannel('CGENERAL', 'general', everyone);
  fake.state.addChannel('CADVICE', 'advice', everyone);
  fake.state.addChannel(
    'CSUPPORT',
    'supporters',
    everyone.filter((id) => id !== 'UOPS'),
  );
  fake.state.addChannel('COPS', 'operators', ['UOPS']);
};
