/** /consult messages and the advice post (Japanese). Errors live in ja.ts. */
type P = Record<string, string | number>;

export const consultJa = {
  postHeader: (p: P) => `相談 #${p.id} ・ ${p.when} ${p.plan}`,
  postAsker: (p: P) => `<@${p.user}> さんから、セッション前の相談です。`,
  topicLabel: (_p: P) => '*相談者さんのテーマ*',
  questionLabel: (_p: P) => '*聞きたいこと*',
  tagsLabel: (p: P) => `求める専門: ${p.tags}`,
  /** `when` is a Slack date token: each reader sees it in their own zone, never a stale countdown. */
  sessionAt: (p: P) => `セッション: ${p.when}`,
  replyInThread: (_p: P) =>
    'スレッドで答えてください。「投げかけると必ず誰かが答えてくれる」場所にしましょう。',
  resolveButton: (_p: P) => '解決した / Resolved',
  resolvedMark: (p: P) => `:white_check_mark: 解決済み（<@${p.user}>）`,
  posted: (p: P) =>
    `相談 #${p.id} を投稿しました: ${p.link ? `<${p.link}|スレッドを開く>` : `<#${p.channel}>`}。回答は相談チャンネルのスレッドに届きます。`,
  // What the consultation did to the asker's slots (枠 #… and 相談 #… are different numbers).
  slotCreated: (p: P) =>
    `その時間に枠がなかったので、予約済みの枠 #${p.slot}（${p.when}）を作りました。${p.month}のノルマに数えます。`,
  slotBooked: (p: P) => `空いていた枠 #${p.slot}（${p.when}）を予約済みにしました。`,
  slotLinked: (p: P) => `予約済みの枠 #${p.slot}（${p.when}）のセッションとして記録しました。`,
  slotResized: (p: P) => `枠 #${p.slot} の長さをプランに合わせて${p.from}分から${p.to}分にしました。`,
  resolved: (p: P) => `相談 #${p.id} を解決済みにしました。答えてくれた仲間にもお礼を伝えましょう。`,
  alreadyResolved: (p: P) => `相談 #${p.id} はすでに解決済みです。`,
  writeupDone: (p: P) => `相談 #${p.id} のセッションの強みのまとめを送付済みにしました。お疲れさまでした！`,
  writeupAlready: (p: P) => `相談 #${p.id} のまとめはすでに送付済みです。`,
  modalTitle: (_p: P) => '仲間に相談する',
  modalDate: (_p: P) => 'セッションの日付',
  modalTime: (_p: P) => '開始時刻',
  modalPlan: (_p: P) => 'プラン',
  modalTopic: (_p: P) => '相談者さんのテーマ',
  modalTopicHint: (_p: P) =>
    '個人が特定できる情報（氏名・メールアドレス・電話番号など）は書かないでください。',
  modalQuestion: (_p: P) => '仲間に聞きたいこと',
  modalTags: (_p: P) => '求める専門',
  modalExtraTags: (_p: P) => 'その他の専門（任意・スペース区切り）',
  modalSubmit: (_p: P) => '投稿',
  modalCancel: (_p: P) => 'キャンセル',
  planOption: (p: P) =>
    ({ light: 'ライト（45分）', first: '初回（90分）', followup: '継続（60分）' })[String(p.plan)] ?? '',
};

export const consultErrorsJa = {};
