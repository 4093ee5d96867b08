/** Messages sent by jobs (Japanese): quota reminders, the operator digest, advice nudges, write-up reminders. */
type P = Record<string, string | number>;

const monthJa = (month: string | number) => {
  const [y, m] = String(month).split('-');
  return `${y}年${Number(m)}月`;
};

export const jobsJa = {
  quotaText: (p: P) =>
    `*${monthJa(p.month!)}の相談枠*: いま${p.count}枠 / ${p.quota}枠です。あと${p.missing}枠で月のお約束（${p.quota}枠）に届きます。`,
  quotaSuggest: (_p: P) => 'これまでの枠をもとにした例です（「枠を追加」のフォームに貼り付けられます）:',
  quotaAwayHint: (p: P) => `この月がお休みなら \`/supporter away ${p.month}\` で知らせてください。`,
  quotaButton: (_p: P) => '枠を追加',
  digestHeader: (p: P) => `運営ダイジェスト ${p.date}`,
  digestCapacity: (p: P) =>
    `${monthJa(p.month!)}: 提供枠 *${p.offered}* / 必要枠 ${p.needed}（${p.active}人 × ${p.quota}枠）`,
  digestBelowHeader: (p: P) => `*ノルマ未達（${p.n}人）*`,
  digestBelowLine: (p: P) => `<@${p.user}> ${p.count}枠 / ${p.quota}枠`,
  digestMore: (p: P) => `…ほか${p.n}人（全員は \`supporter-desk export supporters --month ${p.month}\`）`,
  digestExcused: (p: P) => `休み・免除: ${p.n}人`,
  digestUnansweredHeader: (p: P) => `*未回答の相談（${p.n}件）*`,
  digestUnansweredLine: (p: P) => `${p.link} <@${p.user}> セッション ${p.when}`,
  digestOverdueHeader: (p: P) => `*期限を過ぎた強みのまとめ（${p.n}件）*`,
  digestOverdueLine: (p: P) => `<@${p.user}> ${p.when} のセッション`,
  digestNone: (_p: P) => 'なし',
  nudgeText: (p: P) =>
    `<@${p.asker}> さんの相談 #${p.id} に、あなたの専門（${p.tags}）の視点をもらえませんか？\n>${p.question}\nセッション: ${p.when} ・ <${p.link}|スレッドで答える>`,
  bumpText: (p: P) =>
    `この相談にはまだ回答がありません（セッション ${p.when}）。どなたか視点をください :pray:`,
  ladderBumpText: (p: P) =>
    `この相談にはまだ回答がありません。セッション（${p.when}）まであと少しです。${p.mentions ? `${p.mentions} さん、` : 'どなたか、'}ひとことでも視点をいただけませんか？ :pray:`,
  ladderOperatorsText: (p: P) =>
    `:rotating_light: <@${p.asker}> さんの相談 #${p.id} に、セッション（${p.when}）の2時間前になっても回答がありません。<${p.link}|スレッドを見る>`,
  digestLadderHeader: (p: P) => `*回答の早さ（直近30日）*: 最初の回答まで中央値 ${p.median}`,
  digestMedianNone: (_p: P) => '—（回答された相談なし）',
  digestHours: (p: P) => `${p.h}時間${Number(p.m) ? `${p.m}分` : ''}`,
  digestStage3Header: (p: P) => `*運営に知らせた相談（直近30日・${p.n}件）*`,
  writeupText: (p: P) =>
    `${p.when} のセッションお疲れさまでした。相談者さんへの強みのまとめはお済みですか？ 送ったら下のボタン${p.id ? `（または \`/consult writeup ${p.id}\`）` : ''}で記録してください。`,
  writeupButton: (_p: P) => '送った',
};

export const jobsErrorsJa = {};
