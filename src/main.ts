/**
 * `npm start`: migrate, seed the demo agency (idempotent), serve the API (PORT, HOST, GONGKAI_DATA_DIR,
 * DATABASE_URL), and print where it listens and how to log in.
 */
import { dataDirFromEnv, embeddedClusterExists, openDatabase, optionsFromEnv } from './db/open.ts';
import type { SecretKey } from './db/secretKey.ts';
import { KeyMismatchError, loadInstallationKey } from './db/installationKey.ts';
import { restrictDataDir } from './db/dataDirPermissions.ts';
import { removeUnfinishedImports } from './register/importRegister.ts';
import { seedDemo } from './demo/seed.ts';
import { buildApp } from './http/app.ts';
import { DiskFileStore } from './requests/fileStore.ts';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import type { DemoResult } from './demo/seed.ts';
import { mailerFromEnv } from './reminders/mailer.ts';
import { startScheduler } from './reminders/scheduler.ts';
import { serverSettings } from './http/serverSettings.ts';
import { dailyBackupSettings, scheduleDailyBackups } from './backup/dailyBackup.ts';
import { storedFiles } from './backup/backup.ts';
import { nextYearWarning } from './calendar/nextYearWarning.ts';
import { installationCalendar } from './calendarYears/installationCalendar.ts';
import { todayInChina } from './requests/today.ts';

const options = optionsFromEnv();
const dataDir = dataDirFromEnv();
/** Set in the child process that seeds a new embedded database (below). */
const seedOnly = process.env['GONGKAI_SEED_ONLY'] === '1';
// A new embedded database is seeded by a short-lived child process: the one-time work (the 2020 register
// import, the report it locks, letters) grows the memory of the process that does it, and PGlite's
// WebAssembly memory never shrinks. The server then opens the seeded database and idles at what a restart
// does (issue 14: idle memory).
const seededInChild = !seedOnly && options.url === undefined && !embeddedClusterExists(dataDir) ? seedInChildProcess() : undefined;
const database = await openDatabase(options);
// The key file and the attachments live in the data directory on PostgreSQL too: owner-only (on PGlite
// openDatabase has done it, and walking its ~1,500 files again would only slow the start).
if (database.engine === 'postgres') restrictDataDir(dataDir);
let key: SecretKey;
try {
  key = await loadInstallationKey(database.db, { dataDir });
} catch (err) {
  await database.close();
  if (err instanceof KeyMismatchError) {
    process.stderr.write(`gongkai 无法启动：${err.message}\n`);
    process.exit(2);
  }
  throw err;
}
if (seedOnly) {
  process.stdout.write(JSON.stringify(await seedDemo(database.db, key, dataDir)));
  await database.close();
  process.exit(0);
}
// An embedded-database register import that a crash interrupted is removed whole (register/importRegister.ts).
await removeUnfinishedImports(database.db);
const demo = seededInChild ?? (await seedDemo(database.db, key, dataDir));
const mailer = mailerFromEnv();
const files = new DiskFileStore(path.join(dataDir, 'files'), key);
const settings = serverSettings(process.env);
const app = await buildApp({
  mailer,
  db: database.db,
  key,
  files,
  listen: database.listen,
  trustProxy: settings.trustProxy,
  secureCookies: settings.secureCookies,
  ...(settings.publicLimitPerMinute !== undefined ? { publicLimitPerMinute: settings.publicLimitPerMinute } : {}),
  logger: { level: process.env['LOG_LEVEL'] ?? 'warn', redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'req.body'] },
});
const host = process.env['HOST'] ?? '127.0.0.1';
await app.listen({ port: Number(process.env['PORT'] ?? 3000), host });
// The port really listened on (PORT=0 picks a free one).
const address = app.server.address();
const port = typeof address === 'object' && address !== null ? address.port : Number(process.env['PORT'] ?? 3000);
// Daily backups of the embedded database (on PostgreSQL: pg_dump, see README).
const stopBackups = database.engine === 'pglite' ? scheduleDailyBackups(database.db, storedFiles(files), dailyBackupSettings(process.env, dataDir), (m) => process.stdout.write(`${m}\n`)) : () => {};

// The working-day morning reminders (once per day across servers sharing the database); GONGKAI_REMINDERS=off disables.
const scheduler = process.env['GONGKAI_REMINDERS'] === 'off'
  ? undefined
  : startScheduler({ db: database.db, mailer, onError: (err) => app.log.error({ err }, 'daily reminders failed') });

// From 1 October, while next year's holiday arrangement is not loaded (decisions.md #23).
const calendarWarning = nextYearWarning(await installationCalendar(database.db), todayInChina());
const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
const lines = [
  `gongkai 已启动（数据库：${database.engine} ${database.location}）`,
  `  门户:     http://${shown}:${port}/   （公众：年度报告、在线申请、进度查询）`,
  `  政府信息公开: http://${shown}:${port}/agencies/gjxfj （指南、制度、法定主动公开内容${demo.catalogueDocuments > 0 ? `：已创建 ${demo.catalogueDocuments} 件示例文件` : ''}、年度报告）`,
  `  搜索:     http://${shown}:${port}/search?q=信访`,
  `  API:      http://${shown}:${port}/api/v1`,
  `  API 文档: http://${shown}:${port}/api/docs`,
  `  工作台:   http://${shown}:${port}/console   （工作人员：承办人 clerk、负责人 head、政务公开办 supervisor）`,
  `  办理提醒: 每个工作日 8 时起生成${mailer === undefined ? '（仅在工作台显示；设置 GONGKAI_SMTP_URL 后同时发送电子邮件）' : '并发送电子邮件'}`,
  `  示例机关: 国家信访局（代码 gjxfj），上级：示范省政务公开办（demo-region）${demo.casesCreated > 0 ? `；已创建 ${demo.casesCreated} 件示例申请` : ''}`,
  `  年度报告: 国家信访局 2020 年报告由${demo.reportCasesImported > 0 ? `刚导入的 ${demo.reportCasesImported} 件` : '已有的'} 2020 年申请生成，已发布（锁定）——`,
  `    门户: http://${shown}:${port}/agencies/gjxfj/reports/2020`,
  `    API: http://${shown}:${port}/api/v1/agencies/gjxfj/reports/2020（登录后；?format=html|md|docx|pdf 下载）`,
  `    单元格所统计的案件: http://${shown}:${port}/api/v1/agencies/gjxfj/reports/2020/cells/applications.granted.total`,
  `    命令行: npx gongkai report build --agency gjxfj --year 2020${dataDir !== path.resolve('./data') && options.url === undefined ? `（GONGKAI_DATA_DIR=${dataDir}）` : ''}`,
  '  登录（POST /api/v1/auth/login）：',
  ...demo.logins.map((l) => `    ${l.username.padEnd(6)} / ${l.password ?? '（已设置，见首次启动时的输出）'}   角色：${l.roles}`),
  ...demo.warnings.map((w) => `  注意：${w}`),
  ...(calendarWarning === null ? [] : [`  注意：${calendarWarning.message}`]),
];
process.stdout.write(`${lines.join('\n')}\n`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    scheduler?.stop();
    mailer?.close();
    stopBackups();
    void app.close().then(() => database.close()).then(() => process.exit(0));
  });
}

/** Runs this program again with GONGKAI_SEED_ONLY=1; its stdout is the DemoResult (first passwords included). */
function seedInChildProcess(): DemoResult {
  const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1] ?? ''], {
    env: { ...process.env, GONGKAI_SEED_ONLY: '1' },
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (child.status !== 0) process.exit(child.status ?? 1);
  return JSON.parse(child.stdout) as DemoResult;
}
