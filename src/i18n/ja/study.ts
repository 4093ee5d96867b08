/** Study sessions (勉強会) messages (Japanese). Errors go in studyErrorsJa; both are merged into ja.ts. */
import type { ErrorCode } from '../../domain/errors.js';
import { startOf } from '../when.js';

type P = Record<string, string | number>;

const ANSWER_JA: Record<string, string> = {
  going: '参加',
  not_going: '不参加',
  maybe: '未定',
  waitlisted: 'キャンセル待ち',
  none: '未回答',
};

const capacityPart = (p: P) => (p.capacity ? `（定員 ${p.capacity}）` : '');

export const studyJa = {
  help: (_p: P) =>
    [
      '*`/study` — 勉強会（キャリアサポーター同士の情報交換の場）*',
      '• `/study` — 入力フォームを開く（タイトル・日時・長さ・ホスト・説明・定員）',
      '• `/study add 12/10 20:00 90 採用市場の最新動向 #採用` — 日時・長さ（省略時60分）・タイトル・#タグ。`定員10` で定員も',
      '• `/study list`（一覧）— これからの勉強会と参加状況',
      '• `/study cancel <id>`（中止）— ホストか運営だけが中止できます。参加予定の人にDMでお知らせします',
      '• `/study remove <id> @user`（外す）— ホストか運営が参加枠を取り消します（キャンセル待ちが繰り上がります）',
      '投稿の「参加 / 不参加 / 未定」ボタンで出欠を答えられます。定員を超えるとキャンセル待ちになり、空きが出たら順に繰り上がります。',
    ].join('\n'),
  answer: (p: P) => ANSWER_JA[String(p.answer)] ?? String(p.answer),
  // The channel post
  postHeader: (p: P) => `勉強会 #${p.id} ・ ${p.when}`,
  postCancelledHeader: (p: P) => `【中止】勉強会 #${p.id} ・ ${p.when}`,
  postTitle: (p: P) => `*${p.title}*`,
  postHost: (p: P) => `ホスト: <@${p.user}>`,
  postTags: (p: P) => `テーマ: ${p.tags}`,
  postLength: (p: P) => `${p.minutes}分`,
  postCapacity: (p: P) => (p.capacity ? `定員 ${p.capacity}名` : '定員なし'),
  postCounts: (p: P) =>
    `*参加 ${p.going}${capacityPart(p)}* ・ キャンセル待ち ${p.waitlisted} ・ 未定 ${p.maybe} ・ 不参加 ${p.notGoing}`,
  postGoing: (p: P) => `参加: ${p.users}`,
  postWaiting: (p: P) => `キャンセル待ち: ${p.users}`,
  postMore: (p: P) => `ほか${p.n}人`,
  postCancelled: (_p: P) => ':no_entry: この勉強会は中止になりました。',
  postStarted: (_p: P) => 'この勉強会は開始済みです。',
  buttonGoing: (_p: P) => '参加',
  buttonNotGoing: (_p: P) => '不参加',
  buttonMaybe: (_p: P) => '未定',
  // Replies to commands and buttons
  added: (p: P) =>
    `勉強会 #${p.id}「${p.title}」（${p.when}）を${p.link ? `<${p.link}|告知しました>` : `<#${p.channel}>で告知しました`}。`,
  listHeader: (p: P) => `*これからの勉強会（${p.n}件）*`,
  listEmpty: (_p: P) => '予定されている勉強会はありません。`/study add 12/10 20:00 タイトル` で開けます。',
  listLine: (p: P) =>
    `• \`#${p.id}\` ${p.when} *${p.title}* — ホスト <@${p.host}> ・ 参加 ${p.going}${capacityPart(p)}${Number(p.waitlisted) > 0 ? ` ・ 待ち ${p.waitlisted}` : ''} ・ 未定 ${p.maybe}${p.mine ? ` ・ あなた: ${p.mine}` : ''}`,
  cancelled: (p: P) =>
    `勉強会 #${p.id}「${p.title}」を中止にしました。参加予定の${p.n}人にDMでお知らせします。`,
  alreadyCancelled: (p: P) => `勉強会 #${p.id} はすでに中止になっています。`,
  removed: (p: P) => `勉強会 #${p.id} の <@${p.user}> さんの参加枠を取り消しました。`,
  removeNoSpot: (p: P) => `<@${p.user}> さんは勉強会 #${p.id} に参加の登録がありません。`,
  rsvpGoing: (p: P) =>
    `勉強会 #${p.id}「${p.title}」に「参加」で登録しました。前日と1時間前にDMでお知らせします。`,
  rsvpWaitlisted: (p: P) =>
    `勉強会 #${p.id}「${p.title}」は満席のため、キャンセル待ち（${p.rank}番目）に登録しました。空きが出たらDMでお知らせします。`,
  rsvpNotGoing: (p: P) => `勉強会 #${p.id}「${p.title}」を「不参加」にしました。`,
  rsvpMaybe: (p: P) => `勉強会 #${p.id}「${p.title}」を「未定」にしました。`,
  rsvpSame: (p: P) => `勉強会 #${p.id} はすでに「${p.answer}」で登録済みです。`,
  // DMs (through delivery)
  promotedText: (p: P) =>
    `:tada: キャンセル待ちから繰り上がりました！勉強会 #${p.id}「${p.title}」（${p.when}）に「参加」で確定です。${p.link ? `<${p.link}|投稿を見る>` : ''}`,
  cancelledText: (p: P) =>
    `勉強会 #${p.id}「${p.title}」（${p.when}）は中止になりました。ご予定を空けていただいたのにごめんなさい。`,
  removedText: (p: P) => `勉強会 #${p.id}「${p.title}」（${p.when}）の参加枠がホストにより取り消されました。`,
  reminderDay: (p: P) =>
    `:books: 勉強会のリマインド（前日）: *${p.title}*（${p.when}、ホスト <@${p.host}>）。${p.link ? `<${p.link}|投稿を見る>` : ''}`,
  reminderHour: (p: P) =>
    `:alarm_clock: まもなく勉強会が始まります（1時間前）: *${p.title}*（${p.when}、ホスト <@${p.host}>）。${p.link ? `<${p.link}|投稿を見る>` : ''}`,
  followupText: (p: P) =>
    `<@${p.host}> 勉強会「${p.title}」お疲れさまでした！ 資料やメモのリンクをこのスレッドで共有してもらえますか？ 参加できなかった仲間の学びになります :pray:`,
  // Modal
  modalTitle: (_p: P) => '勉強会を開く',
  modalSessionTitle: (_p: P) => 'タイトル',
  modalSessionTitleHint: (_p: P) => '#タグを含めるとテーマとして表示されます（例: 採用市場の最新動向 #採用）',
  modalDate: (_p: P) => '日付',
  modalTime: (_p: P) => '開始時刻',
  modalMinutes: (_p: P) => '長さ（分）',
  modalHost: (_p: P) => 'ホスト',
  modalDescription: (_p: P) => '内容・参加方法（任意）',
  modalCapacity: (_p: P) => '定員（任意）',
  modalCapacityHint: (_p: P) => '定員を超えた参加はキャンセル待ちになり、空きが出たら順に繰り上がります。',
  modalSubmit: (_p: P) => '告知する',
  modalCancel: (_p: P) => 'キャンセル',
  // App Home and digest
  homeHeader: (_p: P) => '*これからの勉強会*',
  homeEmpty: (_p: P) => '予定されている勉強会はありません。`/study` で開けます。',
  homeLine: (p: P) =>
    `• \`#${p.id}\` ${p.when} *${p.title}*${p.hosting ? '（ホスト）' : ''} — 参加 ${p.going}${capacityPart(p)} ・ あなた: ${p.mine}`,
  digestLine: (p: P) => `これからの勉強会: ${p.n}件`,
  // .ics export
  icsStudySummary: (p: P) => `勉強会: ${p.title}`,
  icsCancelledSummary: (p: P) => `【中止】勉強会: ${p.title}`,
  icsSessionSummary: (p: P) => `キャリア相談セッション（${p.plan}）`,
  icsHost: (p: P) => `ホスト: ${p.host}`,
};

export const studyErrorsJa = {
  study_usage: (_p: P) =>
    '日時とタイトルを書いてください。例: `/study add 12/10 20:00 90 採用市場の最新動向 #採用`',
  study_when_invalid: (p: P) =>
    `「${p.text}」を勉強会の日時として読めませんでした。\`/study add 12/10 20:00 90 タイトル\` のように、日付・開始時刻（・長さ）・タイトルの順に書いてください。`,
  study_in_past: (p: P) =>
    `「${startOf(p, 'ja')}」はすでに過ぎた日時です。これから先の日時を指定してください。`,
  study_length_invalid: (p: P) =>
    `長さ${p.minutes}分は指定できません。${p.min}〜${p.max}分で指定してください。`,
  study_title_missing: (_p: P) =>
    'タイトルがありません。例: `/study add 12/10 20:00 採用市場の最新動向 #採用`',
  study_title_too_long: (p: P) => `タイトルが長すぎます（最大 ${p.max} 文字）。`,
  study_description_too_long: (p: P) => `説明が長すぎます（最大 ${p.max} 文字）。`,
  study_capacity_invalid: (p: P) => `定員は 1〜${p.max} の整数で指定してください。`,
  study_host_invalid: (_p: P) => 'ホストにはメンバー（人）を選んでください。',
  study_not_found: (p: P) =>
    `勉強会 #${p.id} は見つかりませんでした。\`/study list\` で番号を確認してください。`,
  study_not_host: (p: P) => `勉強会 #${p.id} を変更できるのは、ホストと運営メンバーだけです。`,
  study_cancelled: (p: P) => `勉強会 #${p.id} は中止になったため、出欠は受け付けていません。`,
  study_closed: (p: P) => `勉強会 #${p.id} はすでに始まっているため、出欠は変更できません。`,
  study_channel_missing: (_p: P) =>
    '勉強会を告知するチャンネルがまだ設定されていません。運営に連絡してください。',
  study_user_missing: (_p: P) => '対象のメンバーを `@名前` で指定してください。例: `/study remove 12 @ken`',
} satisfies Partial<Record<ErrorCode, (p: P) => string>>;
