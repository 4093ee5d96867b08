/** After the session (Japanese): the outcome DM, `/writeup`, the write-up builder modal and its DMs. */
import type { ErrorCode } from '../../domain/errors.js';

type P = Record<string, string | number>;

const OUTCOME_JA: Record<string, string> = {
  held: '実施した',
  no_show: '相談者が来なかった',
  cancelled: 'キャンセルになった',
};
const outcomeJa = (p: P) => OUTCOME_JA[String(p.outcome)] ?? String(p.outcome);
const PLAN_JA: Record<string, string> = { light: 'ライト', first: '初回', followup: '継続' };
const aboutJa = (p: P) => `${PLAN_JA[String(p.plan)] ?? p.plan}${p.alias ? `・${p.alias}` : ''}`;

export const writeupsJa = {
  help: [
    '*`/writeup` — 相談者さんへの強みのまとめ*（まとめ）',
    '• `/writeup` — まだ送っていないまとめの一覧（ボタンから書けます）',
    '• `/writeup <セッション番号>` — まとめを書く（プランに合わせた型が開きます。下書きは何度でも保存できます）',
    '• `/writeup done <セッション番号>`（送付済み）— 相談者さんに送ったことを記録',
    'セッションの結果は `/slots outcome <枠の番号> 実施|不参加|キャンセル` で記録できます。',
  ].join('\n'),
  outcome: outcomeJa,
  outcomeText: (p: P) =>
    `*${p.when} のセッション*（${aboutJa(p)}）お疲れさまでした。どうでしたか？ 押さなければ「実施した」として扱います。`,
  outcomeHeld: (_p: P) => '実施した',
  outcomeNoShow: (_p: P) => '相談者が来なかった',
  outcomeCancelled: (_p: P) => 'キャンセルになった',
  outcomeChosen: (p: P) =>
    `*${p.when} のセッション*（${aboutJa(p)}）: 「${outcomeJa(p)}」と記録しました。${
      p.outcome === 'held'
        ? '強みのまとめは下のボタンから書けます。'
        : 'まとめもリマインドも要りません。枠はノルマの提供枠に数えたままです。'
    }`,
  outcomeRecorded: (p: P) =>
    `枠 #${p.id}（${p.when}）を「${outcomeJa(p)}」として記録しました。${
      p.outcome === 'held'
        ? `まとめは \`/writeup ${p.session}\` で書けます。`
        : 'まとめもリマインドも要りません。枠はノルマに数えたままです。'
    }`,
  digestNoShows: (p: P) =>
    `${String(p.month).replace(/^(\d{4})-0?(\d{1,2})$/, '$1年$2月')}の「相談者が来なかった」セッション: ${p.n}件（提供枠には数えています）`,
  writeButton: (_p: P) => 'まとめを書く',
  listHeader: (p: P) => `*強みのまとめ — 送付待ち ${p.n}件*`,
  listLine: (p: P) =>
    `\`#${p.id}\` ${p.when}（${aboutJa(p)}）${p.finished ? ' — 完成・未送付' : p.draft ? ' — 下書きあり' : ''}${p.overdue ? ' — :warning: 期限超過' : ''}`,
  listEmpty: (_p: P) => '送付待ちのまとめはありません。お疲れさまでした！',
  homeHeader: (_p: P) => '*強みのまとめ（送付待ち）*',
  homeEmpty: (_p: P) => '送付待ちのまとめはありません。',
  draftMark: (_p: P) => '下書き',
  modalTitle: (_p: P) => '強みのまとめ',
  modalSubmit: (_p: P) => '保存',
  modalClose: (_p: P) => '閉じる',
  modalIntro: (p: P) =>
    `*${p.when} のセッション*（${aboutJa(p)}）\n話の内容を振り返りながら、相談者さんの次の一歩につながる言葉にしていきましょう。`,
  fieldStrength: (p: P) => `強み ${p.n}`,
  fieldEpisode: (p: P) => `強み ${p.n} のエピソード（相談者さんの言葉で）`,
  fieldValues: (_p: P) => '大切にしている価値観',
  fieldNext: (_p: P) => '次の一歩',
  fieldChanged: (_p: P) => '前回の「次の一歩」から変わったこと',
  hintStrength: (_p: P) =>
    '見えた行動で書きます（例:「迷いながらも3社に自分から話を聞きに行った」）。「真面目」「行動力がある」のような性格のラベルだけにしないでください。',
  hintEpisode: (_p: P) => '相談者さんが話した言葉をそのまま引くと、本人に届きます（「」で囲んで）。',
  hintValues: (_p: P) => '話の中で何度も出てきたこと、選ぶときの決め手になっていることを書きます。',
  hintNext: (_p: P) => '小さく具体的に。いつまでに、何をするか（例:「今週中に職務経歴書の1社目を書く」）。',
  hintChanged: (_p: P) => '前回の次の一歩に対して、やってみたこと・気づいたことを書きます。',
  lastNextStep: (p: P) => `*前回の次の一歩*（${p.when}）:\n>${p.text}`,
  noLastNextStep: (_p: P) => '同じ相談者さんの前回のまとめは見つかりませんでした。',
  finishLabel: (_p: P) => '仕上げ',
  finishOption: (_p: P) => '完成（整えた文面をDMで受け取る）',
  finishHint: (_p: P) => 'チェックせずに保存すると下書きになります。あとで `/writeup` から続きを書けます。',
  savedNote: (p: P) =>
    `:floppy_disk: 下書きを保存しました（${p.time}）。閉じても \`/writeup ${p.id}\` から続きを書けます。`,
  piiWarning: (p: P) =>
    `:warning: 個人情報らしきもの（${p.kind}:「${p.fragment}」）が含まれています。相談者さんに届く文面なので、要らなければ消してください（保存はしてあります）。`,
  finishedText: (p: P) =>
    `*強みのまとめができました*（${p.when}・${aboutJa(p)}）\nそのままコピーして、予約サービスのメッセージやメールに貼り付けられます。送ったら下のボタンを押してください。`,
  sentButton: (_p: P) => '送った',
  /** Replaces the buttons of a write-up reminder once 送った is clicked. */
  reminderSent: (_p: P) => '送付済み ✓',
  sentDone: (p: P) => `*強みのまとめ*（${p.when}・${aboutJa(p)}）: 送付済み ✓`,
  docStrength: (p: P) => `■ 強み${p.n}`,
  docValues: (_p: P) => '■ 大切にしている価値観',
  docNext: (_p: P) => '■ 次の一歩',
  docChanged: (_p: P) => '■ 前回からの変化',
  markedSent: (p: P) => `セッション #${p.id} のまとめを送付済みにしました。お疲れさまでした！`,
  alreadySent: (p: P) => `セッション #${p.id} のまとめはもう送付済みです。`,
};

export const writeupsErrorsJa = {
  outcome_invalid: (p: P) =>
    `「${p.value}」は結果として読めませんでした。\`実施\`・\`不参加\`・\`キャンセル\`（held / no_show / cancelled）のどれかにしてください。`,
  outcome_usage: (_p: P) =>
    '使い方: `/slots outcome <枠の番号> 実施|不参加|キャンセル`（例: `/slots outcome 12 不参加`）。番号は `/slots list` で確認できます。',
  outcome_not_ended: (p: P) =>
    `枠 #${p.id} のセッションはまだ始まっていません。終わってから記録してください。`,
  writeup_not_owed: (p: P) =>
    `セッション #${p.id} は「${outcomeJa(p)}」と記録されているので、まとめは要りません。実施していたなら \`/slots outcome ${p.slot} 実施\` で直せます。`,
  writeup_not_started: (p: P) => `セッション #${p.id} はまだ始まっていません。終わってから書きましょう。`,
  writeup_fields_missing: (p: P) =>
    `完成にするには「${p.fields}」を書いてください。下書きなら空のままで保存できます。`,
  writeup_usage: (_p: P) =>
    'セッションの番号を指定してください。例: `/writeup 12`、`/writeup done 12`（番号は `/writeup` の一覧にあります）',
} satisfies Partial<Record<ErrorCode, (p: P) => string>>;
