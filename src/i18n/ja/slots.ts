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
    if (Number(p.missing) === 0) return `${label}: ${p.count}枠 / ${p.quota}枠 — 達成です 🎉`;
    return `${label}: ${p.count}枠 / ${p.quota}枠 — あと${p.missing}枠`;
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
    '例: 12/3 19:00 ／ 12月10日 20時 90分 ／ 明日 19時 ／ 来週火曜 20:00-21:00（週は月曜始まり）／ 毎週火曜 20:00（その月の残りの火曜）',
  modalSubmit: (_p: P) => '追加',
  modalCancel: (_p: P) => 'キャンセル',
  previewEmpty: (_p: P) => '入力すると、追加される枠がここに表示されます。',
  previewHeader: (p: P) => `*追加される枠（${p.n}枠）*`,
  previewLine: (p: P) => `• ${p.when} ${p.plan}（${p.minutes}）`,
  previewMore: (p: P) => `…ほか${p.n}枠`,
  previewOtherMonth: (p: P) =>
    `※ 日付を書いた枠は、その日付の月に入ります（${p.months}）。月の欄は「3日」「毎週火曜」などに使います。`,
};

export const supporterJa = {
  joined: (p: P) =>
    `サポーターとして登録しました。ようこそ！ \`/slots add\` で相談枠を登録しましょう（月${p.quota}枠以上）。`,
  alreadyJoined: (_p: P) => 'すでにサポーターとして登録されています。',
  left: (_p: P) => '退会しました。これまでありがとうございました。リマインドはもう届きません。',
  notMember: (_p: P) => 'サポーターとして登録されていませんでした。',
  expertiseSet: (p: P) => `専門分野を登録しました: ${p.tags}\n相談にこの分野のタグが付くとお知らせします。`,
  awaySet: (p: P) => `${p.months}を休みにしました。その月はリマインドせず、ノルマの集計からも外します。`,
  statusHeader: (_p: P) => '*あなたの状況*',
  statusMember: (p: P): string => (p.member ? '登録: サポーター' : '登録: まだです（`/supporter join`）'),
  statusExpertise: (p: P) => `専門: ${p.tags || '未設定（`/supporter expertise HR 採用`）'}`,
  statusAway: (p: P) => `休み: ${p.months || 'なし'}`,
  langSet: (_p: P) => '表示言語を日本語にしました。',
  exemptSet: (p: P) => `<@${p.user}> の${p.months}のノルマを免除しました。`,
  quotaSet: (p: P) => `${monthJa(p.from!)}以降のノルマを月${p.quota}枠にしました。`,
  digestPosted: (p: P) => `ダイジェストを投稿しました（${p.where}）。`,
  digestNowhere: (_p: P) =>
    'ダイジェストの送り先（運営チャンネルか運営メンバー）がまだ設定されていません。設定の担当者に頼んでください。',
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
  unsetAwayNext: (p: P) => `${Number(String(p.month).split('-')[1])}月の休みを取り消す`,
  writeupDone: (_p: P) => '送った',
  notMember: (_p: P) =>
    'まだサポーター登録されていません。`/supporter join` で参加するか、`/slots add` で枠を登録すると始まります。',
};

/** `（「25:00」）`: the part of the entry an error is about, when there is one. */
const quoted = (token: string | number | undefined): string => (token ? `（「${token}」）` : '');

const SLOT_EXAMPLES_JA =
  '`12/3 19:00`、`明日 19時 90分`、`来週火曜 20:00-21:00`、`毎週火曜 20:00` のように書いてください。';
const DUPLICATE_JA: Record<string, string> = {
  date: '日付が2つあります',
  time: '時刻が2つあります',
  weekday: '曜日が2つあります',
};
const DUPLICATE_HINT_JA: Record<string, string> = {
  date: '1行に1つの枠を書いてください（複数なら改行か `、` で区切ります）。',
  time: '時間帯なら `19:00-20:00` のように書いてください。',
  weekday: '曜日は1つにしてください。',
};

/** Errors of the slot parser (used by `/slots add`, the slots modal, `/consult` and `/study`). */
export const slotErrorsJa = {
  slot_unrecognized: (p: P) =>
    p.token && String(p.token) !== String(p.entry).normalize('NFKC')
      ? `「${p.entry}」の「${p.token}」が読めませんでした。${SLOT_EXAMPLES_JA}`
      : `「${p.entry}」を枠として読めませんでした。${SLOT_EXAMPLES_JA}`,
  slot_date_invalid: (p: P) =>
    `「${p.entry}」の日付が存在しません${quoted(p.token)}。カレンダーを確認してください。`,
  slot_date_missing: (p: P) =>
    `「${p.entry}」に日付がありません。\`12/3 19:00\` や \`明日 19時\`、\`火曜 20時\` のように日付か曜日を入れてください。`,
  slot_weekday_mismatch: (p: P) =>
    `「${p.entry}」: ${p.date} は${p.actual}曜日です（「${p.token ?? p.written}」と書かれています）。日付か曜日を直してください。`,
  slot_time_missing: (p: P) =>
    `「${p.entry}」に開始時刻がありません。\`19:00\` や \`19時\`、\`夜7時\` のように時刻を入れてください。`,
  slot_time_invalid: (p: P) =>
    `「${p.entry}」の時刻が正しくありません${quoted(p.token)}。\`19:00\` のように24時間表記で書いてください。`,
  slot_time_ambiguous: (p: P) =>
    `「${p.entry}」の時刻が午前か午後か分かりません${quoted(p.token)}。\`19:00\`、\`夜7時\`、\`7pm\` のように書いてください。`,
  slot_length_out_of_range: (p: P) =>
    `「${p.entry}」の長さ${p.minutes}分は範囲外です。15〜240分で指定してください（ライト45・初回90・継続60）。`,
  slot_end_before_start: (p: P) =>
    `「${p.entry}」の終了時刻が開始時刻より前です${quoted(p.token)}。日をまたぐ枠は4時間まで書けます（例: \`23:00-0:30\`）。`,
  slot_in_past: (p: P) => `「${p.entry}」はすでに過ぎた日時です。これから先の日時を指定してください。`,
  slot_recent_past: (p: P) =>
    `「${p.entry}」の「${p.token}」は${p.days}日前に過ぎています。来年のことなら \`${p.nextYear}\` のように年から書いてください。`,
  slot_duplicate: (p: P) =>
    `「${p.entry}」には${DUPLICATE_JA[String(p.what)] ?? '同じものが2つあります'}（「${p.token}」）。${DUPLICATE_HINT_JA[String(p.what)] ?? ''}`,
  slot_length_conflict: (p: P) =>
    `「${p.entry}」の長さが合いません: ${p.minutes}分と「${p.token}」（${p.other}分）。どちらか一方にしてください。`,
};
