/**
 * Setup problems (Japanese): Slack refused a post because of how the workspace is set up. Each message says
 * the one thing to do. `channel` is a channel id (shown as a link), `scope` a bot scope such as groups:read.
 */
type P = Record<string, string | number>;

export const setupErrorsJa = {
  setup_not_in_channel: (p: P) =>
    `:wrench: ボットが <#${p.channel}> に参加していないため投稿できませんでした。チャンネルで \`/invite @supporter-desk\` を実行してから、もう一度お試しください。`,
  setup_channel_hidden: (p: P) =>
    `:wrench: 投稿先のチャンネル（${p.channel}）がボットから見えません。非公開チャンネルならそこで \`/invite @supporter-desk\` を実行してください。なくなったチャンネルなら、運営に別のチャンネルの設定を頼んでください。`,
  setup_archived: (p: P) =>
    `:wrench: <#${p.channel}> はアーカイブされているため投稿できませんでした。アーカイブを解除するか、運営に別のチャンネルの設定を頼んでください。`,
  setup_missing_scope: (p: P) =>
    `:wrench: アプリに権限 \`${p.scope}\` がないため実行できませんでした。運営の方がアプリの設定（OAuth & Permissions）で \`${p.scope}\` を追加し、アプリを再インストールしてください。`,
};
