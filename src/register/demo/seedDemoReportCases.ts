/**
 * The demo agency's history (国家信访局, 2020): the register of its 136 applications of 2020, the 15
 * reconsiderations its report lists, and its table-2 figures — so that the first start shows the seed
 * report's tables built from cases. Idempotent: nothing is written when the agency already has 2020 cases.
 */
import { readFileSync } from 'node:fs';
import { and, eq, gte, lte, count } from 'drizzle-orm';
import { systemActor } from '../../accounts/actor.ts';
import { recordAppeal } from '../../appeals/appeals.ts';
import path from 'node:path';
import type { Db } from '../../db/open.ts';
import { PACKAGE_ROOT } from '../../shared/packageRoot.ts';
import type { SecretKey } from '../../db/secretKey.ts';
import { agencies, applications } from '../../db/schema.ts';
import { setProactiveFigures } from '../../report/build/db.ts';
import type { ProactiveTable } from '../../report/reportData.ts';
import { importRegister } from '../importRegister.ts';
import { readCsvTable } from '../read.ts';
import { validateRegister } from '../validate.ts';

// From the package root: this module also runs bundled (dist/server, scripts/build-server.js).
const REGISTER = path.join(PACKAGE_ROOT, 'src/register/demo/seed-2020.csv');

/** Table 2 of the seed report (国家信访局 2020), as entered. */
export const DEMO_PROACTIVE_2020: ProactiveTable = {
  rules: { made: 0, published: 0, total_published: 0 },
  normative_documents: { made: 17, published: 3, total_published: 116 },
  licensing: { previous: 0, change: 0, decisions: 0 },
  other_services: { previous: 0, change: 0, decisions: 0 },
  punishment: { previous: 0, change: 0, decisions: 0 },
  coercion: { previous: 0, change: 0, decisions: 0 },
  fees: { previous: 0, change: 0 },
  procurement: { items: 28, amount_wan: 1259.8 },
};

export interface DemoSeedResult {
  imported: number;
  appeals: number;
  skipped: boolean;
}

export async function seedDemoReportCases(db: Db, key: SecretKey, agencyCode: string): Promise<DemoSeedResult> {
  const actor = systemActor('demo');
  const agency = (await db.select().from(agencies).where(eq(agencies.code, agencyCode)))[0];
  if (agency === undefined) throw new Error(`demo agency ${agencyCode} does not exist`);
  const existing = await db
    .select({ n: count() })
    .from(applications)
    .where(and(eq(applications.agencyId, agency.id), gte(applications.receivedOn, '2020-01-01'), lte(applications.receivedOn, '2020-12-31')));
  if ((existing[0]?.n ?? 0) > 0) return { imported: 0, appeals: 0, skipped: true };

  const bytes = readFileSync(REGISTER);
  const rows = validateRegister(readCsvTable(bytes));
  const result = await importRegister(db, actor, key, { agencyCode, fileName: '国家信访局2020年依申请公开台账.csv', bytes, rows });
  // The seed's 15 reconsiderations: 1 upheld, 14 other results (e.g. withdrawn or dismissed), none open at the year end.
  const refs = rows.filter((r) => r.outcome !== null).map((r) => r.ref!);
  for (let i = 0; i < 15; i++) {
    const month = 2 + Math.floor((i * 8) / 15);
    await recordAppeal({ db, key, actor }, agencyCode, {
      body: '国务院',
      caseNumber: `国复〔2020〕${101 + i * 7}号`,
      path: 'reconsideration',
      filedOn: `2020-${String(month).padStart(2, '0')}-${String(5 + i).padStart(2, '0')}`,
      result: i === 0 ? 'upheld' : 'other',
      decidedOn: `2020-${String(month + 2).padStart(2, '0')}-${String(5 + i).padStart(2, '0')}`,
      applications: [refs[i * 7]!],
      ...(i === 0 ? {} : { note: i % 2 === 0 ? '申请人撤回复议申请，复议终止' : '不符合受理条件，驳回复议申请' }),
    });
  }
  await setProactiveFigures(db, actor, agencyCode, 2020, DEMO_PROACTIVE_2020);
  return { imported: result.imported, appeals: 15, skipped: false };
}
