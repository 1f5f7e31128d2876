/**
 * The one way a CLI command opens the database: from the environment (DATABASE_URL, else PGlite in
 * GONGKAI_DATA_DIR, default ./data), migrated, with the secret key of personal data loaded on first use the
 * same way `npm start` loads it (GONGKAI_SECRET_KEY, else <data dir>/secret.key) and checked against the key
 * fingerprint the database records (db/installationKey.ts), and closed afterwards.
 * src/db is imported only here and only when a command runs, so `gongkai calendar …` never loads it.
 */
import type { Database } from '../db/open.ts';
import type { SecretKey } from '../db/secretKey.ts';
import type { Db } from '../db/open.ts';
import type { SystemActor } from '../accounts/actor.ts';

export interface CliDatabase {
  readonly db: Db;
  readonly database: Database;
  /** the secret key of personal data (checked against the database's key fingerprint) */
  key(): SecretKey;
  /** the actor CLI commands act as */
  readonly actor: SystemActor;
}

export async function withDatabase<T>(fn: (cli: CliDatabase) => Promise<T>, options: { checkKey?: boolean } = {}): Promise<T> {
  const [{ openDatabase, optionsFromEnv, dataDirFromEnv }, { loadInstallationKey }, { systemActor }] = await Promise.all([
    import('../db/open.ts'),
    import('../db/installationKey.ts'),
    import('../accounts/actor.ts'),
  ]);
  const database = await openDatabase(optionsFromEnv());
  try {
    // As the server does: the key of GONGKAI_SECRET_KEY or the data directory, checked against the
    // fingerprint the database records (a mismatch stops the command before anything is written).
    const key = options.checkKey === false ? undefined : await loadInstallationKey(database.db, { dataDir: dataDirFromEnv() });
    return await fn({
      db: database.db,
      database,
      key: () => {
        if (key === undefined) throw new Error('this command opened the database without its key');
        return key;
      },
      actor: systemActor('cli'),
    });
  } finally {
    await database.close();
  }
}
