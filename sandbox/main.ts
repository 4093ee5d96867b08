/** `npm run sandbox` — placeholder until the sandbox lands (see the sandbox issue). */
process.stdout.write(
  'The sandbox is not ready yet: it will run the bot against a local Slack emulator in your browser.\n',
);
