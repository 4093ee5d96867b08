/** Clients' privacy (Japanese): the notices that replace erased text, the Home notice, erase and reply warnings. */
type P = Record<string, string | number>;

/** The kinds of personal data the guard finds (domain/pii.ts PiiKind), as the reader says them. */
export const PII_JA: Record<string, string> = {
  email: 'メールアドレス',
  phone: '電話番号',
  postal: '郵便番号',
  social_url: 'SNSのURL',
  person_name: '人名',
};

export const privacyJa = {
  retentionNotice: (p: P) => `この投稿の相談内容は保存期間（${p.days}日）を過ぎたため削除しました。`,
  erasedNotice: (_p: P) => 'この投稿の相談内容は、ご依頼により削除しました。',
  homeHeader: (_p: P) => '*相談者さんの情報について*',
  homeNotice: (p: P) =>
    [
      '• 保存するもの: 相談のテーマと質問、予約の呼び名（Aさんなど）とテーマ、回答した人と件数。連絡先や実名は受け付けません。',
      `• 保存期間: セッションから${p.days}日で文章を削除します（Slackの投稿・DMも書き換えます）。`,
      '• 見られる人: 相談はアドバイスチャンネルのメンバー、予約と準備メモはその枠のサポーターだけ。',
      '• 削除の依頼: 運営メンバーに伝えてください。すぐに消して記録に残します。',
    ].join('\n'),
  eraseUsage: (_p: P) =>
    '使い方: `/supporter erase consultation <id>` / `session <id>` / `supporter @user`（末尾に `dry-run` で確認だけ）',
  eraseNothing: (_p: P) => '該当するデータは見つかりませんでした。番号を確認してください。',
  eraseDone: (p: P) =>
    `削除しました: 相談 ${p.consultations}件・予約 ${p.sessions}件。Slack の投稿 ${p.messages}件を書き換えます（完了 ${p.rewritten}件）。記録に残しました。`,
  erasePlanned: (p: P) =>
    `確認のみ（まだ消していません）: 相談 ${p.consultations}件・予約 ${p.sessions}件、Slack の投稿 ${p.messages}件を書き換えます。実行するには \`dry-run\` を外してください。`,
  replyWarning: (p: P) =>
    `この返信に${PII_JA[String(p.kind)] ?? p.kind}が含まれているようです。相談者さんを特定できる情報はスレッドに残さないでください。メッセージの「…」から「メッセージを編集する」で書き換えるか、「メッセージを削除する」で消してください。`,
  replyOperatorNotice: (p: P) =>
    `<@${p.user}> さんのアドバイスへの返信に${PII_JA[String(p.kind)] ?? p.kind}が含まれているようです（本人には編集・削除をお願いしました）: ${p.link}`,
};
