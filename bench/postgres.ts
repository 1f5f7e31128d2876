/** The PostgreSQL a benchmark may use: DATABASE_URL, else the machine's local server, when it answers. */
import pg from 'pg';

export async function reachablePostgresUrl(): Promise<string | undefined> {
  const url = process.env['DATABASE_URL'] || 'postgres://postgres@127.0.0.1:5432/test';
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1500 });
  try {
    await c.connect();
    await c.end();
    return url;
  } catch {
    return undefined;
  }
}
