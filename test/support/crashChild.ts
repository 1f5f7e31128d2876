/**
 * Child process of the crash test: opens the database, starts a transition, and stops inside its
 * transaction (after the writes, before commit), telling the parent "IN_TX" — then waits to be killed.
 * argv: <url-or-dataDir> <applicationId> <version> <key base64>
 */
import { systemActor } from '../../src/accounts/actor.ts';
import { openDatabase } from '../../src/db/open.ts';
import { SecretKey } from '../../src/db/secretKey.ts';
import { testHooks } from '../../src/requests/context.ts';
import { requestSupplement } from '../../src/requests/requestSupplement.ts';

const [target = '', applicationId = '', version = '1', key = ''] = process.argv.slice(2);
const database = await openDatabase(target.startsWith('postgres') ? { url: target, migrate: false } : { dataDir: target, migrate: false });
testHooks.beforeCommit = async () => {
  process.stdout.write('IN_TX\n');
  await new Promise(() => undefined);
};
await requestSupplement(
  { db: database.db, key: SecretKey.fromBase64(key), actor: systemActor('crash-test'), today: '2021-03-02' },
  { applicationId, version: Number(version), date: '2021-03-02', items: '请写明文件名称' },
);
process.stdout.write('COMMITTED\n');
