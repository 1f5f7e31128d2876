/**
 * The register (台账) export of one agency's year: every case table 3 of that year counts (received in the
 * year, or carried over into it), in the columns of spec/register.md — so that the file re-imports into an
 * empty installation and gives the same table 3 — followed by the columns of the answer: the specific
 * reason of a refusal, the Art. 16 discretionary decision, the decision as the letter states it, 文号 and
 * the letter's date.
 *
 * The applicant is masked unless the export is asked for with a reason by someone who may see personal
 * data; every export is written to the audit trail (`register.exported`), with the reason when unmasked.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { actorId, inScope, requireRole, type Actor } from '../accounts/actor.ts';
import { ForbiddenError } from '../accounts/errors.ts';
import { getAgencyByCode } from '../agencies/agencies.ts';
import type { Db } from '../db/open.ts';
import { applications, events, letters, notices } from '../db/schema.ts';
import type { SecretKey } from '../db/secretKey.ts';
import { APPLICANT_KINDS, TABLE3_ROWS, table3RowShortName, type CaseOutcome } from '../law/index.ts';
import { caseForReport, countedInYear } from '../report/build/db.ts';
import { PERMISSIONS } from '../law/transitions.ts';
import { ValidationError } from '../shared/domainError.ts';
import { openLetterBody } from '../requests/letters.ts';
import { decryptApplicant } from '../requests/queries.ts';
import { yieldToEventLoop } from '../shared/yieldToEventLoop.ts';
import { applicationRefs } from './schema.ts';
import { columnForHeader, REGISTER_COLUMNS } from './columns.ts';
import { CHANNELS, lookupOutcome } from './values.ts';

/** The columns after those of spec/register.md: kept as notes by an import. */
export const EXPORT_EXTRA_COLUMNS = [
  { id: 'receipt_code', label: '受理编号' },
  { id: 'reason', label: '具体理由' },
  { id: 'discretion', label: '第十六条裁量决定（可以不予公开的理由）' },
  { id: 'decision', label: '答复内容（告知书所述）' },
  { id: 'letter_number', label: '告知书文号' },
  { id: 'letter_date', label: '告知书日期' },
] as const;

export const REGISTER_EXPORT_HEADERS: readonly string[] = [...REGISTER_COLUMNS.map((c) => c.label), ...EXPORT_EXTRA_COLUMNS.map((c) => c.label)];

for (const c of EXPORT_EXTRA_COLUMNS) {
  if (columnForHeader(c.label) !== undefined) throw new Error(`export column ${c.label} would be read as a register column`);
}

export interface RegisterExportProps {
  agencyCode: string;
  year: number;
  /** Unmasked personal data: only with a reason, which the audit event keeps. */
  reveal?: { reason: string } | undefined;
}

export interface RegisterExport {
  agency: { code: string; name: string };
  year: number;
  revealed: boolean;
  headers: readonly string[];
  /** one row per case, cells as text (dates `YYYY-MM-DD`), empty string for none */
  rows: string[][];
}

const CHANNEL_LABEL = new Map<string, string>(CHANNELS.map((c) => [c.id, c.label]));
const APPLICANT_LABEL = new Map<string, string>(APPLICANT_KINDS.map((k) => [k.id, k.label]));

/** The label an import reads back as the same outcome: the short table-3 name, or the full one where the short one is shared. */
export function outcomeExportLabel(outcome: CaseOutcome): string {
  const row = TABLE3_ROWS['2021'].find((r) => r.id === outcome);
  if (row === undefined) return outcome;
  const short = table3RowShortName(row);
  if (lookupOutcome(short) === outcome) return short;
  return lookupOutcome(row.name) === outcome ? row.name : outcome;
}

/** The decision paragraph of a letter: the one after “现答复如下：” (letterDraft.ts), or the whole body when edited otherwise. */
export function decisionOfLetter(body: string): string {
  const lines = body.split('\n');
  const at = lines.findIndex((l) => l.trimEnd().endsWith('现答复如下：'));
  if (at >= 0 && lines[at + 1] !== undefined) return lines[at + 1]!.trim();
  return lines.slice(1).filter((l) => l.trim() !== '').join(' ');
}

/** Cases per query of an export (with their letters): a short hold of the embedded database each. */
const EXPORT_PAGE = 1_000;

/** The lapse notice stands for the letter of a case that lapsed (逾期不补正, 逾期未缴费). */
const LAPSE_NOTICE_KINDS = ['supplement-lapsed', 'fee-lapsed'];

function factText(facts: Record<string, unknown> | null, key: string): string {
  const v = facts?.[key];
  return typeof v === 'string' ? v : '';
}

/** The year's cases after `after` in the register's order (receipt date, then case), one page. */
function exportPage(db: Db, agencyId: string, year: number, revealed: boolean, after: { receivedOn: string | null; id: string } | undefined) {
  return db
    .select({
      id: applications.id,
      receiptCode: applications.receiptCode,
      channel: applications.channel,
      receivedOn: applications.receivedOn,
      applicantKind: applications.applicantKind,
      applicantMasked: applications.applicantMasked,
      // The sealed personal data only when it is revealed.
      personalData: revealed ? applications.personalData : sql<string>`''`,
      description: applications.description,
      outcome: applications.outcome,
      closedOn: applications.closedOn,
      firstOutcome: applications.firstOutcome,
      firstConcludedOn: applications.firstConcludedOn,
      answerFacts: applications.answerFacts,
      ref: applicationRefs.ref,
    })
    .from(applications)
    .leftJoin(applicationRefs, eq(applicationRefs.applicationId, applications.id))
    .where(and(countedInYear(agencyId, year), after === undefined ? undefined : sql`(${applications.receivedOn}, ${applications.id}) > (${after.receivedOn}, ${after.id})`))
    .orderBy(asc(applications.receivedOn), asc(applications.id))
    .limit(EXPORT_PAGE);
}

type ExportCase = Awaited<ReturnType<typeof exportPage>>[number];

export async function exportRegister(db: Db, actor: Actor, key: SecretKey, props: RegisterExportProps): Promise<RegisterExport> {
  requireRole(actor, PERMISSIONS.exportRegister, '导出申请台账');
  const agency = await getAgencyByCode(db, props.agencyCode, 'agency');
  if (!inScope(actor, agency.path)) throw new ForbiddenError('该机关不在您的管辖范围内');
  let reason: string | null = null;
  if (props.reveal !== undefined) {
    requireRole(actor, PERMISSIONS.exportRegisterPersonalData, '导出申请人完整个人信息');
    reason = props.reveal.reason.trim();
    if ([...reason].length < 2) throw new ValidationError('导出台账', [{ path: 'reason', rule: 'required', message: '导出完整个人信息须说明理由（至少2个字）' }]);
  }
  if (!Number.isInteger(props.year) || props.year < 2019 || props.year > 2100) {
    throw new ValidationError('导出台账', [{ path: 'year', rule: 'range', message: '年度应为2019年至2100年之间的整数' }]);
  }
  // In pages of EXPORT_PAGE cases in their order, each with its letters, and the event loop free between
  // pages: on the embedded database a whole year in one query held it (and the server) too long (issue 14).
  const cases: ExportCase[] = [];
  const letterOf = new Map<string, { number: string | null; issuedOn: string | null; decision: string }>();
  for (let after: ExportCase | undefined; ; ) {
    const page = await exportPage(db, agency.id, props.year, reason !== null, after);
    cases.push(...page);
    const slice = page.map((c) => c.id);
    if (slice.length > 0) {
      const sent = await db
        .select({ applicationId: letters.applicationId, number: letters.number, issuedOn: letters.issuedOn, body: letters.body })
        .from(letters)
        .where(and(inArray(letters.applicationId, slice), eq(letters.status, 'sent')));
      for (const l of sent) letterOf.set(l.applicationId, { number: l.number, issuedOn: l.issuedOn, decision: decisionOfLetter(openLetterBody(key, l.body)) });
      const lapses = await db
        .select({ applicationId: notices.applicationId, number: notices.number, issuedOn: notices.issuedOn, body: notices.body })
        .from(notices)
        .where(and(inArray(notices.applicationId, slice), inArray(notices.kind, LAPSE_NOTICE_KINDS)))
        .orderBy(asc(notices.createdAt));
      for (const n of lapses) {
        if (!letterOf.has(n.applicationId)) letterOf.set(n.applicationId, { number: n.number, issuedOn: n.issuedOn, decision: n.body.split('\n')[2]?.trim() ?? '' });
      }
    }
    after = page.at(-1);
    if (page.length < EXPORT_PAGE) break;
    await yieldToEventLoop();
  }

  const rows = cases.map((c) => {
    // What the report counts: the first conclusion when a 纠正 reopened the case (report/build/db.ts).
    const counted = caseForReport(c);
    const outcome = counted?.outcome ?? null;
    const concludedOn = counted?.concludedOn ?? null;
    const name = reason === null ? c.applicantMasked : String(decryptApplicant(key, c).name ?? '');
    const letter = letterOf.get(c.id);
    return [
      c.ref ?? c.receiptCode,
      c.receivedOn ?? '',
      CHANNEL_LABEL.get(c.channel) ?? '其他',
      APPLICANT_LABEL.get(c.applicantKind) ?? c.applicantKind,
      name,
      c.description,
      outcome === null ? '' : outcomeExportLabel(outcome),
      outcome === null ? '' : (concludedOn ?? ''),
      c.receiptCode,
      factText(c.answerFacts, 'reason'),
      factText(c.answerFacts, 'discretion'),
      letter?.decision ?? '',
      letter?.number ?? '',
      letter?.issuedOn ?? '',
    ];
  });

  await db.insert(events).values({
    id: uuidv7(),
    agencyId: agency.id,
    applicationId: null,
    actor: actorId(actor),
    kind: 'register.exported',
    payload: { year: props.year, rows: rows.length, personalData: reason === null ? 'masked' : 'full', ...(reason === null ? {} : { reason }) },
  });
  return { agency: { code: agency.code, name: agency.name }, year: props.year, revealed: reason !== null, headers: REGISTER_EXPORT_HEADERS, rows };
}
