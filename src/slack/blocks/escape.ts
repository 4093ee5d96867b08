/**
 * User-typed text repeated in mrkdwn: `&`, `<` and `>` become entities, so `<!channel>`, `<@U…>` or
 * `<https://x|y>` typed by a user stays text and never becomes a mention or a link. These are the three
 * characters Slack asks apps to escape: https://api.slack.com/reference/surfaces/formatting#escaping
 */
export const escapeMrkdwn = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
