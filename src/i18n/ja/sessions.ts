/** Sessions (a booked slot: booking, the booking DM, the pre-session brief) — Japanese. */
import type { ErrorCode } from '../../domain/errors.js';

type P = Record<string, string | number>;

const PLAN_JA: Record<string, string> = { light: 'ライト', first: '初回', followup: '継続' };
const planJa = (p: P) => PLAN_JA[String(p.plan)] ?? String(p.plan);
/** The lines every session message shares; alias and topic arrive escaped for mrkdwn. */
const detailsJa = (p: P) =>
  [
    `• 日時: ${p.when}`,
    `• プラン: ${planJa(p)}`,
    `• 相談者: ${p.alias || '（未記入）'}`,
    `• 相談内容: ${p.topic || '（未記入）'}`,
  ].join('\n');

export const sessionsJa = {
  plan: planJa,
  booked: (p: P) =>
    `枠 #${p.id}（${p.when}）を予約済みにしました（${planJa(p)}${p.alias ? `・${p.alias}` : ''}）。準備のためのお知らせをDMで送ります。`,
  bookingHeader: (_p: P) => '予約が入りました',
  bookingText: (p: P) => `*予約が入りました* 🎉\n${detailsJa(p)}`,
  bookingNext: (_p: P) =>
    '他の得意分野を持つ仲間に聞いてみたいことがあれば、下のボタンから相談できます。前日と1時間前にも準備のお知らせを送ります。',
  askPeers: (_p: P) => '仲間に相談する',
  briefText: (p: P) =>
    `*セッションの準備（${Number(p.hours) >= 24 && Number(p.hours) % 24 === 0 ? `${Number(p.hours) / 24}日前` : `${p.hours}時間前`}）*\n${detailsJa(p)}`,
  briefAnswers: (p: P) =>
    Number(p.count) > 0
      ? `相談 #${p.id} には ${p.count}件の回答があります（${p.who}）。${p.link ? `<${p.link}|スレッドを見る>` : ''}`
      : `相談 #${p.id} にはまだ回答がありません。${p.link ? `<${p.link}|スレッドを見る>` : ''}`,
  briefNoConsultation: (_p: P) =>
    'まだ仲間への相談はありません。気になることがあれば今のうちに聞いてみましょう。',
  // Cover (代打): the post shows time and plan only, never alias or topic.
  coverButton: (_p: P) => '代打を頼む',
  coverPost: (p: P) =>
    `*代打のお願い* 🙏\n<@${p.asker}> さんの *${p.when}*（${planJa(p)}）のセッションを引き受けてくださる方はいませんか？`,
  coverTakeButton: (_p: P) => '引き受ける',
  coverPostTaken: (p: P) =>
    `*代打が決まりました* ✅\n${p.when}（${planJa(p)}）のセッションは <@${p.taker}> さんが引き受けてくれました。ありがとうございます！`,
  coverPostWithdrawn: (p: P) => `~代打のお願い~ ${p.when}（${planJa(p)}）: 取り下げられました。`,
  coverRequested: (p: P) =>
    `枠 #${p.id}（${p.when}）の代打のお願いを <#${p.channel}> に出しました。引き受けてくれる方が決まったらDMでお知らせします。取り下げるには \`/slots cover cancel ${p.id}\` です。`,
  coverCancelled: (p: P) => `枠 #${p.id}（${p.when}）の代打のお願いを取り下げました。`,
  coverTakenByYou: (p: P) =>
    `*代打を引き受けました* 🙌 ありがとうございます！（<@${p.asker}> さんから）\n${detailsJa(p)}\n枠・相談・強みのまとめはあなたに移りました。準備のお知らせもあなたに届きます。`,
  coverTakenFromYou: (p: P) =>
    `<@${p.taker}> さんが ${p.when} のセッションを引き受けてくれました。枠と相談は <@${p.taker}> さんに移りました。`,
};

export const sessionsErrorsJa = {
  plan_invalid: (p: P) =>
    `「${p.value}」はプランとして読めませんでした。\`ライト\`・\`初回\`・\`継続\`（light / first / followup）のどれかにしてください。`,
  session_not_found: (p: P) =>
    `セッション #${p.id} は見つかりませんでした（予約が取り消されたのかもしれません）。\`/slots list\` で確認できます。`,
  booking_target_missing: (_p: P) =>
    '予約する枠がわかりません。枠の番号（slot_id）か、サポーターと開始日時（supporter と start）を指定してください。',
  booking_start_invalid: (p: P) =>
    `開始日時「${p.value}」が読めませんでした。2026-12-03T19:00:00+09:00 のような ISO-8601 形式にしてください。`,
  booking_no_slot_at: (p: P) =>
    `${p.supporter} の ${p.start} に始まる枠はありません（削除されたのかもしれません）。先に \`/slots add\` で枠を登録してもらってください。`,
  cover_channel_missing: (_p: P) =>
    'サポーターのチャンネルがまだ設定されていないため、代打のお願いを出せません。運営に設定を頼んでください。',
  cover_started: (p: P) => `枠 #${p.id} のセッションはもう始まっています。代打は始まる前に頼んでください。`,
  cover_already_open: (p: P) =>
    `枠 #${p.id} の代打のお願いはもう出ています。取り下げるには \`/slots cover cancel ${p.id}\` です。`,
  cover_taken: (p: P) =>
    `この代打は ${p.user ? `<@${p.user}> さん` : 'ほかの方'}がすでに引き受けてくれました。ありがとうございます！`,
  cover_withdrawn: (_p: P) => 'この代打のお願いは、取り下げられたか予約が取り消されました。',
  cover_own: (_p: P) =>
    'これはあなた自身の代打のお願いです。取り下げるには `/slots cover cancel <枠の番号>` を使ってください。',
  cover_clash: (_p: P) =>
    'この時間にはあなたの別の枠があるため引き受けられません。`/slots list` で確認できます。',
  cover_none: (p: P) => `枠 #${p.id} に出ている代打のお願いはありません。`,
  csv_unterminated_quote: (p: P) => `${p.line}行目から始まる "…" が閉じられていません。`,
  csv_header_invalid: (p: P) => `1行目の見出しは ${p.expected} にしてください（いまは ${p.actual}）。`,
  csv_row_invalid: (p: P) => `列の数が見出しと合いません（${p.expected}列のはずが ${p.actual}列）。`,
} satisfies Partial<Record<ErrorCode, (p: P) => string>>;
