/**
 * Busy times (Japanese): `/supporter busy`, the clash warnings after `/slots add` and the reminder's note.
 * A busy event is only ever named by its time: never its title or place (the supporter's employer's data).
 */
type P = Record<string, string | number>;

const WHAT_TO_PASTE_JA =
  'Google カレンダーなら「設定 → マイカレンダーの設定 → カレンダーの統合 → iCal 形式の非公開 URL」、Outlook なら「設定 → 予定表 → 共有予定表 → 予定表を公開 → ICS」のリンク（https:// で始まるもの）を貼ってください。例: `/supporter busy https://calendar.google.com/calendar/ical/…/basic.ics`';

const status = (s: number) =>
  s === 404 || s === 410
    ? `アドレスが見つかりませんでした（HTTP ${s}）。リンクを作り直したなら新しいアドレスを貼ってください`
    : s === 401 || s === 403
      ? `読む権限がありませんでした（HTTP ${s}）。非公開 URL か、公開した ICS のリンクを使ってください`
      : `カレンダーのサーバーがエラーを返しました（HTTP ${s}）`;

/** Why a calendar could not be read, in words (BusyProblem). */
const problem = (p: P): string => {
  switch (p.problem) {
    case 'timeout':
      return '5秒待っても返事がありませんでした';
    case 'too_large':
      return 'カレンダーが大きすぎました（2MB まで）';
    case 'http_status':
      return status(Number(p.status));
    case 'not_calendar':
      return '届いたのがカレンダー（iCalendar 形式）ではありませんでした。ICS のリンクか確かめてください';
    case 'bad_redirect':
      return '転送先が https ではなかったので読みませんでした';
    case 'too_many_redirects':
      return '転送が多すぎました';
    default:
      return 'カレンダーのサーバーにつながりませんでした';
  }
};

export const busyJa = {
  problem,
  urlInvalid: (p: P) =>
    `${p.reason === 'scheme' ? 'https:// で始まるアドレスだけ使えます。' : 'カレンダーのアドレス（URL）として読めませんでした。'}${WHAT_TO_PASTE_JA}`,
  setOk: (p: P) =>
    [
      `本業のカレンダーを登録しました（${p.hint}）。${p.month}の予定 ${p.events}件を読めました。`,
      '枠を追加したときに重なる予定があればお知らせします（枠はそのまま登録します）。予定の名前や場所は読んでも表示しません。やめるときは `/supporter busy off`。',
    ].join('\n'),
  setFailed: (p: P) =>
    [
      `本業のカレンダーを登録しました（${p.hint}）が、いま読めませんでした: ${p.why}。`,
      'アドレスはこのまま使い、枠の追加のたびに読み直します。違うアドレスなら貼り直すか、`/supporter busy off` で消してください。',
    ].join('\n'),
  off: (_p: P) => '本業のカレンダーの登録を消しました（アドレスも読んだ予定も残していません）。',
  wasOff: (_p: P) => '本業のカレンダーは登録されていません。',
  stateOn: (p: P) =>
    `本業のカレンダー: ${p.hint}（枠が予定と重なるとお知らせします。消すときは \`/supporter busy off\`）`,
  stateOff: (_p: P) =>
    `本業のカレンダー: 未登録。\`/supporter busy <ICS の URL>\` で登録すると、枠が本業の予定と重なるときにお知らせします。\n${WHAT_TO_PASTE_JA}`,
  homeLine: (p: P) =>
    `🗓 本業のカレンダー ${p.hint} と照らして、重なる枠をお知らせします（\`/supporter busy off\` で解除）`,
  statusLine: (p: P) => `本業のカレンダー: ${p.hint || '未登録（`/supporter busy <URL>`）'}`,
  allDay: (_p: P) => '終日',
  clash: (p: P) => `⚠ ${p.slot} は本業の予定 ${p.busy} と重なっています（枠は登録しました）`,
  checkFailed: (p: P) => `（本業の予定との重なりは確かめられませんでした: ${p.why}。枠は登録しました）`,
  suggestionClash: (p: P) => `（本業の予定と重なる日: ${p.dates}）`,
};
