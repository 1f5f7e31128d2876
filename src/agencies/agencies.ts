/** Agencies: a tree of offices (a region's office above its agencies). Commands and queries. */
import { databaseErrorOf } from '../db/databaseError.ts';
import { asc, eq, like } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { Actor } from '../accounts/actor.ts';
import { inScope, requireRole } from '../accounts/actor.ts';
import { ForbiddenError } from '../accounts/errors.ts';
import type { Db } from '../db/open.ts';
import { agencies } from '../db/schema.ts';
import type { Issue } from '../shared/domainError.ts';
import { ValidationError } from '../shared/domainError.ts';
import { AgencyCodeTakenError, AgencyNotFoundError } from './errors.ts';

export type AgencyRow = typeof agencies.$inferSelect;

export interface AgencyView {
  id: string;
  code: string;
  name: string;
  parentCode: string | null;
  path: string;
  depth: number;
}

export const AGENCY_CODE_PATTERN = '^[a-z0-9][a-z0-9_-]{1,31}$';

export interface AddAgencyProps {
  code: string;
  name: string;
  /** The office above it; omitted for a root (only the system may add roots). */
  parentCode?: string | undefined;
  address?: string | undefined;
  phone?: string | undefined;
}

export function validateAgencyProps(props: AddAgencyProps): void {
  const issues: Issue[] = [];
  if (!new RegExp(AGENCY_CODE_PATTERN).test(props.code)) issues.push({ path: 'code', rule: 'pattern', message: '机关代码应为2–32位小写字母、数字、-或_，以字母或数字开头' });
  const name = props.name.trim();
  if (name.length < 2 || name.length > 100) issues.push({ path: 'name', rule: 'length', message: '机关名称应为2–100个字符' });
  if (issues.length > 0) throw new ValidationError('机关信息', issues);
}

/** Adds an agency below `parentCode` (which must lie in the actor's subtree). */
export async function addAgency(db: Db, actor: Actor, props: AddAgencyProps): Promise<AgencyView> {
  requireRole(actor, ['admin'], '管理机关');
  validateAgencyProps(props);
  let parent: AgencyRow | undefined;
  if (props.parentCode !== undefined) {
    parent = await findAgencyByCode(db, props.parentCode);
    if (parent === undefined) throw new AgencyNotFoundError(props.parentCode, 'parentCode');
    if (!inScope(actor, parent.path)) throw new ForbiddenError('上级机关不在您的管辖范围内');
  } else if (actor.kind !== 'system') {
    throw new ValidationError('机关信息', [{ path: 'parentCode', rule: 'required', message: '请指定上级机关' }]);
  }
  if ((await findAgencyByCode(db, props.code)) !== undefined) throw new AgencyCodeTakenError(props.code);
  const id = uuidv7();
  const row = {
    id,
    agencyId: id,
    code: props.code,
    name: props.name.trim(),
    parentId: parent?.id ?? null,
    path: `${parent?.path ?? '/'}${id}/`,
    address: props.address ?? null,
    phone: props.phone ?? null,
  };
  try {
    await db.insert(agencies).values(row);
  } catch (err) {
    if (isUniqueViolation(err)) throw new AgencyCodeTakenError(props.code);
    throw err;
  }
  return toView({ ...row, remediesTemplate: null, createdAt: '' }, parent?.code ?? null);
}

export function isUniqueViolation(err: unknown): boolean {
  return databaseErrorOf(err)?.code === '23505';
}

export async function findAgencyByCode(db: Db, code: string): Promise<AgencyRow | undefined> {
  const rows = await db.select().from(agencies).where(eq(agencies.code, code)).limit(1);
  return rows[0];
}

export async function findAgencyById(db: Db, id: string): Promise<AgencyRow | undefined> {
  const rows = await db.select().from(agencies).where(eq(agencies.id, id)).limit(1);
  return rows[0];
}

export async function getAgencyByCode(db: Db, code: string, field = 'code'): Promise<AgencyRow> {
  const row = await findAgencyByCode(db, code);
  if (row === undefined) throw new AgencyNotFoundError(code, field);
  return row;
}

function toView(row: Omit<AgencyRow, 'createdAt'> & { createdAt: string }, parentCode: string | null): AgencyView {
  return { id: row.id, code: row.code, name: row.name, parentCode, path: row.path, depth: row.path.split('/').length - 3 };
}

/** The agencies in a subtree (the actor's, or from `rootPath`), ordered by path. */
export async function listAgencies(db: Db, rootPath = '/'): Promise<AgencyView[]> {
  const rows = await db.select().from(agencies).where(like(agencies.path, `${rootPath}%`)).orderBy(asc(agencies.path));
  const all = await db.select({ id: agencies.id, code: agencies.code }).from(agencies);
  const codeOf = new Map(all.map((a) => [a.id, a.code]));
  return rows.map((r) => toView(r, r.parentId === null ? null : (codeOf.get(r.parentId) ?? null)));
}

/** Sets the agency's remedies template for every answer other than Arts. 14–16 refusals (null restores the default); `{上级机关}` or `{复议机关}` is replaced by the configured 复议机关. */
export async function setRemediesTemplate(db: Db, actor: Actor, code: string, template: string | null): Promise<void> {
  requireRole(actor, ['admin', 'head'], '修改机关设置');
  const agency = await getAgencyByCode(db, code);
  if (!inScope(actor, agency.path)) throw new ForbiddenError('该机关不在您的管辖范围内');
  if (template !== null && (template.trim().length < 10 || template.length > 2000)) {
    throw new ValidationError('救济途径模板', [{ path: 'remediesTemplate', rule: 'length', message: '应为10–2000个字符' }]);
  }
  await db.update(agencies).set({ remediesTemplate: template }).where(eq(agencies.id, agency.id));
}
