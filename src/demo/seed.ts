/**
 * The demo installation: a demo region's office with 国家信访局 (code gjxfj) below it, an admin, a clerk
 * and a head, a few current demo cases, and its 2020 cases (register, appeal records, table 2) from which
 * the seed report (国家信访局 2020) is built. Idempotent: a second run changes nothing.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { systemActor } from '../accounts/actor.ts';
import { randomPassword } from '../accounts/passwords.ts';
import { addUser } from '../accounts/users.ts';
import { addAgency, findAgencyByCode } from '../agencies/agencies.ts';
import { getAgencySettings, putAgencySettings } from '../agencies/settings.ts';
import { addDays } from '../calendar/civilDate.ts';
import type { Db } from '../db/open.ts';
import { applications, users } from '../db/schema.ts';
import type { SecretKey } from '../db/secretKey.ts';
import { answerApplication } from '../requests/answerApplication.ts';
import { creditCodeCheckChar, residentIdCheckChar } from '../requests/identity.ts';
import { registerApplication } from '../requests/registerApplication.ts';
import { seedDemoReportCases } from '../register/demo/seedDemoReportCases.ts';
import { lockReport } from '../report/build/db.ts';
import { requestSupplement } from '../requests/requestSupplement.ts';
import { todayInChina } from '../requests/today.ts';
import { seedDemoCatalogue } from './catalogue.ts';

export const DEMO_REGION = { code: 'demo-region', name: '示范省人民政府办公厅（政务公开办）' };
export const DEMO_AGENCY = { code: 'gjxfj', name: '国家信访局' };

/** The demo agency's settings: the 复议机关 and court its letters print, the 文号 pattern. */
export const DEMO_AGENCY_SETTINGS = {
  version: 0,
  organKind: 'state-council-department',
  reviewBody: '国家信访局',
  court: '北京市第二中级人民法院',
  letterNumberPattern: '国信公开〔{YYYY}〕{N}号',
} as const;

export interface DemoLogin {
  username: string;
  roles: string;
  /** Known only when created now, or kept in the data directory's password file. */
  password: string | undefined;
}

export interface DemoResult {
  logins: DemoLogin[];
  casesCreated: number;
  /** 2020 applications imported from the seed register (0 when they were already there) */
  reportCasesImported: number;
  /** catalogue documents created now (0 when they were already there) */
  catalogueDocuments: number;
  warnings: string[];
}

/** Seeds the demo; `dataDir` keeps the generated password so that a restart can print it again. */
export async function seedDemo(db: Db, key: SecretKey, dataDir: string | undefined): Promise<DemoResult> {
  const sys = systemActor('demo');
  const warnings: string[] = [];
  if ((await findAgencyByCode(db, DEMO_REGION.code)) === undefined) await addAgency(db, sys, DEMO_REGION);
  if ((await findAgencyByCode(db, DEMO_AGENCY.code)) === undefined) {
    await addAgency(db, sys, { ...DEMO_AGENCY, parentCode: DEMO_REGION.code, address: '北京市西城区月坛南街11号', phone: '010-68018000' });
  }
  // What letters must print (decisions.md #13): a 国务院部门's 复议机关 is itself (行政复议法 Art. 25).
  const settings = await getAgencySettings(db, sys, DEMO_AGENCY.code);
  if (settings.version === 0) await putAgencySettings(db, sys, DEMO_AGENCY.code, DEMO_AGENCY_SETTINGS);

  // Each demo user has a password of their own, kept (0600) in the data directory so that a restart prints
  // them again; an installation from before keeps its one shared password (demo-password.txt).
  const file = dataDir !== undefined && dataDir !== 'memory' ? path.join(dataDir, 'demo-passwords.json') : undefined;
  const legacyFile = dataDir !== undefined && dataDir !== 'memory' ? path.join(dataDir, 'demo-password.txt') : undefined;
  const known: Record<string, string> = file !== undefined && existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : {};
  const legacy = legacyFile !== undefined && existsSync(legacyFile) ? readFileSync(legacyFile, 'utf8').trim() : undefined;
  const people = [
    { username: 'admin', roles: ['admin'], displayName: '系统管理员', agencyCode: DEMO_REGION.code },
    { username: 'clerk', roles: ['clerk'], displayName: '承办人', agencyCode: DEMO_AGENCY.code },
    { username: 'head', roles: ['head'], displayName: '负责人', agencyCode: DEMO_AGENCY.code },
    { username: 'supervisor', roles: ['supervisor'], displayName: '政务公开办', agencyCode: DEMO_REGION.code },
    { username: 'editor', roles: ['publisher'], displayName: '信息发布员', agencyCode: DEMO_AGENCY.code },
  ];
  for (const p of people) {
    const exists = (await db.select({ id: users.id }).from(users).where(eq(users.username, p.username)).limit(1)).length > 0;
    if (exists) continue;
    const password = (p.username === 'admin' ? process.env['GONGKAI_ADMIN_PASSWORD'] : undefined) ?? randomPassword(14);
    await addUser(db, sys, { ...p, password });
    known[p.username] = password;
    if (file !== undefined) writeFileSync(file, `${JSON.stringify(known, null, 2)}\n`, { mode: 0o600 });
  }

  let casesCreated = 0;
  const agency = await findAgencyByCode(db, DEMO_AGENCY.code);
  const hasCases = agency !== undefined && (await db.select({ id: applications.id }).from(applications).where(eq(applications.agencyId, agency.id)).limit(1)).length > 0;
  if (!hasCases) {
    try {
      casesCreated = await demoCases(db, key);
    } catch (err) {
      warnings.push(`示例申请未创建：${err instanceof Error ? err.message : String(err)}`);
    }
  }
  // 国家信访局 2020: the register, appeal records and table 2 that reproduce the seed report (idempotent).
  let reportCasesImported = 0;
  try {
    reportCasesImported = (await seedDemoReportCases(db, key, DEMO_AGENCY.code)).imported;
    // 国家信访局 published its 2020 report in early 2021: the demo year is published (locked) too, so the
    // portal shows it and a change to a counted case is refused until the report is reopened.
    if (reportCasesImported > 0) await lockReport(db, systemActor('demo'), DEMO_AGENCY.code, 2020);
  } catch (err) {
    warnings.push(`2020 年示例案件未导入：${err instanceof Error ? err.message : String(err)}`);
  }
  // the catalogue (政府信息公开目录), 指南 and the site's footer settings (idempotent)
  let catalogueDocuments = 0;
  try {
    catalogueDocuments = (await seedDemoCatalogue(db, sys, DEMO_AGENCY.code, todayInChina())).documents;
  } catch (err) {
    warnings.push(`示例政府信息目录未创建：${err instanceof Error ? err.message : String(err)}`);
  }
  return { catalogueDocuments, logins: people.map((p) => ({ username: p.username, roles: p.roles.join(','), password: known[p.username] ?? legacy })), casesCreated, reportCasesImported, warnings };
}

async function demoCases(db: Db, key: SecretKey): Promise<number> {
  const today = todayInChina();
  const ctx = { db, key, actor: systemActor('demo'), today };
  const id = (p: string) => `${p}${residentIdCheckChar(p)}`;
  const a = await registerApplication(ctx, {
    agencyCode: DEMO_AGENCY.code,
    channel: 'in-person',
    receivedOn: addDays(today, -3),
    input: {
      applicant: { kind: 'natural_person', name: '王小明', idNumber: id('11010519900307451'), phone: '13900001111', address: '北京市西城区示例路1号' },
      description: '本机关2020年度信访事项办理情况统计',
      form: 'electronic',
      delivery: 'email',
    },
  });
  const b = await registerApplication(ctx, {
    agencyCode: DEMO_AGENCY.code,
    channel: 'post',
    receivedOn: addDays(today, -6),
    input: {
      applicant: { kind: 'legal_service_org', name: '示例律师事务所', creditCode: `31110000MD0000000${creditCodeCheckChar('31110000MD0000000')}`, contactPerson: '李律师', phone: '010-66660000' },
      description: '关于某信访事项的复查意见书',
      form: 'paper',
      delivery: 'post',
    },
  });
  await requestSupplement({ ...ctx, today }, { applicationId: b.application.id, version: b.application.version, date: addDays(today, -2), items: '请提供复查意见书的文号或作出时间' });
  const c = await registerApplication(ctx, {
    agencyCode: DEMO_AGENCY.code,
    channel: 'online',
    receivedOn: addDays(today, -8),
    input: {
      applicant: { kind: 'natural_person', name: '赵丽', idNumber: id('32010219850615302'), phone: '13800002222' },
      description: '信访工作条例配套文件目录',
      form: 'electronic',
      delivery: 'online',
    },
  });
  await answerApplication(ctx, { applicationId: c.application.id, version: c.application.version, date: addDays(today, -1), outcome: 'granted', facts: { grantBasis: 'published', publishedAt: '国家信访局门户网站“政府信息公开—法定主动公开内容”栏目，《信访工作条例》配套文件目录' } });
  void a;
  return 3;
}
