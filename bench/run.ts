/** `npm run bench` — placeholder until the benchmarks land. */
process.stdout.write('No benchmarks yet.\n');
