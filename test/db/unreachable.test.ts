/**
 * A PostgreSQL server that accepts connections and never answers — a database behind a dead network, or
 * one whose backlog is full. pg waits forever by default; ours must give up, so that a command gets an
 * error reply and a job a failed run (the replay check in front of Bolt gives up after 1 s on its own:
 * test/unit/requestGuard.test.ts). Runs in both projects: the "server" is a silent TCP listener, not
 * PostgreSQL.
 */
import { createServer, type Server } from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.js';

let silent: Server;
let url: string;
beforeAll(async () => {
  silent = createServer(() => {});
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  url = `postgres://nobody@127.0.0.1:${(silent.address() as { port: number }).port}/none`;
});
afterAll(() => {
  silent.close();
});

describe('a PostgreSQL server that never answers', () => {
  it("fails the app's queries instead of holding them", async () => {
    const handle = openDatabase(url, { connectTimeoutMs: 300 });
    try {
      await expect(sql`select 1`.execute(handle.db)).rejects.toThrow(/timeout/i);
    } finally {
      await handle.close().catch(() => {});
    }
  });
});
