/**
 * PostgreSQL LISTEN/NOTIFY for every engine: `notify` sends on a channel inside the caller's transaction
 * (delivered at commit, to every server on the database); `Database.listen` (see open.ts) subscribes.
 * On PostgreSQL a listener holds its own connection and reconnects after a loss, calling `onLost` so the
 * caller can drop what it may have missed (e.g. a cache); on PGlite (one process) the client's own
 * listen is used. Channel names are plain identifiers.
 */
import { sql } from 'drizzle-orm';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { Db, Tx } from './open.ts';

export type Listen = (channel: string, onMessage: (payload: string) => void, onLost?: () => void) => Promise<() => Promise<void>>;

const CHANNEL = /^[a-z_][a-z0-9_]{0,62}$/;
function checkChannel(channel: string): void {
  if (!CHANNEL.test(channel)) throw new Error(`invalid channel name: ${channel}`);
}

/** Sends `payload` on `channel` (inside a transaction: at commit). */
export async function notify(db: Db | Tx, channel: string, payload = ''): Promise<void> {
  checkChannel(channel);
  await db.execute(sql`select pg_notify(${channel}, ${payload})`);
}

export function pgliteListen(client: PGlite): Listen {
  return async (channel, onMessage) => {
    checkChannel(channel);
    const unsubscribe = await client.listen(channel, onMessage);
    return async () => {
      await unsubscribe();
    };
  };
}

export function postgresListen(url: string): Listen {
  return async (channel, onMessage, onLost) => {
    checkChannel(channel);
    let client: pg.Client | undefined;
    let closed = false;
    let retry: NodeJS.Timeout | undefined;
    const connect = async (): Promise<void> => {
      const c = new pg.Client({ connectionString: url });
      c.on('notification', (n) => {
        if (n.channel === channel) onMessage(n.payload ?? '');
      });
      c.on('error', () => lost(c));
      c.on('end', () => lost(c));
      await c.connect();
      await c.query(`LISTEN ${channel}`);
      client = c;
    };
    const lost = (c: pg.Client): void => {
      if (closed || client !== c) return;
      client = undefined;
      onLost?.();
      const again = (): void => {
        retry = setTimeout(() => {
          connect().then(() => onLost?.(), again);
        }, 1000);
        retry.unref();
      };
      again();
    };
    await connect();
    return async () => {
      closed = true;
      if (retry !== undefined) clearTimeout(retry);
      await client?.end().catch(() => undefined);
    };
  };
}
