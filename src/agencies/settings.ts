/**
 * Per-agency settings that letters and the clock need (decisions.md #11–#13, #15, #18): the deadline
 * settings, the 补正 period, the 复议机关 and court, the 复议机关's online filing channel, whether the agency
 * is a department or a government, the remedies texts, the 文号 pattern and its counter. Read, change (admin, audited), and the 文号
 * allocation used inside a step's transaction.
 */
import { eq, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { Actor } from '../accounts/actor.ts';
import { actorId, inScope, requireRole } from '../accounts/actor.ts';
import { ForbiddenError } from '../accounts/errors.ts';
import type { Db, Tx } from '../db/open.ts';
import { agencies, agencySettings, calendarLoads, events } from '../db/schema.ts';
import { resolveDeadlineSettings } from '../law/deadline/settings.ts';
import type { DeadlineSettings } from '../law/deadline/settings.ts';
import { formatLetterNumber, isComplaintOffice, isOrganKind, letterNumberPatternIssue, ORGAN_KIND_IDS, suggestReviewBody } from '../law/organs.ts';
import type { OrganKind, ReviewBodySuggestion } from '../law/organs.ts';
import { ONLINE_REVIEW_CHANNEL_WARNING } from '../law/onlineReviewChannel.ts';
import { DEFAULT_REMEDIES } from '../law/remedies.ts';
import type { RemedyKind } from '../law/remedies.ts';
import type { Issue } from '../shared/domainError.ts';
import { DomainError, ValidationError } from '../shared/domainError.ts';
import { controlCharacterIssue } from '../shared/text.ts';
import { MIN_SUPPLEMENT_PERIOD_DAYS } from '../law/deadline/settings.ts';
import { getAgencyByCode } from './agencies.ts';
import type { AgencyRow } from './agencies.ts';
import { AgencyNotFoundError, AgencySettingsMissingError } from './errors.ts';


export interface AgencySettings {
  organKind: OrganKind | null;
  reviewBody: string | null;
  court: string | null;
  /** The 复议机关's online channel for filing a 复议 application (name and address), printed in letters served online. */
  reviewOnlineChannel: string | null;
  remedies: Record<RemedyKind, string>;
  /** Whether the remedies texts are the agency's own (false: the defaults). */
  remediesCustom: Record<RemedyKind, boolean>;
  deadline: DeadlineSettings;
  supplementPeriodDays: number;
  unconfirmedAfterDays: number;
  letterNumberPattern: string | null;
  letterCounterYear: number | null;
  letterCounter: number;
  version: number;
}

export interface AgencySettingsView extends AgencySettings {
  agencyCode: string;
  agencyName: string;
  /** The 复议机关 the agency's kind suggests (行政复议法 Arts. 24–27). */
  suggestion: ReviewBodySuggestion | null;
  /** What still blocks sending letters. */
  missing: string[];
  /** What letters should state but does not block them (`warningsForLetters`). */
  warnings: string[];
}

type Row = typeof agencySettings.$inferSelect;

function fromRow(row: Row | undefined, legacyRemedies: string | null): AgencySettings {
  const deadline = resolveDeadlineSettings((row?.deadline ?? {}) as Partial<DeadlineSettings>);
  const general = row?.remediesGeneral ?? legacyRemedies;
  return {
    organKind: isOrganKind(row?.organKind) ? row.organKind : null,
    reviewBody: row?.reviewBody ?? null,
    court: row?.court ?? null,
    reviewOnlineChannel: row?.reviewOnlineChannel ?? null,
    remedies: { general: general ?? DEFAULT_REMEDIES.general, prereview: row?.remediesPrereview ?? DEFAULT_REMEDIES.prereview },
    remediesCustom: { general: general !== null, prereview: (row?.remediesPrereview ?? null) !== null },
    deadline,
    supplementPeriodDays: row?.supplementPeriodDays ?? 15,
    unconfirmedAfterDays: row?.unconfirmedAfterDays ?? 2,
    letterNumberPattern: row?.letterNumberPattern ?? null,
    letterCounterYear: row?.letterCounterYear ?? null,
    letterCounter: row?.letterCounter ?? 0,
    version: row?.version ?? 0,
  };
}

/** The settings of an agency (defaults where nothing is stored). */
export async function loadAgencySettings(db: Db | Tx, agency: Pick<AgencyRow, 'id' | 'remediesTemplate'>): Promise<AgencySettings> {
  const rows = await db.select().from(agencySettings).where(eq(agencySettings.agencyId, agency.id)).limit(1);
  return fromRow(rows[0], agency.remediesTemplate);
}

/**
 * An agency by code with its settings and the newest calendar load's id, in one round trip: what a new
 * case needs before it is written (requests/createApplication.ts, the intake's hot path).
 */
export async function loadAgencyForIntake(db: Db, code: string, field = 'code'): Promise<{ agency: AgencyRow; settings: AgencySettings; latestCalendarLoad: string | null }> {
  let query = intakeQueries.get(db);
  if (query === undefined) {
    query = prepareIntakeRead(db);
    intakeQueries.set(db, query);
  }
  const found = (await query.execute({ code }))[0];
  if (found === undefined) throw new AgencyNotFoundError(code, field);
  return { agency: found.agency, settings: fromRow(found.settings ?? undefined, found.agency.remediesTemplate), latestCalendarLoad: found.latestCalendarLoad };
}

// Prepared once per database: a named statement that drizzle does not rebuild for every submission.
function prepareIntakeRead(db: Db) {
  return db
    .select({
      agency: agencies,
      settings: agencySettings,
      latestCalendarLoad: sql<string | null>`(select ${calendarLoads.id} from ${calendarLoads} order by ${calendarLoads.id} desc limit 1)`,
    })
    .from(agencies)
    .leftJoin(agencySettings, eq(agencySettings.agencyId, agencies.id))
    .where(eq(agencies.code, sql.placeholder('code')))
    .limit(1)
    .prepare('gongkai_intake_agency');
}

const intakeQueries = new WeakMap<object, ReturnType<typeof prepareIntakeRead>>();

/** What must be set before a letter or notice can be sent. */
export function missingForLetters(s: AgencySettings): string[] {
  const missing: string[] = [];
  if (s.reviewBody === null) missing.push('行政复议机关');
  if (s.court === null) missing.push('人民法院');
  if (s.letterNumberPattern === null) missing.push('文号格式');
  return missing;
}

/**
 * What letters should state but that does not block them: existing installations keep sending letters,
 * and the letter served on paper needs none of it.
 */
export function warningsForLetters(s: AgencySettings): string[] {
  const warnings: string[] = [];
  if (s.reviewOnlineChannel === null) warnings.push(ONLINE_REVIEW_CHANNEL_WARNING);
  return warnings;
}

export function requireLetterSettings(agencyName: string, s: AgencySettings): { reviewBody: string; court: string; letterNumberPattern: string } {
  const missing = missingForLetters(s);
  if (missing.length > 0 || s.reviewBody === null || s.court === null || s.letterNumberPattern === null) throw new AgencySettingsMissingError(agencyName, missing);
  return { reviewBody: s.reviewBody, court: s.court, letterNumberPattern: s.letterNumberPattern };
}

export async function getAgencySettings(db: Db, actor: Actor, code: string): Promise<AgencySettingsView> {
  const agency = await getAgencyByCode(db, code);
  if (actor.kind !== 'system' && !inScope(actor, agency.path)) throw new ForbiddenError('该机关不在您的管辖范围内');
  const s = await loadAgencySettings(db, agency);
  return { agencyCode: agency.code, agencyName: agency.name, ...s, suggestion: s.organKind === null ? null : suggestReviewBody(s.organKind), missing: missingForLetters(s), warnings: warningsForLetters(s) };
}

class SettingsConflictError extends DomainError {
  readonly code = 'agency.settings_conflict';
  readonly kind = 'conflict';
  constructor(expected: number, actual: number) {
    super(`机关设置已被他人修改（您看到的是第${expected}版，当前为第${actual}版），请刷新后重试`, [{ path: 'version', rule: 'current', message: '版本号已过期' }]);
  }
}

const GENERIC_BODIES = ['上级机关', '本级人民政府', '上一级人民政府', '上一级主管部门', '有关行政复议机关', '行政复议机关'];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks a settings change (unknown input) and returns the columns to write. */
export function parseSettingsChange(input: unknown): { version: number; set: Partial<Row> } {
  const issues: Issue[] = [];
  if (!isObject(input)) throw new ValidationError('机关设置', [{ path: '', rule: 'type', message: '应为对象' }]);
  const allowed = ['version', 'organKind', 'reviewBody', 'court', 'reviewOnlineChannel', 'remediesGeneral', 'remediesPrereview', 'deadline', 'supplementPeriodDays', 'unconfirmedAfterDays', 'letterNumberPattern'];
  for (const k of Object.keys(input)) if (!allowed.includes(k)) issues.push({ path: k, rule: 'unknown', message: `未知的设置项（可用：${allowed.join('、')}）` });
  const version = input['version'];
  if (!Number.isSafeInteger(version) || (version as number) < 0) issues.push({ path: 'version', rule: 'integer', message: '应为读取时的版本号（未设置过为0）' });
  const set: Partial<Row> = {};
  const text = (k: 'reviewBody' | 'court' | 'reviewOnlineChannel' | 'remediesGeneral' | 'remediesPrereview' | 'letterNumberPattern', min: number, max: number): string | null | undefined => {
    if (!(k in input)) return undefined;
    const v = input[k];
    if (v === null) return null;
    if (typeof v !== 'string' || [...v.trim()].length < min || [...v].length > max) {
      issues.push({ path: k, rule: 'length', message: `应为${min}–${max}个字符，或 null` });
      return undefined;
    }
    // The HTTP hook and the CLI refuse control characters before this; checked here too for every other caller.
    const control = controlCharacterIssue(k, v);
    if (control !== null) {
      issues.push(control);
      return undefined;
    }
    return v.trim();
  };
  if ('organKind' in input) {
    const v = input['organKind'];
    if (v === null || isOrganKind(v)) set.organKind = v;
    else issues.push({ path: 'organKind', rule: 'enum', message: `应为：${ORGAN_KIND_IDS.join('、')}` });
  }
  const reviewBody = text('reviewBody', 4, 100);
  if (typeof reviewBody === 'string') {
    if (GENERIC_BODIES.includes(reviewBody)) issues.push({ path: 'reviewBody', rule: 'full_name', message: '请写明行政复议机关的全称（如“某某市某某区人民政府”），不能只写“上级机关”“本级人民政府”' });
    else if (isComplaintOffice(reviewBody)) issues.push({ path: 'reviewBody', rule: 'not_complaint_office', message: '政务公开办是《条例》第五十一条的投诉举报渠道，不是行政复议机关（《行政复议法》第二十四条至第二十七条）' });
  }
  if (reviewBody !== undefined) set.reviewBody = reviewBody;
  const court = text('court', 4, 100);
  if (typeof court === 'string' && !court.includes('法院')) issues.push({ path: 'court', rule: 'court', message: '应为人民法院的名称' });
  if (court !== undefined) set.court = court;
  const onlineChannel = text('reviewOnlineChannel', 4, 300);
  if (typeof onlineChannel === 'string' && /[\r\n\t]/u.test(onlineChannel)) issues.push({ path: 'reviewOnlineChannel', rule: 'single_line', message: '应为一行：渠道名称和网址，如“某某行政复议网上申请平台（https://…）”' });
  else if (onlineChannel !== undefined) set.reviewOnlineChannel = onlineChannel;
  for (const k of ['remediesGeneral', 'remediesPrereview'] as const) {
    const v = text(k, 20, 2000);
    if (typeof v === 'string' && (!v.includes('{复议机关}') || !v.includes('{人民法院}'))) issues.push({ path: k, rule: 'placeholders', message: '救济途径文本应含 {复议机关} 和 {人民法院}，由本机关设置填入' });
    if (typeof v === 'string' && k === 'remediesPrereview' && !v.includes('先')) issues.push({ path: k, rule: 'prereview', message: '第十四条至第十六条不予公开的救济途径应写明须先申请行政复议（《行政复议法》第二十三条）' });
    if (v !== undefined) set[k] = v;
  }
  const pattern = text('letterNumberPattern', 6, 60);
  if (typeof pattern === 'string') {
    const issue = letterNumberPatternIssue(pattern);
    if (issue !== null) issues.push({ path: 'letterNumberPattern', rule: 'pattern', message: issue });
  }
  if (pattern !== undefined) set.letterNumberPattern = pattern;
  if ('deadline' in input) {
    const v = input['deadline'];
    if (!isObject(v)) issues.push({ path: 'deadline', rule: 'type', message: '应为对象' });
    else {
      try {
        resolveDeadlineSettings(v as Partial<DeadlineSettings>);
        set.deadline = v;
      } catch (err) {
        if (err instanceof ValidationError) issues.push(...err.issues.map((i) => ({ ...i, path: `deadline.${i.path}` })));
        else throw err;
      }
    }
  }
  if ('supplementPeriodDays' in input) {
    const v = input['supplementPeriodDays'];
    if (!Number.isSafeInteger(v) || (v as number) < MIN_SUPPLEMENT_PERIOD_DAYS || (v as number) > 60) {
      issues.push({ path: 'supplementPeriodDays', rule: 'range', message: `补正期限应为${MIN_SUPPLEMENT_PERIOD_DAYS}–60个工作日（合理的补正期限，《条例》第三十条）` });
    } else set.supplementPeriodDays = v as number;
  }
  if ('unconfirmedAfterDays' in input) {
    const v = input['unconfirmedAfterDays'];
    if (!Number.isSafeInteger(v) || (v as number) < 0 || (v as number) > 20) issues.push({ path: 'unconfirmedAfterDays', rule: 'range', message: '应为0–20个工作日' });
    else set.unconfirmedAfterDays = v as number;
  }
  if (issues.length > 0) throw new ValidationError('机关设置', issues);
  return { version: version as number, set };
}

/** Changes an agency's settings (admin), audited; optimistic concurrency on `version`. */
export async function putAgencySettings(db: Db, actor: Actor, code: string, input: unknown): Promise<AgencySettingsView> {
  requireRole(actor, ['admin'], '修改机关设置');
  const agency = await getAgencyByCode(db, code);
  if (!inScope(actor, agency.path)) throw new ForbiddenError('该机关不在您的管辖范围内');
  const { version, set } = parseSettingsChange(input);
  await db.transaction(async (tx) => {
    const rows = await tx.select({ version: agencySettings.version }).from(agencySettings).where(eq(agencySettings.agencyId, agency.id)).for('update');
    const current = rows[0]?.version ?? 0;
    if (current !== version) throw new SettingsConflictError(version, current);
    if (rows[0] === undefined) await tx.insert(agencySettings).values({ agencyId: agency.id, ...set });
    else await tx.update(agencySettings).set({ ...set, version: sql`${agencySettings.version} + 1`, updatedAt: sql`now()` }).where(eq(agencySettings.agencyId, agency.id));
    await tx.insert(events).values({ id: uuidv7(), agencyId: agency.id, applicationId: null, actor: actorId(actor), kind: 'agency.settings-changed', payload: { changes: set as Record<string, unknown> } });
  });
  return getAgencySettings(db, actor, code);
}

/** The next 文号 of the agency for `year` (counter reset each year), inside the caller's transaction. */
export async function allocateLetterNumber(tx: Tx, agencyId: string, pattern: string, year: number): Promise<string> {
  const rows = await tx
    .update(agencySettings)
    .set({
      letterCounter: sql`case when ${agencySettings.letterCounterYear} = ${year} then ${agencySettings.letterCounter} + 1 else 1 end`,
      letterCounterYear: year,
    })
    .where(eq(agencySettings.agencyId, agencyId))
    .returning({ n: agencySettings.letterCounter });
  const n = rows[0]?.n;
  if (n === undefined) throw new Error('agency settings row missing');
  return formatLetterNumber(pattern, year, n);
}
