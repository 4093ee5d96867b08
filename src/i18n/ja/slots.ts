/** /slots, /supporter and App Home messages (Japanese). */
type P = Record<string, string | number>;

const monthJa = (month: string | number) => {
  const [y, m] = String(month).split('-');
  return `${y}年${Number(m)}月`;
};

export const statusJa: Record<string, string> = { open: '空き', booked: '予約済み', cancelled: '削除済み' };

export const slotsJa = {
  monthLabel: (p: P) => monthJa(p.month!),
  progress: (p: P) => {
    const [y, mo] = String(p.month).split('-');
    const label = p.showYear ? `${y}年${Number(mo)}月` : `${Number(mo)}月`;
    if (p.away) return `${label}: 休み（ノルマ対象外）`;
    if (p.exempt) return `${label}: 免除（ノルマ対象外）`;
    if (Number(p.missing) === 0) return `${label}: ${p.count}/${p.quota} 枠 — 達成です 🎉`;
    return `${label}: ${p.count}/${p.quota} 枠 — あと${p.missing}枠`;
  },
  added: (p: P) => `*${p.n}枠を追加しました*`,
  listHeader: (p: P) => `*${monthJa(p.month!)}の枠*`,
  listEmpty: (_p: P) => 'この月の枠はまだありません。`/slots add 12/3 19:00` で追加できます。',
  status: (p: P) => statusJa[String(p.status)] ?? String(p.status),
  removed: (p: P) => `枠 ${p.ids} を削除しました。`,
  unbooked: (p: P) => `枠 #${p.id}（${p.when}）の予約を取り消し、空きに戻しました。`,
  modalTitle: (_p: P) => '相談枠を追加',
  modalMonth: (_p: P) => '月',
  modalEntries: (_p: P) => '枠（1行に1つ）',
  modalEntriesHint: (_p: P) =>
    '例: 12/3 19:00 ／ 12月10日 20時 90分 ／ 19:00-20:30 ／ 毎週火曜 20:00（その月の残りの火曜）',
  modalSubmit: (_p: P) => '追加',
  modalCancel: (_p: P) => 'キャンセル',
};

export const supporterJa = {
  joined: (p: P) =>
    `サポーターとして登録しました。ようこそ！ \`/slots add\` で相談枠を登録しましょう（月${p.quota}枠以上）。`,
  alreadyJoined: (_p: P) => 'すでにサポーターとして登録されています。',
  left: (_p: P) => '退会しました。これまでありがとうございました。リマインドはもう届きません。',
  notMember: (_p: P) => 'サポーターとして登録されていませんでした。',
  expertiseSet: (p: P) => `専門分野を登録しました: ${p.tags}\n相談にこの分野のタグが付くとお知らせします。`,
  awaySet: (p: P) => `${p.months} を休みにしました。その月はリマインドせず、ノルマの集計からも外します。`,
  statusHeader: (_p: P) => '*あなたの状況*',
  statusMember: (p: P): string => (p.member ? '登録: サポーター' : '登録: まだです（`/supporter join`）'),
  statusExpertise: (p: P) => `専門: ${p.tags || '未設定（`/supporter expertise HR 採用`）'}`,
  statusAway: (p: P) => `休み: ${p.months || 'なし'}`,
  langSet: (_p: P) => '表示言語を日本語にしました。',
  exemptSet: (p: P) => `<@${p.user}> の ${p.months} のノルマを免除しました。`,
  quotaSet: (p: P) => `${monthJa(p.from!)}以降のノルマを月${p.quota}枠にしました。`,
  digestPosted: (p: P) => `ダイジェストを投稿しました（${p.where}）。`,
  digestNowhere: (_p: P) =>
    'ダイジェストの送り先がありません。OPERATOR_CHANNEL_ID か OPERATOR_USER_IDS を設定してください。',
};

export const homeJa = {
  title: (_p: P) => 'Supporter Desk',
  intro: (_p: P) => '相談枠・セッション・強みのまとめをここで確認できます。',
  progressHeader: (_p: P) => '*相談枠のノルマ*',
  weekHeader: (_p: P) => '*今週のセッション*',
  weekNone: (_p: P) => 'この7日間に予約済みのセッションはありません。',
  weekLine: (p: P) =>
    [
      `*${p.when}* ${p.plan} \`#${p.id}\``,
      [
        p.briefed ? '準備のお知らせ: 送信済み' : '準備のお知らせ: まだ',
        p.consultation
          ? Number(p.answers) > 0
            ? `相談 #${p.consultation}: 回答 ${p.answers}件`
            : `相談 #${p.consultation}: 回答待ち`
          : 'まだ仲間に相談していません',
        ...(p.cover ? ['代打を募集中'] : []),
      ].join(' ・ '),
    ].join('\n'),
  upcomingHeader: (_p: P) => '*今後のセッション*',
  noUpcoming: (_p: P) => '予約済みのセッションはまだありません。',
  pendingHeader: (_p: P) => '*強みのまとめ（送付待ち）*',
  noPending: (_p: P) => '送付待ちのまとめはありません。',
  pendingLine: (p: P) => `${p.when} のセッション${p.overdue ? ' — :warning: 期限超過' : ''}`,
  addSlots: (_p: P) => '枠を追加',
  setAwayNext: (p: P) => `${Number(String(p.month).split('-')[1])}月を休みにする`,
  writeupDone: (_p: P) => '送った',
  notMember: (_p: P) =>
    'まだサポーター登録されていません。`/supporter join` で参加するか、`/slots add` で枠を登録すると始まります。',
};
