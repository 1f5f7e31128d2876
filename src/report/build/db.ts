/**
 * The report over the database: the cases and appeal records an agency's report on a year counts, the
 * figures entered for table 2, the lock of a published year (with its audit events), and the SQL roll-up
 * of a region (政务公开办) that sums every agency below it without loading their cases.
 */
import { catalogueDocuments } from '../../catalogue/schema.ts';
import { loadCatalogueForTable2, table2FromCatalogue } from '../../catalogue/table2.ts';
import { and, eq, gte, inArray, isNotNull, isNull, like, lte, or, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { actorId, inScope, requireRole, type Actor } from '../../accounts/actor.ts';
import { PERMISSIONS } from '../../law/transitions.ts';
import { ForbiddenError } from '../../accounts/errors.ts';
import { getAgencyByCode, type AgencyRow } from '../../agencies/agencies.ts';
import type { Db, Tx } from '../../db/open.ts';
import { agencies, applications, events } from '../../db/schema.ts';
import { applicationRefs, registerImports } from '../../register/schema.ts';
import { appealColumnInYear, type AppealDecision, type AppealPath } from '../../law/appealResults.ts';
import {
  APPEAL_GROUP_IDS,
  isApplicantKind,
  isCaseOutcome,
  outcomeRowFor,
  table2Cells,
  type ApplicantKind,
} from '../../law/index.ts';
import { DomainError, ValidationError } from '../../shared/domainError.ts';
import { appeals as appealsTable } from '../../appeals/schema.ts';
import type { ProactiveTable, ReportData } from '../reportData.ts';
import { emptyReport, getCell, setCell } from '../reportData.ts';
import { parseProactiveTable, parseReportData } from '../validateReport.ts';
import type { AppealForReport } from './appeals.ts';
import { buildReport, cellSource, templateOrThrow, type CellSource } from './buildReport.ts';
import { yearEnd, yearStart, type CaseForReport } from './cases.ts';
import { ReportNotLockedError, UnknownCellError } from './errors.ts';
import { lockConflicts, type LockConflict } from './lock.ts';
import { reportYears } from './schema.ts';
import { holdFiguresExclusive, holdFiguresShared } from './figuresLock.ts';
import { submittedOnOf } from '../../requests/unconfirmed.ts';

/** A lock while a register import of the agency is still being written (embedded database: in chunks). */
export class ImportInProgressError extends DomainError {
  readonly code = 'report.import_in_progress';
  readonly kind = 'conflict';
  constructor() {
    super('该机关正在导入申请台账，请在导入完成后再发布（锁定）年度报告');
  }
}

/** A change to a case that a locked (published) report counted. */
export class ReportLockedError extends DomainError {
  readonly code = 'report.locked';
  readonly kind = 'conflict';
  readonly conflicts: readonly LockConflict[];

  constructor(conflicts: readonly LockConflict[]) {
    const years = conflicts.map((c) => `${c.year}年`).join('、');
    super(`${years}的年度报告已发布并锁定：这一修改会改变已发布报告中的数字（${conflicts.flatMap((c) => c.cells).slice(0, 4).join(', ')}…）。请先重新开放该年度报告`, conflicts.map((c) => ({ path: `report.${c.year}`, rule: 'report.locked', message: c.cells.join(', ') })));
    this.conflicts = conflicts;
  }
}

type Conn = Db | Tx;

/** The columns of an application the report reads. */
export interface CaseColumns {
  id: string;
  receivedOn: string | null;
  applicantKind: string;
  outcome: string | null;
  closedOn: string | null;
  firstOutcome: string | null;
  firstConcludedOn: string | null;
}

/**
 * A case as the report counts it: its first conclusion when a 纠正 reopened it (what the year's report
 * counted), else its current one. Null for a case not yet received.
 */
export function caseForReport(r: CaseColumns): CaseForReport | null {
  if (r.receivedOn === null || !isApplicantKind(r.applicantKind)) return null;
  const rawOutcome = r.firstOutcome ?? r.outcome;
  const outcome = rawOutcome !== null && isCaseOutcome(rawOutcome) ? rawOutcome : null;
  const concludedOn = r.firstOutcome !== null ? r.firstConcludedOn : r.closedOn;
  return { id: r.id, receivedOn: r.receivedOn, applicantKind: r.applicantKind, outcome, concludedOn: outcome === null ? null : concludedOn };
}

/** SQL: the outcome and conclusion date the report counts (see caseForReport). */
const countedOutcome = sql`coalesce(${applications.firstOutcome}, ${applications.outcome})`;
const countedOn = sql`coalesce(${applications.firstConcludedOn}, ${applications.closedOn})`;

const CASE_COLUMNS = {
  id: applications.id,
  receivedOn: applications.receivedOn,
  applicantKind: applications.applicantKind,
  outcome: applications.outcome,
  closedOn: applications.closedOn,
  firstOutcome: applications.firstOutcome,
  firstConcludedOn: applications.firstConcludedOn,
};

/** SQL: the agency's cases a report on `year` can count — received by its end and not concluded before it began. */
export function countedInYear(agencyId: string, year: number) {
  return and(
    eq(applications.agencyId, agencyId),
    isNotNull(applications.receivedOn),
    lte(applications.receivedOn, yearEnd(year)),
    sql`(${countedOutcome} is null or ${countedOn} is null or ${countedOn} >= ${yearStart(year)})`,
  );
}

/** The cases a report on `year` can count (countedInYear). */
export async function loadCasesForReport(db: Conn, agencyId: string, year: number): Promise<CaseForReport[]> {
  const rows = await db.select(CASE_COLUMNS).from(applications).where(countedInYear(agencyId, year)).orderBy(applications.receivedOn, applications.id);
  return rows.map(caseForReport).filter((c): c is CaseForReport => c !== null);
}

export async function loadAppealsForReport(db: Conn, agencyId: string, year: number): Promise<AppealForReport[]> {
  const rows = await db
    .select()
    .from(appealsTable)
    .where(and(eq(appealsTable.agencyId, agencyId), lte(appealsTable.filedOn, yearEnd(year)), or(isNull(appealsTable.decidedOn), gte(appealsTable.decidedOn, yearStart(year)))))
    .orderBy(appealsTable.filedOn, appealsTable.id);
  return rows.map((a) => {
    const decision = a.result === 'pending' ? null : (a.result as AppealDecision);
    return { id: a.id, path: a.path as AppealPath, filedOn: a.filedOn, decidedOn: decision === null ? null : a.decidedOn, decision };
  });
}

export async function yearRow(db: Conn, agencyId: string, year: number) {
  const rows = await db.select().from(reportYears).where(and(eq(reportYears.agencyId, agencyId), eq(reportYears.year, year)));
  return rows[0];
}

/** Enter (replace) the table-2 figures of a year; refused while the year is locked. */
export async function setProactiveFigures(db: Db, actor: Actor, agencyCode: string, year: number, proactive: unknown): Promise<ProactiveTable> {
  requireRole(actor, PERMISSIONS.enterReportFigures, '录入年度报告数字');
  const agency = await scopedAgency(db, actor, agencyCode);
  const template = templateOrThrow(year);
  const checked = parseProactiveTable(proactive, template);
  await db.transaction(async (tx) => {
    await holdFiguresShared(tx, agency.id);
    const current = await yearRow(tx, agency.id, year);
    if (current?.lockedAt) throw new ReportLockedError([{ year, cells: ['proactive'] }]);
    await tx
      .insert(reportYears)
      .values({ agencyId: agency.id, year, proactive: checked })
      .onConflictDoUpdate({ target: [reportYears.agencyId, reportYears.year], set: { proactive: checked, updatedAt: sql`now()` } });
    await tx.insert(events).values({ id: uuidv7(), agencyId: agency.id, applicationId: null, actor: actorId(actor), kind: 'report.figures_entered', payload: { year, proactive: checked } });
  });
  return checked;
}

export async function scopedAgency(db: Conn, actor: Actor, code: string): Promise<AgencyRow> {
  const agency = await getAgencyByCode(db as Db, code, 'agency');
  if (!inScope(actor, agency.path)) throw new ForbiddenError('该机关不在您的管辖范围内');
  return agency;
}

/** An online submission never confirmed (decisions.md #15): not in table 3, so the build lists it. */
export interface UnconfirmedSubmission {
  id: string;
  receiptCode: string;
  submittedOn: string;
  applicant: string;
}

/** The agency's online submissions made by the end of `year` and still neither confirmed nor rejected. */
export async function loadUnconfirmedForReport(db: Conn, agencyId: string, year: number): Promise<UnconfirmedSubmission[]> {
  const rows = await db
    .select({ id: applications.id, receiptCode: applications.receiptCode, submittedAt: applications.submittedAt, applicant: applications.applicantMasked })
    .from(applications)
    .where(and(eq(applications.agencyId, agencyId), eq(applications.state, 'submitted'), isNull(applications.receivedOn)))
    .orderBy(applications.submittedAt, applications.id);
  return rows
    .map((r) => ({ id: r.id, receiptCode: r.receiptCode, submittedOn: submittedOnOf(r.receiptCode, r.submittedAt), applicant: r.applicant }))
    .filter((r) => r.submittedOn <= yearEnd(year));
}

export interface AgencyReport {
  report: ReportData;
  /** online submissions never confirmed: not counted in table 3 (decisions.md #15) */
  unconfirmed: UnconfirmedSubmission[];
  /** last year's report: its locked snapshot when published, else built from cases (null before 2019) */
  previous: ReportData | null;
  /** whether the year is locked (the report is the published snapshot) */
  locked: boolean;
  source(path: string): Promise<CellSource>;
}

/** The report of one agency on one year, built from its records (or the published snapshot when locked). */
export async function buildAgencyReport(db: Db, actor: Actor, agencyCode: string, year: number, withPrevious = true): Promise<AgencyReport> {
  requireRole(actor, PERMISSIONS.readReports, '查看年度报告');
  const agency = await scopedAgency(db, actor, agencyCode);
  const [cases, appeals, row] = [await loadCasesForReport(db, agency.id, year), await loadAppealsForReport(db, agency.id, year), await yearRow(db, agency.id, year)];
  const catalogueDocs = await loadCatalogueForTable2(db, agency.id);
  const catalogue = catalogueDocs === null ? null : table2FromCatalogue(catalogueDocs, year, templateOrThrow(year));
  const built = buildReport({ agency: agency.name, year, cases, appeals, proactive: row?.proactive ?? null, catalogue, ...(row?.narrative ? { narrative: row.narrative } : {}) });
  const locked = row?.lockedAt != null && row.snapshot != null;
  const report = locked ? parseReportData(row.snapshot) : built;
  let previous: ReportData | null = null;
  if (withPrevious && year - 1 >= 2019) previous = (await buildAgencyReport(db, actor, agencyCode, year - 1, false)).report;
  const unconfirmed = await loadUnconfirmedForReport(db, agency.id, year);
  return { report, previous, unconfirmed, locked, source: async (path) => cellSource({ year, cases, appeals, catalogue }, path) };
}

/** Lock (publish) a year's report: the snapshot is kept, and changes to what it counted are refused. */
export async function lockReport(db: Db, actor: Actor, agencyCode: string, year: number): Promise<ReportData> {
  requireRole(actor, PERMISSIONS.lockReport, '发布（锁定）年度报告');
  const agency = await scopedAgency(db, actor, agencyCode);
  return db.transaction(async (tx) => {
    // Every write in flight that changes these figures commits first; later ones wait and then see the lock.
    await holdFiguresExclusive(tx, agency.id);
    const importing = await tx.select({ id: registerImports.id }).from(registerImports).where(and(eq(registerImports.agencyId, agency.id), eq(registerImports.status, 'importing'))).limit(1);
    if (importing.length > 0) throw new ImportInProgressError();
    const { report } = await buildAgencyReport(tx as unknown as Db, actor, agencyCode, year, false);
    await tx
      .insert(reportYears)
      .values({ agencyId: agency.id, year, lockedAt: sql`now()`, lockedBy: actorId(actor), snapshot: report })
      .onConflictDoUpdate({ target: [reportYears.agencyId, reportYears.year], set: { lockedAt: sql`now()`, lockedBy: actorId(actor), snapshot: report, updatedAt: sql`now()` } });
    await tx.insert(events).values({ id: uuidv7(), agencyId: agency.id, applicationId: null, actor: actorId(actor), kind: 'report.locked', payload: { year } });
    return report;
  });
}

/** Reopen a locked year (audited with its reason): cases it counted may change again until it is locked anew. */
export async function reopenReport(db: Db, actor: Actor, agencyCode: string, year: number, reason: string): Promise<void> {
  requireRole(actor, PERMISSIONS.reopenReport, '重新开放年度报告');
  const agency = await scopedAgency(db, actor, agencyCode);
  if (reason.trim() === '') throw new ValidationError('重新开放年度报告', [{ path: 'reason', rule: 'required', message: '请说明重新开放的理由' }]);
  await db.transaction(async (tx) => {
    await holdFiguresExclusive(tx, agency.id);
    const current = await yearRow(tx, agency.id, year);
    if (current?.lockedAt == null) throw new ReportNotLockedError(year);
    await tx.update(reportYears).set({ lockedAt: null, lockedBy: null, updatedAt: sql`now()` }).where(and(eq(reportYears.agencyId, agency.id), eq(reportYears.year, year)));
    await tx.insert(events).values({ id: uuidv7(), agencyId: agency.id, applicationId: null, actor: actorId(actor), kind: 'report.reopened', payload: { year, reason } });
  });
}

/**
 * The locked years of an agency, with their templates. Called by every writer inside its transaction: it
 * first takes the agency's figures lock in shared mode, so a year cannot be locked between this check and
 * the writer's commit (figuresLock.ts).
 */
export async function lockedYears(db: Conn, agencyId: string): Promise<{ year: number; template: '2019' | '2021' }[]> {
  await holdFiguresShared(db, agencyId);
  const rows = await db.select({ year: reportYears.year }).from(reportYears).where(and(eq(reportYears.agencyId, agencyId), isNotNull(reportYears.lockedAt)));
  return rows.map((r) => ({ year: r.year, template: templateOrThrow(r.year) }));
}

/**
 * The guard every change to a case runs in its transaction: refused (ReportLockedError) when it would alter
 * a locked year's figures. `before`/`after` null for a case being created/deleted.
 */
export async function assertCaseChangeAllowed(db: Conn, agencyId: string, before: CaseForReport | null, after: CaseForReport | null): Promise<void> {
  const locked = await lockedYears(db, agencyId);
  if (locked.length === 0) return;
  const conflicts = lockConflicts(before, after, locked);
  if (conflicts.length > 0) throw new ReportLockedError(conflicts);
}

/**
 * The roll-up of a region on `year`: every agency at or below `regionCode`, summed by SQL aggregation
 * (two grouped queries over applications, one over appeals) — equal to `rollUp` of their reports.
 */
export async function rollUpRegion(db: Db, actor: Actor, regionCode: string, year: number): Promise<ReportData> {
  requireRole(actor, PERMISSIONS.rollUpReports, '汇总辖区年度报告');
  const region = await scopedAgency(db, actor, regionCode);
  const template = templateOrThrow(year);
  const start = yearStart(year);
  const end = yearEnd(year);
  const under = sql`${applications.agencyId} in (select ${agencies.id} from ${agencies} where ${agencies.path} like ${`${region.path}%`})`;
  const report = emptyReport(`${region.name}（汇总）`, year, template);
  for (const c of ['applications', 'appeals'] as const) {
    const table = report[c] as Record<string, Record<string, number | null>>;
    for (const row of Object.values(table)) for (const k of Object.keys(row)) row[k] = 0;
  }
  const add = (path: string, n: number) => setCell(report, path, (getCell(report, path) ?? 0) + n);

  const balances = await db.execute(sql`
    select ${applications.applicantKind} as kind,
      count(*) filter (where ${applications.receivedOn} >= ${start}) as received,
      count(*) filter (where ${applications.receivedOn} < ${start}) as carried_over,
      count(*) filter (where ${countedOutcome} is null or ${countedOn} is null or ${countedOn} > ${end}) as carried_forward
    from ${applications}
    where ${under} and ${applications.receivedOn} <= ${end}
      and (${countedOutcome} is null or ${countedOn} is null or ${countedOn} >= ${start})
    group by 1`);
  for (const r of (balances as unknown as { rows: { kind: string; received: string | number; carried_over: string | number; carried_forward: string | number }[] }).rows) {
    if (!isApplicantKind(r.kind)) continue;
    for (const row of ['received', 'carried_over', 'carried_forward'] as const) {
      add(`applications.${row}.${r.kind}`, Number(r[row]));
      add(`applications.${row}.total`, Number(r[row]));
    }
  }
  const outcomes = await db.execute(sql`
    select ${applications.applicantKind} as kind, ${countedOutcome} as outcome, count(*) as n
    from ${applications}
    where ${under} and ${countedOutcome} is not null and ${countedOn} between ${start} and ${end}
      and ${applications.receivedOn} is not null
    group by 1, 2`);
  for (const r of (outcomes as unknown as { rows: { kind: string; outcome: string; n: string | number }[] }).rows) {
    if (!isApplicantKind(r.kind) || !isCaseOutcome(r.outcome)) continue;
    const row = outcomeRowFor(r.outcome, template);
    const kind: ApplicantKind = r.kind;
    for (const target of [row, 'processed_total']) {
      add(`applications.${target}.${kind}`, Number(r.n));
      add(`applications.${target}.total`, Number(r.n));
    }
  }
  const appealRows = await db
    .select({ path: appealsTable.path, result: appealsTable.result, filedOn: appealsTable.filedOn, decidedOn: appealsTable.decidedOn })
    .from(appealsTable)
    .where(and(sql`${appealsTable.agencyId} in (select ${agencies.id} from ${agencies} where ${agencies.path} like ${`${region.path}%`})`, lte(appealsTable.filedOn, end), or(isNull(appealsTable.decidedOn), gte(appealsTable.decidedOn, start))));
  for (const a of appealRows) {
    if (!(APPEAL_GROUP_IDS as readonly string[]).includes(a.path)) continue;
    const decision = a.result === 'pending' ? null : (a.result as AppealDecision);
    const col = appealColumnInYear({ filedOn: a.filedOn, decidedOn: decision === null ? null : a.decidedOn, decision }, year);
    if (col === null) continue;
    add(`appeals.${a.path}.${col}`, 1);
    add(`appeals.${a.path}.total`, 1);
  }
  // Table 2: the entered figures summed; a cell is null when any agency below has not entered it.
  const agencyRows = await db.select({ id: agencies.id }).from(agencies).where(like(agencies.path, `${region.path}%`));
  const figures = await db.select({ agencyId: reportYears.agencyId, proactive: reportYears.proactive }).from(reportYears).where(and(eq(reportYears.year, year), inArray(reportYears.agencyId, agencyRows.map((a) => a.id))));
  const byAgency = new Map(figures.map((f) => [f.agencyId, f.proactive]));
  for (const cell of table2Cells(template)) {
    let total: number | null = 0;
    for (const a of agencyRows) {
      const v = (byAgency.get(a.id) as Record<string, Record<string, number | null>> | null | undefined)?.[cell.row]?.[cell.column] ?? null;
      total = total === null || v === null ? null : cell.value === 'amount' ? Math.round((total + v) * 1e6) / 1e6 : total + v;
    }
    setCell(report, `proactive.${cell.row}.${cell.column}`, total);
  }
  report.provenance = { source: 'roll-up', region: region.name, agencies: agencyRows.length, notes: ['表三、表四由辖区内全部机关的案件与复议诉讼记录汇总，表二为各机关录入数字之和'] };
  return report;
}

/** One case a cell counts, as the drill-down lists it (personal data masked). */
export interface CellCase {
  id: string;
  /** the agency's own 编号 (from the register), when it has one */
  ref: string | null;
  receiptCode: string;
  receivedOn: string | null;
  applicantKind: string;
  applicant: string;
  /** the outcome the report counts (the first conclusion of a reopened case) */
  outcome: string | null;
  concludedOn: string | null;
  state: string;
}

export interface CellAppeal {
  id: string;
  body: string;
  caseNumber: string;
  path: string;
  filedOn: string;
  result: string;
  decidedOn: string | null;
}

export type CellListing =
  | { cell: string; kind: 'cases'; count: number; figure: number | null; items: CellCase[] }
  | { cell: string; kind: 'appeals'; count: number; figure: number | null; items: CellAppeal[] }
  | { cell: string; kind: 'catalogue'; count: number; figure: number | null; items: CellDocument[] }
  | { cell: string; kind: 'entered'; count: null; figure: number | null; items: [] };

export interface CellDocument {
  id: string;
  indexNumber: string;
  title: string;
  writtenOn: string;
  publishedOn: string | null;
  validity: string;
}

/** The records a cell of an agency's report on `year` counts (the drill-down). */
export async function cellRecords(db: Db, actor: Actor, agencyCode: string, year: number, cell: string): Promise<CellListing> {
  const built = await buildAgencyReport(db, actor, agencyCode, year, false);
  const value = cell.includes('.') ? getCell(built.report, cell) : undefined;
  if (value === undefined) throw new UnknownCellError(cell, `“${cell}”不是${year}年报告（${built.report.template} 模板）的单元格`);
  const figure = value;
  const src = await built.source(cell);
  switch (src.kind) {
    case 'entered':
      return { cell, kind: 'entered', count: null, figure, items: [] };
    case 'catalogue': {
      const rows = src.ids.length === 0 ? [] : await db.select({ id: catalogueDocuments.id, indexNumber: catalogueDocuments.indexNumber, title: catalogueDocuments.title, writtenOn: catalogueDocuments.writtenOn, publishedOn: catalogueDocuments.publishedOn, validity: catalogueDocuments.validity }).from(catalogueDocuments).where(inArray(catalogueDocuments.id, src.ids)).orderBy(catalogueDocuments.writtenOn, catalogueDocuments.indexNumber);
      return { cell, kind: 'catalogue', count: rows.length, figure, items: rows };
    }
    case 'appeals': {
      const rows = src.ids.length === 0 ? [] : await db.select().from(appealsTable).where(inArray(appealsTable.id, src.ids)).orderBy(appealsTable.filedOn, appealsTable.id);
      return { cell, kind: 'appeals', count: rows.length, figure, items: rows.map((a) => ({ id: a.id, body: a.body, caseNumber: a.caseNumber, path: a.path, filedOn: a.filedOn, result: a.result, decidedOn: a.decidedOn })) };
    }
    case 'cases': {
      const items: CellCase[] = [];
      const CHUNK = 1000;
      for (let i = 0; i < src.ids.length; i += CHUNK) {
        const ids = src.ids.slice(i, i + CHUNK);
        const rows = await db
          .select({ ...CASE_COLUMNS, receiptCode: applications.receiptCode, applicant: applications.applicantMasked, state: applications.state, ref: applicationRefs.ref, importId: applicationRefs.importId })
          .from(applications)
          .leftJoin(applicationRefs, eq(applicationRefs.applicationId, applications.id))
          .where(inArray(applications.id, ids))
          .orderBy(applications.receivedOn, applications.id);
        for (const r of rows) {
          const counted = caseForReport(r);
          const ref = r.ref !== null && !(r.importId !== null && r.ref.endsWith(r.importId)) ? r.ref : null;
          items.push({ id: r.id, ref, receiptCode: r.receiptCode, receivedOn: r.receivedOn, applicantKind: r.applicantKind, applicant: r.applicant, outcome: counted?.outcome ?? null, concludedOn: counted?.concludedOn ?? null, state: r.state });
        }
      }
      return { cell, kind: 'cases', count: items.length, figure, items };
    }
    default: {
      const never: never = src;
      throw new Error(`unknown cell source ${String(never)}`);
    }
  }
}

/** The lock guard for a change to one application row (`after` null when it is deleted). */
export async function assertRowChangeAllowed(db: Conn, agencyId: string, before: CaseColumns | null, after: CaseColumns | null): Promise<void> {
  await assertCaseChangeAllowed(db, agencyId, before === null ? null : caseForReport(before), after === null ? null : caseForReport(after));
}
