import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { withStatementCache } from '../../src/db/statementCache.js';

type Db = { notes: { id: number; body: string } };

const open = (max?: number) => {
  const sqlite = new SQLite(':memory:');
  const cached = withStatementCache(sqlite, max);
  const db = new Kysely<Db>({ dialect: new SqliteDialect({ database: cached }) });
  return { sqlite, cached, db };
};

describe('withStatementCache', () => {
  it('reuses a statement for the same SQL and keeps only the most recent ones', () => {
    const { cached, sqlite } = open(2);
    const a = cached.prepare('select 1');
    expect(cached.prepare('select 1')).toBe(a);
    cached.prepare('select 2');
    cached.prepare('select 1'); // now the most recent
    cached.prepare('select 3'); // evicts "select 2"
    expect(cached.prepare('select 1')).toBe(a);
    const b = cached.prepare('select 2');
    expect(cached.prepare('select 2')).toBe(b);
    cached.close();
    expect(sqlite.open).toBe(false);
  });

  it('answers queries correctly when statements are reused, and after the schema changes', async () => {
    const { db } = open();
    await sql`create table notes (id integer primary key, body text not null)`.execute(db);
    for (let i = 1; i <= 50; i++)
      await db
        .insertInto('notes')
        .values({ id: i, body: `n${i}` })
        .execute();
    const byId = (id: number) => db.selectFrom('notes').selectAll().where('id', '=', id).executeTakeFirst();
    expect(await byId(7)).toEqual({ id: 7, body: 'n7' });
    expect(await byId(42)).toEqual({ id: 42, body: 'n42' });
    await sql`alter table notes add column tag text`.execute(db);
    expect(await byId(7)).toEqual({ id: 7, body: 'n7', tag: null });
    const count = await db
      .selectFrom('notes')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    expect(count?.n).toBe(50);
    await db.destroy();
  });
});
