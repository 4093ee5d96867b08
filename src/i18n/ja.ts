/**
 * Japanese — the default language and the shape every other table must match (see index.ts).
 * Keep the tone of the community: short, warm, concrete about what to do next.
 */
import type { ErrorCode } from '../domain/errors.js';
import { busyJa } from './ja/busy.js';
import { calendarJa } from './ja/calendar.js';
import { consultErrorsJa, consultJa } from './ja/consult.js';
import { jobsErrorsJa, jobsJa } from './ja/jobs.js';
import { PII_JA, privacyJa } from './ja/privacy.js';
import { sessionsErrorsJa, sessionsJa } from './ja/sessions.js';
import { setupErrorsJa } from './ja/setup.js';
import { homeJa, slotErrorsJa, slotsJa, statusJa, supporterJa } from './ja/slots.js';
import { studyErrorsJa, studyJa } from './ja/study.js';
import { writeupsErrorsJa, writeupsJa } from './ja/writeups.js';
import { slotWhenOf } from './when.js';

type P = Record<string, string | number>;

const PLAN_LABEL_JA: Record<string, string> = { light: 'ライト', first: '初回', followup: '継続' };

/** What to do about a finding; by default, remove it. */
const PII_NEXT_JA: Record<string, string> = {
  person_name:
    '「Aさん」「相談者さん」のような呼び方に変えてから送ってください（例に挙げる著名人なら姓だけで通ります）。',
};

export const ja = {
  common: {
    weekdays: ['月', '火', '水', '木', '金', '土', '日'],
    holidayMark: '祝',
    minutes: (p: P) => `${p.n}分`,
    plan: { light: 'ライト', first: '初回', followup: '継続' } as Record<string, string>,
  },
  help: {
    slots: [
      '*`/slots` — 相談枠の登録と確認*',
      '• `/slots add 12/3 19:00` — 枠を追加（複数は改行・`,`・`、`で区切る）',
      '• `/slots add 12月3日 19時 90分`、`12/3 19:00-20:30`、`2026-12-03 19:00 初回`',
      '• `/slots add 毎週火曜 20:00` / `平日 20:00` — その月の残りの曜日にまとめて追加',
      '• `明日 19時`、`来週火曜 20:00-21:00`、`第2土曜 10時`、`12/3(木) 夜7時`、`23:00-0:30`（翌日まで）も書けます',
      '日付: 週は月曜始まりです（`来週火曜` は次の月曜から始まる週の火曜、`火曜` だけなら次に来る火曜）。年のない日付がすでに過ぎていたら、来年の分は `2027/12/1` のように年から書いてください。',
      '• `/slots list [2026-12]` — 枠の一覧とノルマの進み具合',
      '• `/slots remove <id…>`（削除） / `unbook <id>`（予約取消）',
      '• `/slots cover <id>`（代打） — 予約済みのセッションを仲間に頼む（`cover cancel <id>` で取り下げ）',
      '• `/slots book <id> [相談者] [プラン] [相談内容…]`（予約）— 例: `/slots book 12 Aさん 初回 転職の軸が定まらない`（相談者は `Aさん` のような呼び名で。本名や連絡先は書かないでください）',
      '• `/slots outcome <id> 実施|不参加|キャンセル`（結果）— 終わったセッションがどうだったかを記録（強みのまとめは `/writeup`）',
      '長さ: `45`/`ライト`、`90`/`初回`、`60`/`継続`（省略時60分）。日本語の別名: 追加・一覧・削除・予約・予約取消',
    ].join('\n'),
    consult: [
      '*`/consult` — セッション前にサポーター仲間へ相談*',
      '• `/consult` — 入力フォームを開く',
      '• `/consult 12/3 19:00 初回 転職の軸が定まらない方。どう深掘りする？ #人材紹介 #HR`',
      'その時間のあなたの枠を予約済みにします（枠がなければ予約済みの枠を作り、ノルマに数えます）。長さはプランに合わせます。返信の「相談 #3」は相談の番号、「枠 #26」は枠の番号です。',
      '• `/consult done <相談の番号>`（完了）— 解決した / `/consult writeup <相談の番号>`（レポート済）— 強みのまとめを送った',
      '相談者さんの個人情報（メールアドレス・電話番号など）は書かないでください。',
    ].join('\n'),
    supporter: [
      '*`/supporter` — サポーター登録と設定*',
      '• `join`（参加） / `leave`（退会）',
      '• `expertise HR 採用 派遣`（専門） — 得意領域。相談が来たときにお知らせします',
      '• `away 2026-12`（休み） — その月はリマインドしません',
      '• `status`（状況） / `lang ja|en`（言語）',
      '• `calendar`（カレンダー） — 予定をカレンダーアプリで購読するリンク（`calendar reset` で作り直し）',
      '• `busy <ICS の URL>`（本業） — 本業のカレンダーを登録すると、枠が本業の予定と重なるときにお知らせします（`busy` で確認、`busy off` で消す）',
      '運営のみ: `digest`（ダイジェスト） / `exempt @user 2026-12`（免除） / `quota 5`（ノルマ） / `erase consultation <id>`（削除）',
    ].join('\n'),
  },
  slots: slotsJa,
  supporter: supporterJa,
  home: homeJa,
  jobs: jobsJa,
  privacy: privacyJa,
  study: studyJa,
  sessions: sessionsJa,
  writeups: writeupsJa,
  consult: consultJa,
  calendar: calendarJa,
  busy: busyJa,
  errors: {
    ...jobsErrorsJa,
    ...setupErrorsJa,
    ...consultErrorsJa,
    ...studyErrorsJa,
    ...sessionsErrorsJa,
    ...slotErrorsJa,
    ...writeupsErrorsJa,
    generic: (_p: P) => 'ごめんなさい、処理中にエラーが起きました。少し待ってからもう一度お試しください。',
    permission_denied: (_p: P) => 'この操作は運営メンバーだけが使えます。',
    not_yours: (_p: P) => 'これはあなた宛てのボタンではないため、操作できません。',
    modal_expired: (_p: P) =>
      'フォームを開くのが間に合いませんでした（Slack が待てるのは3秒だけです）。もう一度コマンドを送るか、ボタンを押し直してください。',
    unknown_subcommand: (p: P) =>
      `\`${p.command} ${p.sub}\` は分かりませんでした。\`${p.command} help\` で使い方を表示します。`,
    input_too_long: (p: P) => `${p.field} が長すぎます（最大 ${p.max} 文字）。短くしてください。`,
    month_invalid: (p: P) => `「${p.value}」は月として読めませんでした。\`2026-12\` のように書いてください。`,
    slot_empty: (_p: P) => '追加する枠がありません。例: `/slots add 12/3 19:00`',
    slot_overlap_existing: (p: P) =>
      `「${p.entry}」は登録済みの枠 #${p.id}（${slotWhenOf(p, 'ja')}）と重なっています。`,
    slot_overlap_in_command: (p: P) => `「${p.entry}」は同じコマンド内の「${p.other}」と重なっています。`,
    slot_too_many: (p: P) =>
      `一度に追加できるのは${p.max}枠までです（${p.count}枠ありました）。分けて追加してください。`,
    slot_pattern_empty: (p: P) => `「${p.entry}」に当てはまる日が今月の残りにありません。`,
    slot_not_found: (p: P) =>
      `枠 #${p.id} は見つかりませんでした。\`/slots list\` で番号を確認してください。`,
    slot_not_yours: (p: P) => `枠 #${p.id} はあなたの枠ではないため、変更できません。`,
    slot_status_conflict: (p: P) =>
      `枠 #${p.id} は現在「${statusJa[String(p.status)] ?? p.status}」なので、この操作はできません。`,
    slot_id_missing: (_p: P) =>
      '枠の番号を指定してください。例: `/slots remove 12`（番号は `/slots list` で確認）',
    consult_pii: (p: P) =>
      `個人情報らしきもの（${PII_JA[String(p.kind)] ?? p.kind}: 「${p.fragment}」）が含まれています。${PII_NEXT_JA[String(p.kind)] ?? 'この部分を削除してから送ってください。'}何も投稿していません。`,
    consult_in_past: (_p: P) => 'セッション日時がすでに過ぎています。これから先の日時を指定してください。',
    consult_text_missing: (_p: P) =>
      '相談内容がありません。例: `/consult 12/3 19:00 初回 転職の軸に迷っている方への問いかけ #HR`',
    consult_datetime_missing: (_p: P) =>
      'セッションの日時が読めませんでした。`/consult 12/3 19:00 …` のように日付と時刻から始めてください。',
    consult_not_found: (p: P) => `相談 #${p.id} は見つかりませんでした。`,
    consult_not_yours: (p: P) => `相談 #${p.id} はあなたの相談ではないため、変更できません。`,
    consult_channel_missing: (_p: P) =>
      '相談を投稿するチャンネルがまだ設定されていません。運営に連絡してください。',
    consult_slot_conflict: (p: P) =>
      `その時間には枠 #${p.id}（${slotWhenOf(p, 'ja')}）が入っています。時間を変えるか、\`/slots list\` で枠を確かめてください。何も投稿していません。`,
    consult_slot_too_short: (p: P) =>
      `枠 #${p.id} を${PLAN_LABEL_JA[String(p.plan)] ?? ''}（${p.planMinutes}分）の長さに延ばすと、枠 #${p.other}（${slotWhenOf(p, 'ja')}）と重なります。プランを変えるか、枠 #${p.other} を動かしてからもう一度送ってください。何も投稿していません。`,
    tags_empty: (_p: P) => '専門分野を1つ以上書いてください。例: `/supporter expertise HR 採用 派遣`',
    tag_too_long: (p: P) =>
      `専門分野「${p.tag}」は${p.length}文字あります。1つ${p.max}文字までにして、もう一度送ってください。専門分野は変えていません。`,
    tag_invalid: (p: P) =>
      `「${p.tag}」は専門分野として使えません（\`<\` \`>\` \`|\` は使えません）。専門分野は変えていません。`,
    tags_too_many: (p: P) =>
      `専門分野は${p.max}個までです（${p.count}個ありました）。しぼってもう一度送ってください。専門分野は変えていません。`,
    quota_invalid: (p: P) => `「${p.value}」はノルマとして使えません。1〜31 の整数で指定してください。`,
    user_mention_missing: (_p: P) => '対象のメンバーを `@名前` で指定してください。',
    locale_invalid: (p: P) => `「${p.value}」には対応していません。\`ja\` か \`en\` を指定してください。`,
    not_on_roster: (_p: P) => 'まだサポーター登録されていません。`/supporter join` で参加できます。',
    busy_url_invalid: (p: P) => `${busyJa.urlInvalid(p)}\n何も登録していません。`,
  } satisfies Record<ErrorCode, (p: P) => string>,
};
