/** Calendar feeds (Japanese): `/supporter calendar`, the Home line and the feed's event titles. */
type P = Record<string, string | number>;

export const calendarJa = {
  link: (p: P) =>
    [
      `あなたの予定を購読できるカレンダーのリンクです: ${p.url}`,
      'Google カレンダーなら「他のカレンダー ＋ → URL で追加」、iPhone なら「設定 → カレンダー → アカウント → 照会するカレンダーを追加」に貼り付けてください。空き枠・予約済みの枠・参加する勉強会が自動で入ります。',
      'このリンクは自分だけのものです。人に知られたら `/supporter calendar reset` で作り直せます。',
    ].join('\n'),
  reset: (p: P) =>
    `リンクを作り直しました（前のリンクはもう使えません）。新しいリンク: ${p.url}\n購読しているカレンダーアプリには、このリンクを登録し直してください。`,
  notConfigured: (_p: P) =>
    'カレンダーのリンクを作るには、このアプリの公開アドレスの設定が必要です。運営メンバーに設定を頼んでください。',
  homeLine: (p: P) => `📅 カレンダーで購読: ${p.url}（\`/supporter calendar reset\` で作り直し）`,
  openSummary: (p: P) => `相談枠（空き・${p.minutes}分）`,
  bookedSummary: (p: P) => `予約済み（${p.plan} ${p.minutes}分）`,
  calName: (_p: P) => 'Supporter Desk — 私の予定',
};
