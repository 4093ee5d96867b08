/**
 * Setup problems (English): Slack refused a post because of how the workspace is set up. Each message says
 * the one thing to do. `channel` is a channel id (shown as a link), `scope` a bot scope such as groups:read.
 */
type P = Record<string, string | number>;

export const setupErrorsEn = {
  setup_not_in_channel: (p: P) =>
    `:wrench: I couldn't post because I'm not in <#${p.channel}>. Run \`/invite @supporter-desk\` in that channel, then try again.`,
  setup_channel_hidden: (p: P) =>
    `:wrench: I can't see the channel I should post to (${p.channel}). If it is private, run \`/invite @supporter-desk\` there; if it is gone, ask an operator to set another channel.`,
  setup_archived: (p: P) =>
    `:wrench: <#${p.channel}> is archived, so I couldn't post there. Unarchive it, or ask an operator to set another channel.`,
  setup_missing_scope: (p: P) =>
    `:wrench: The app lacks the permission \`${p.scope}\`. An operator can add \`${p.scope}\` in the app's settings (OAuth & Permissions) and reinstall the app.`,
};
