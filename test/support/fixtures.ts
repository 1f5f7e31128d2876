/** Test data: an agency tree, users of every role, valid applicant data. */
import { systemActor } from '../../src/accounts/actor.ts';
import { addUser } from '../../src/accounts/users.ts';
import { addAgency } from '../../src/agencies/agencies.ts';
import { putAgencySettings } from '../../src/agencies/settings.ts';
import type { Db } from '../../src/db/open.ts';
import type { ApplicationInput } from '../../src/requests/applicationInput.ts';
import { creditCodeCheckChar, residentIdCheckChar } from '../../src/requests/identity.ts';

export const PASSWORD = 'correct-horse-1';

export const VALID_ID = `11010519491231002${residentIdCheckChar('11010519491231002')}`;
export const VALID_CREDIT_CODE = `91350100M000100Y4${creditCodeCheckChar('91350100M000100Y4')}`;

/** region (root) → gjxfj, other; users: admin, clerk, clerk2, head, publisher, supervisor at gjxfj; regionadmin at the region; otherclerk at other. */
export async function seedAgencies(db: Db): Promise<void> {
  const sys = systemActor('test');
  await addAgency(db, sys, { code: 'region', name: '示范地区政务公开办' });
  await addAgency(db, sys, { code: 'gjxfj', name: '国家信访局', parentCode: 'region', address: '北京市西城区月坛南街11号', phone: '010-68018000' });
  await addAgency(db, sys, { code: 'other', name: '其他机关', parentCode: 'region' });
  const users: [string, string[], string][] = [
    ['admin', ['admin'], 'gjxfj'],
    ['clerk', ['clerk'], 'gjxfj'],
    ['clerk2', ['clerk'], 'gjxfj'],
    ['head', ['head'], 'gjxfj'],
    ['publisher', ['publisher'], 'gjxfj'],
    ['supervisor', ['supervisor'], 'region'],
    ['regionadmin', ['admin'], 'region'],
    ['otherclerk', ['clerk'], 'other'],
  ];
  for (const [username, roles, agencyCode] of users) {
    await addUser(db, sys, { username, password: PASSWORD, roles, agencyCode, displayName: username });
  }
  // gjxfj can send letters (复议机关, court, 文号 set); 'other' has no settings (letters refused).
  await putAgencySettings(db, sys, 'gjxfj', GJXFJ_SETTINGS);
}

export const GJXFJ_SETTINGS = {
  version: 0,
  organKind: 'state-council-department',
  reviewBody: '国家信访局',
  court: '北京市第二中级人民法院',
  letterNumberPattern: '国信公开〔{YYYY}〕{N}号',
} as const;

export function personInput(overrides: Partial<ApplicationInput> = {}): ApplicationInput {
  return {
    applicant: { kind: 'natural_person', name: '张三丰', idType: 'resident_id', idNumber: VALID_ID, phone: '13812345678', email: 'zhang@example.cn', address: '北京市西城区某某街1号', postalCode: '100032' },
    description: '2020年度信访工作统计数据及相关文件',
    form: 'electronic',
    delivery: 'email',
    ...overrides,
  };
}

export function orgInput(): ApplicationInput {
  return {
    applicant: { kind: 'legal_service_org', name: '某某律师事务所', creditCode: VALID_CREDIT_CODE, contactPerson: '李四', phone: '010-12345678' },
    description: '关于某某事项的处理决定书',
    form: 'paper',
    delivery: 'post',
  };
}
