/**
 * The 政府信息公开指南 settings of an agency (Art. 12): the office, how to reach it, how to obtain
 * information, the application channels (国办公开办函〔2017〕19号), handling and remedies. Each change is a
 * new version (the 指南 states its revision date); the portal renders the newest.
 */
import { desc, eq } from 'drizzle-orm';
import type { Actor } from '../accounts/actor.ts';
import { inScope, requireRole } from '../accounts/actor.ts';
import { ForbiddenError } from '../accounts/errors.ts';
import { getAgencyByCode } from '../agencies/agencies.ts';
import type { Db } from '../db/open.ts';
import { DEFAULT_DEADLINE_SETTINGS } from '../law/deadline/settings.ts';
import type { DeadlineSettings } from '../law/deadline/settings.ts';
import { loadAgencySettings } from '../agencies/settings.ts';
import type { Issue } from '../shared/domainError.ts';
import { ValidationError } from '../shared/domainError.ts';
import { todayInChina } from '../requests/today.ts';
import { catalogueEvent } from './context.ts';
import { agencyGuide } from './schema.ts';

export interface GuideChannel {
  name: string;
  how: string;
}

export interface GuideSettings {
  /** 政府信息公开工作机构 */
  officeName: string;
  address: string;
  postalCode: string;
  /** 办公时间 */
  hours: string;
  phone: string;
  fax: string;
  email: string;
  /** 其他互联网联系方式 */
  website: string;
  /** an introduction (scope, where the catalogue is) */
  introduction: string;
  /** how information is obtained besides the portal (reading rooms, 公报 …) */
  howToObtain: string;
  channels: GuideChannel[];
  /** handling, time limits, fees */
  handling: string;
  remedies: string;
  /** note shown on an empty 法定主动公开内容 sub-column */
  emptyColumnNote: string;
}

export interface Guide {
  agencyId: string;
  version: number;
  revisedOn: string | null;
  settings: GuideSettings;
}

const TEXT_FIELDS = ['officeName', 'address', 'postalCode', 'hours', 'phone', 'fax', 'email', 'website', 'introduction', 'howToObtain', 'handling', 'remedies', 'emptyColumnNote'] as const;
const LIMITS: Record<(typeof TEXT_FIELDS)[number], number> = { officeName: 100, address: 200, postalCode: 6, hours: 200, phone: 60, fax: 60, email: 100, website: 200, introduction: 2000, howToObtain: 2000, handling: 4000, remedies: 2000, emptyColumnNote: 200 };
export const GUIDE_REQUIRED = ['officeName', 'address', 'hours', 'phone'] as const;

/** The 指南 before any is saved; the periods it promises are the agency's own (default: the statutory ones, Arts. 30, 33). */
export function defaultGuideSettings(agencyName: string, deadline: Pick<DeadlineSettings, 'answerDays' | 'extensionDays' | 'supplementNoticeDays'> = DEFAULT_DEADLINE_SETTINGS): GuideSettings {
  const { answerDays, extensionDays, supplementNoticeDays } = deadline;
  return {
    officeName: `${agencyName}政府信息公开工作机构`,
    address: '',
    postalCode: '',
    hours: '工作日上午9:00—12:00，下午13:30—17:00（法定节假日除外）',
    phone: '',
    fax: '',
    email: '',
    website: '',
    introduction: `为便于公民、法人和其他组织获取${agencyName}的政府信息，根据《中华人民共和国政府信息公开条例》，编制本指南。`,
    howToObtain: '主动公开的政府信息通过本平台发布，并可在本机关的政府信息公开查阅场所查阅；也可通过政府公报、新闻发布会以及报刊、广播、电视等途径获取。',
    channels: [
      { name: '在线申请', how: '通过本平台“依申请公开”栏目填写并提交申请表，凭受理编号和查询密码查询办理进度、在线补正、撤回申请和下载答复告知书。' },
      { name: '当面申请', how: '在办公时间内到本机关政府信息公开工作机构当面提交书面申请。' },
      { name: '信函申请', how: '将申请表邮寄至本机关政府信息公开工作机构，请在信封左下角注明“政府信息公开申请”字样。' },
    ],
    handling: `本机关收到申请后，能够当场答复的，当场予以答复；不能当场答复的，自收到申请之日起${answerDays}个工作日内予以答复；需要延长答复期限的，经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不超过${extensionDays}个工作日。申请内容不明确的，本机关将在收到申请之日起${supplementNoticeDays}个工作日内一次性告知申请人补正。依申请提供政府信息，不收取费用；申请人申请公开政府信息的数量、频次明显超过合理范围的，可以按照《政府信息公开信息处理费管理办法》收取信息处理费。`,
    remedies: '公民、法人或者其他组织认为本机关在政府信息公开工作中侵犯其合法权益的，可以向上一级行政机关或者政府信息公开工作主管部门投诉、举报，也可以依法申请行政复议或者提起行政诉讼。',
    emptyColumnNote: '本机关暂未产生此类信息。',
  };
}

export function validateGuideSettings(input: Record<string, unknown>, base: GuideSettings): GuideSettings {
  const issues: Issue[] = [];
  const out: GuideSettings = { ...base, channels: [...base.channels] };
  for (const k of Object.keys(input)) {
    if (k !== 'channels' && !(TEXT_FIELDS as readonly string[]).includes(k)) issues.push({ path: k, rule: 'unknown', message: '未知的指南字段' });
  }
  for (const k of TEXT_FIELDS) {
    const v = input[k];
    if (v === undefined) continue;
    if (typeof v !== 'string') issues.push({ path: k, rule: 'type', message: '应为文本' });
    else if ([...v.trim()].length > LIMITS[k]) issues.push({ path: k, rule: 'length', message: `最多${LIMITS[k]}个字符` });
    else out[k] = v.trim();
  }
  if (out.postalCode !== '' && !/^\d{6}$/.test(out.postalCode)) issues.push({ path: 'postalCode', rule: 'pattern', message: '邮政编码应为6位数字' });
  if (out.email !== '' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(out.email)) issues.push({ path: 'email', rule: 'format', message: '电子邮箱格式不正确' });
  if (input['channels'] !== undefined) {
    const ch = input['channels'];
    if (!Array.isArray(ch) || ch.length === 0 || ch.length > 10) issues.push({ path: 'channels', rule: 'length', message: '应列出1–10个申请渠道' });
    else {
      out.channels = [];
      ch.forEach((c: unknown, i) => {
        const o = (typeof c === 'object' && c !== null ? c : {}) as Record<string, unknown>;
        const name = typeof o['name'] === 'string' ? o['name'].trim() : '';
        const how = typeof o['how'] === 'string' ? o['how'].trim() : '';
        if (name === '' || name.length > 30) issues.push({ path: `channels.${i}.name`, rule: 'length', message: '渠道名称应为1–30个字符' });
        if (how === '' || how.length > 1000) issues.push({ path: `channels.${i}.how`, rule: 'length', message: '使用说明应为1–1000个字符' });
        out.channels.push({ name, how });
      });
    }
  }
  for (const k of GUIDE_REQUIRED) if (out[k] === '') issues.push({ path: k, rule: 'required', message: '指南必须载明此项（《条例》第十二条）' });
  if (issues.length > 0) throw new ValidationError('政府信息公开指南', issues);
  return out;
}

/** The current 指南 (version 0 = the defaults, never saved). */
export async function currentGuide(db: Db, agencyId: string, agencyName: string): Promise<Guide> {
  const rows = await db.select().from(agencyGuide).where(eq(agencyGuide.agencyId, agencyId)).orderBy(desc(agencyGuide.version)).limit(1);
  const row = rows[0];
  // A saved version holds every field; only an agency that never saved one reads its periods for the defaults.
  const defaults = row === undefined ? defaultGuideSettings(agencyName, (await loadAgencySettings(db, { id: agencyId, remediesTemplate: null })).deadline) : defaultGuideSettings(agencyName);
  if (row === undefined) return { agencyId, version: 0, revisedOn: null, settings: defaults };
  return { agencyId, version: row.version, revisedOn: row.revisedOn, settings: { ...defaults, ...(row.settings as Partial<GuideSettings>) } };
}

export async function guideVersions(db: Db, agencyId: string): Promise<{ version: number; revisedOn: string; createdBy: string }[]> {
  return db.select({ version: agencyGuide.version, revisedOn: agencyGuide.revisedOn, createdBy: agencyGuide.createdBy }).from(agencyGuide).where(eq(agencyGuide.agencyId, agencyId)).orderBy(desc(agencyGuide.version));
}

/** Saves a new version of the 指南 (fields not given keep their current value). */
export async function setGuide(ctx: { db: Db; actor: Actor; today?: string }, agencyCode: string, input: Record<string, unknown>): Promise<Guide> {
  requireRole(ctx.actor, ['publisher', 'head', 'admin'], '修改政府信息公开指南');
  const agency = await getAgencyByCode(ctx.db, agencyCode, 'agency');
  if (!inScope(ctx.actor, agency.path)) throw new ForbiddenError('该机关不在您的管辖范围内');
  const current = await currentGuide(ctx.db, agency.id, agency.name);
  const settings = validateGuideSettings(input, current.settings);
  const version = current.version + 1;
  const revisedOn = ctx.today ?? todayInChina();
  const by = ctx.actor.kind === 'staff' ? ctx.actor.username : ctx.actor.kind === 'system' ? `system:${ctx.actor.name}` : 'applicant';
  await ctx.db.transaction(async (tx) => {
    await tx.insert(agencyGuide).values({ agencyId: agency.id, version, settings: settings as unknown as Record<string, unknown>, revisedOn, createdBy: by });
    await catalogueEvent(tx, { db: ctx.db, actor: ctx.actor }, agency.id, 'guide-revised', { version, revisedOn, fields: Object.keys(input) });
  });
  return { agencyId: agency.id, version, revisedOn, settings };
}
