/**
 * The layers of src/, checked by `npm run lint` (depcruise src --config .dependency-cruiser.cjs).
 *
 *   main.ts, cli.ts, cli/          composition roots: may use anything
 *   app.ts, slack/                 Slack: listeners → use cases; blocks/ render; *Posting.ts post
 *   http/                          our own HTTP routes (POST /api/bookings): use cases, slack/*Posting.ts
 *   jobs/                          compose use cases, slack message builders and the delivery
 *   delivery/                      sends with idempotency keys (deliveries table), the 429 gate
 *   usecases/                      what the app does: domain rules + db repositories
 *   i18n/                          message tables, keyed by the domain's error codes
 *   text/                          text analysis adapters (the Japanese morphological analyser) behind
 *                                  interfaces the domain defines
 *   calendar/                      the busy-calendar reader (fetch an .ics with limits, parse it with
 *                                  ical.js, cache it) behind the BusyCalendar interface of domain/busy.ts;
 *                                  built by the composition roots, handed to use cases in their deps
 *   db/                            every query (repositories: plain functions over db | trx), schema
 *   domain/                        pure rules and types: no I/O, imports nothing of the app above it
 *
 * deps.ts holds the deps types (types only); config.ts and logger.ts are leaves anyone may import.
 * Type-only imports count as dependencies (tsPreCompilationDeps), so a type can't sneak a cycle or an
 * upward edge past the rules.
 */
const layer = (name) => `^src/${name}(/|\\.ts$)`;

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Import cycles (type-only imports included) make the layers meaningless; break them.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment:
        'src/domain is pure: it imports only itself and the few libraries it computes with (no I/O, ' +
        'no db types, no i18n). db/schema may import domain types, never the reverse.',
      from: { path: '^src/domain/' },
      to: {
        pathNot: ['^src/domain/', '(^|/)node_modules/(luxon|@types/luxon|@holiday-jp/holiday_jp)/'],
      },
    },
    {
      name: 'text-adapters-are-leaves',
      severity: 'error',
      comment:
        'src/text loads analysers (kuromoji) and hands them to use cases as the interfaces the domain ' +
        'defines; it imports the domain and nothing else of the app.',
      from: { path: '^src/text/' },
      to: { path: '^src/', pathNot: ['^src/text/', '^src/domain/'] },
    },
    {
      name: 'calendar-adapters-are-leaves',
      severity: 'error',
      comment:
        'src/calendar (fetching and parsing busy calendars) implements the BusyCalendar interface the ' +
        'domain defines; it imports the domain and nothing else of the app.',
      from: { path: '^src/calendar/' },
      to: { path: '^src/', pathNot: ['^src/calendar/', '^src/domain/'] },
    },
    {
      name: 'calendar-adapters-from-the-roots',
      severity: 'error',
      comment:
        'Only the composition roots (app.ts, main.ts, the CLI) build the busy-calendar reader; use cases ' +
        'get it through their deps (so tests run the real one against a local server).',
      from: { path: '^src/', pathNot: ['^src/calendar/', '^src/(app|main|cli)\\.ts$', '^src/cli/'] },
      to: { path: layer('calendar') },
    },
    {
      name: 'db-imports-nothing-above',
      severity: 'error',
      comment: 'src/db (queries, schema) may use the domain types, nothing above it.',
      from: { path: '^src/db/' },
      to: { path: '^src/', pathNot: ['^src/db/', '^src/domain/'] },
    },
    {
      name: 'kysely-only-in-db',
      severity: 'error',
      comment: 'Every kysely query lives in src/db (repositories are plain functions over db | trx).',
      from: { path: '^src/', pathNot: '^src/db/' },
      to: { path: '(^|/)node_modules/kysely/' },
    },
    {
      name: 'i18n-only-domain',
      severity: 'error',
      comment: 'Message tables depend on the domain (error codes, locales) and nothing else of the app.',
      from: { path: '^src/i18n/' },
      to: { path: '^src/', pathNot: ['^src/i18n/', '^src/domain/'] },
    },
    {
      name: 'usecases-below-adapters',
      severity: 'error',
      comment: 'Use cases know nothing of Slack, jobs, the delivery or the entry points.',
      from: { path: '^src/usecases/' },
      to: {
        path: [
          layer('slack'),
          layer('jobs'),
          layer('delivery'),
          layer('cli'),
          layer('http'),
          '^src/(app|main|cli)\\.ts$',
        ],
      },
    },
    {
      name: 'delivery-below-slack-and-jobs',
      severity: 'error',
      comment:
        'The delivery sends what it is given: it knows no job, no listener, no use case. It may use ' +
        "Slack's HTTP transport (slack/transport.ts) for its web client.",
      from: { path: '^src/delivery/' },
      to: {
        path: [layer('slack'), layer('jobs'), layer('usecases'), layer('i18n'), layer('cli')],
        pathNot: ['^src/slack/transport\\.ts$'],
      },
    },
    {
      name: 'slack-not-jobs',
      severity: 'error',
      comment:
        'Nothing under src/slack imports src/jobs: what a job and a listener share lives in use cases, ' +
        'the delivery or slack/*Posting.ts.',
      from: { path: '^src/slack/' },
      to: { path: [layer('jobs'), layer('cli'), '^src/(app|main|cli)\\.ts$'] },
    },
    {
      name: 'slack-not-db',
      severity: 'error',
      comment:
        'src/slack reaches the database through use cases. Only the row types of db/schema.ts may be ' +
        'named (type-only), by what renders or posts them.',
      from: { path: '^src/slack/' },
      to: { path: layer('db'), pathNot: '^src/db/schema\\.ts$' },
    },
    {
      name: 'listeners-not-db',
      severity: 'error',
      comment: 'Listeners go through use cases; they never touch src/db, not even its types.',
      from: { path: '^src/slack/listeners/' },
      to: { path: layer('db') },
    },
    {
      name: 'db-schema-types-only',
      severity: 'error',
      comment: 'Outside src/db, db/schema.ts is for its row types (import type), nothing else.',
      from: { path: '^src/', pathNot: '^src/db/' },
      to: { path: '^src/db/schema\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'jobs-not-db',
      severity: 'error',
      comment:
        'A job composes use cases and the delivery. Only the runner and the scheduler (job_runs, the ' +
        'job locks) use src/db themselves; a job may name the row types of db/schema.ts.',
      from: { path: '^src/jobs/', pathNot: ['^src/jobs/(runner|scheduler)\\.ts$'] },
      to: { path: layer('db'), pathNot: '^src/db/schema\\.ts$' },
    },
    {
      name: 'http-routes-are-adapters',
      comment:
        'src/http (our own HTTP routes, mounted by app.ts) is an adapter like the listeners: it calls use ' +
        'cases and slack/*Posting.ts, never the database, a job, a listener or an entry point.',
      severity: 'error',
      from: { path: '^src/http/' },
      to: {
        path: [
          layer('db'),
          layer('jobs'),
          layer('cli'),
          '^src/slack/listeners/',
          '^src/(app|main|cli)\\.ts$',
        ],
      },
    },
    {
      name: 'http-below-app',
      comment: 'Only app.ts (and the entry points) mount the HTTP routes.',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/http/', '^src/(app|main|cli)\\.ts$', '^src/cli/'] },
      to: { path: layer('http') },
    },
    {
      name: 'jobs-not-listeners',
      severity: 'error',
      comment: 'Jobs may render with slack/blocks and post with slack/*Posting.ts, never call a listener.',
      from: { path: '^src/jobs/' },
      to: { path: ['^src/slack/listeners/', '^src/app\\.ts$'] },
    },
    {
      name: 'deps-types-only',
      severity: 'error',
      comment: 'src/deps.ts holds the deps types; it must not pull in a layer above the use cases.',
      from: { path: '^src/deps\\.ts$' },
      to: { path: [layer('slack'), layer('jobs'), layer('usecases'), layer('delivery'), layer('cli')] },
    },
    {
      name: 'src-not-tests',
      severity: 'error',
      comment: 'The app never imports its tests, the sandbox or the benches.',
      from: { path: '^src/' },
      to: { path: '^(test|sandbox|bench|emulator)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.d.ts', '.json'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
