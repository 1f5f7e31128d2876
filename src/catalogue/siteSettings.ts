/**
 * Installation settings the portal prints on every page (portal.md §1): the site's name and domain, the
 * 网站标识码 (also the `SiteIDCode` tag), 主办/承办单位, contact, ICP备案号 and 公安机关备案号. An unset item is
 * left out, never invented.
 */
import { eq, sql } from 'drizzle-orm';
import type { Actor } from '../accounts/actor.ts';
import { requireRole } from '../accounts/actor.ts';
import type { Db } from '../db/open.ts';
import type { Issue } from '../shared/domainError.ts';
import { ValidationError } from '../shared/domainError.ts';
import { portalSettings } from './schema.ts';

export interface SiteSettings {
  siteName: string;
  siteDomain: string;
  /** 网站标识码, 10 characters */
  siteIdCode: string;
  sponsor: string;
  organizer: string;
  contactAddress: string;
  contactPhone: string;
  contactEmail: string;
  /** ICP备案号, e.g. 京ICP备19014889号 */
  icp: string;
  /** 公安机关备案号, e.g. 京公网安备11010202008000号 */
  psb: string;
  /** link of 我为政府网站找错 */
  errorReportUrl: string;
}

export const DEFAULT_SITE_SETTINGS: SiteSettings = {
  siteName: '政府信息公开',
  siteDomain: '',
  siteIdCode: '',
  sponsor: '',
  organizer: '',
  contactAddress: '',
  contactPhone: '',
  contactEmail: '',
  icp: '',
  psb: '',
  errorReportUrl: 'https://zfwzzc.www.gov.cn/',
};

const KEYS = Object.keys(DEFAULT_SITE_SETTINGS) as (keyof SiteSettings)[];

export function validateSiteSettings(input: Record<string, unknown>, base: SiteSettings): SiteSettings {
  const issues: Issue[] = [];
  const out = { ...base };
  for (const k of Object.keys(input)) {
    if (!(KEYS as string[]).includes(k)) {
      issues.push({ path: k, rule: 'unknown', message: '未知的设置项' });
      continue;
    }
    const v = input[k];
    if (typeof v !== 'string' || v.length > 200) issues.push({ path: k, rule: 'type', message: '应为最多200个字符的文本' });
    else out[k as keyof SiteSettings] = v.trim();
  }
  if (out.siteName === '') issues.push({ path: 'siteName', rule: 'required', message: '必填' });
  if (out.siteIdCode !== '' && !/^[0-9a-zA-Z]{10}$/.test(out.siteIdCode)) issues.push({ path: 'siteIdCode', rule: 'pattern', message: '网站标识码应为10位字母或数字' });
  if (out.psb !== '' && !/\d{14}/.test(out.psb)) issues.push({ path: 'psb', rule: 'pattern', message: '公安机关备案号应含14位数字' });
  if (out.errorReportUrl !== '' && !/^https?:\/\//.test(out.errorReportUrl)) issues.push({ path: 'errorReportUrl', rule: 'format', message: '应为 http(s) 地址' });
  if (issues.length > 0) throw new ValidationError('网站设置', issues);
  return out;
}

export async function getSiteSettings(db: Db): Promise<SiteSettings> {
  const rows = await db.select().from(portalSettings).where(eq(portalSettings.id, 'site')).limit(1);
  return { ...DEFAULT_SITE_SETTINGS, ...((rows[0]?.settings ?? {}) as Partial<SiteSettings>) };
}

export async function setSiteSettings(db: Db, actor: Actor, input: Record<string, unknown>): Promise<SiteSettings> {
  requireRole(actor, ['admin'], '修改网站设置');
  const next = validateSiteSettings(input, await getSiteSettings(db));
  await db
    .insert(portalSettings)
    .values({ id: 'site', settings: next as unknown as Record<string, unknown> })
    .onConflictDoUpdate({ target: portalSettings.id, set: { settings: next as unknown as Record<string, unknown>, updatedAt: sql`now()` } });
  return next;
}
