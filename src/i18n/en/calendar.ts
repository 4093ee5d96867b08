/** Calendar feeds (English): `/supporter calendar`, the Home line and the feed's event titles. */
type P = Record<string, string | number>;

export const calendarEn = {
  link: (p: P) =>
    [
      `Here is a calendar link you can subscribe to: ${p.url}`,
      'In Google Calendar use "Other calendars + → From URL"; on an iPhone, "Settings → Calendar → Accounts → Add Subscribed Calendar". Your open slots, booked sessions and the study sessions you join appear by themselves.',
      'The link is yours alone. If someone else learns it, make a new one with `/supporter calendar reset`.',
    ].join('\n'),
  reset: (p: P) =>
    `Made a new link (the old one no longer works): ${p.url}\nSubscribe to this one in your calendar app instead.`,
  notConfigured: (_p: P) =>
    "The calendar link needs the app's public address to be set up first. Please ask an operator to set it.",
  homeLine: (p: P) =>
    `📅 Subscribe in your calendar: ${p.url} (\`/supporter calendar reset\` makes a new one)`,
  openSummary: (p: P) => `Consultation slot (open, ${p.minutes} min)`,
  bookedSummary: (p: P) => `Booked (${p.plan} ${p.minutes} min)`,
  calName: (_p: P) => 'Supporter Desk — my schedule',
};
