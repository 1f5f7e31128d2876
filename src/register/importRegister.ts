/**
 * The register import into the database: every row becomes a case of the agency, in one transaction —
 * all or nothing. Besides the file's own checks, it refuses a 编号 the agency already has and a row that
 * would change a locked (published) year's report; every problem comes back with its row and column.
 */
import { createHash } from 'node:crypto';
import { receiptCodeOf } from '../requests/receiptCode.ts';
import { yieldToEventLoop } from '../shared/yieldToEventLoop.ts';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { actorId, inScope, type Actor } from '../accounts/actor.ts';
import { ForbiddenError } from '../accounts/errors.ts';
import { getAgencyByCode, isUniqueViolation, type AgencyRow } from '../agencies/agencies.ts';
import { isEmbeddedDatabase, type Db, type Tx } from '../db/open.ts';
import type { SecretKey } from '../db/secretKey.ts';
import { applications, events } from '../db/schema.ts';
import { requireRole } from '../accounts/actor.ts';
import { NO_QUERY_PASSWORD } from '../requests/queryPassword.ts';
import { maskName } from '../requests/identity.ts';
import { lockedYears } from '../report/build/db.ts';
import { lockConflicts } from '../report/build/lock.ts';
import { PERMISSIONS } from '../law/transitions.ts';
import { columnLabel } from './columns.ts';
import { RegisterInvalidError, type RegisterIssue } from './errors.ts';
import { applicationRefs, registerImports } from './schema.ts';
import type { RegisterRow } from './validate.ts';

export interface ImportRegisterProps {
  agencyCode: string;
  fileName: string;
  /** the file's bytes (for the import record's sha256) */
  bytes?: Uint8Array;
  rows: readonly RegisterRow[];
  /** draws the random part of a receipt code (default: 6 random characters); tests force collisions with it */
  randomPart?: () => string;
}

export interface ImportRegisterResult {
  importId: string;
  agency: string;
  imported: number;
  open: number;
  applicationIds: string[];
}

/** Rows per INSERT (18 columns × 500 stays far below PostgreSQL's 65,535 bind parameters). */
const CHUNK = 500;
/**
 * On the embedded database each transaction holds it (every other request waits): chunks are sized by
 * time, not rows — each aims at EMBEDDED_TARGET_MS, grown or shrunk from how long the previous one took,
 * so a slow machine or wide rows stay under ~200 ms too.
 */
export const EMBEDDED_TARGET_MS = 80;
const EMBEDDED_FIRST_CHUNK = 50;
const EMBEDDED_MIN_CHUNK = 10;

/** The next chunk's rows after `size` rows took `elapsedMs`: toward the target, at most doubling, within bounds. */
export function nextEmbeddedChunk(size: number, elapsedMs: number): number {
  const scaled = Math.floor((size * EMBEDDED_TARGET_MS) / Math.max(elapsedMs, 1));
  return Math.max(EMBEDDED_MIN_CHUNK, Math.min(CHUNK, size * 2, scaled));
}
/** 编号 per lookup query. */
const LOOKUP_CHUNK = 5_000;
/** 编号 per lookup on the embedded database, each its own short query (≈ 20 ms). */
const EMBEDDED_LOOKUP_CHUNK = 1_000;

/** Removes an unfinished import's cases, events and references (a failed or interrupted embedded import). */
export async function removeImport(db: Db, importId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const rows = await tx
      .select({ id: events.applicationId })
      .from(events)
      .where(and(eq(events.kind, 'imported'), sql`${events.payload}->>'importId' = ${importId}`));
    const ids = rows.flatMap((r) => (r.id === null ? [] : [r.id]));
    await tx.delete(applicationRefs).where(eq(applicationRefs.importId, importId));
    for (let start = 0; start < ids.length; start += LOOKUP_CHUNK) {
      const slice = ids.slice(start, start + LOOKUP_CHUNK);
      await tx.delete(events).where(inArray(events.applicationId, slice));
      await tx.delete(applications).where(inArray(applications.id, slice));
    }
    await tx.delete(events).where(and(eq(events.kind, 'register.imported'), sql`${events.payload}->>'importId' = ${importId}`));
    await tx.delete(registerImports).where(eq(registerImports.id, importId));
  });
}

/** Removes every embedded import a crash left unfinished (run at start). */
export async function removeUnfinishedImports(db: Db): Promise<number> {
  const unfinished = await db.select({ id: registerImports.id }).from(registerImports).where(eq(registerImports.status, 'importing'));
  for (const { id } of unfinished) await removeImport(db, id);
  return unfinished.length;
}

/** The workflow state of an imported case: open cases are being handled; closed ones ended as recorded. */
function stateOf(row: RegisterRow): string {
  if (row.outcome === null) return 'processing';
  return row.outcome.startsWith('other.') ? 'closed' : 'delivered';
}

/** The role and agency-scope check of an import, on its own so that routes run it before reading the file. */
export async function assertImportAllowed(db: Db, actor: Actor, agencyCode: string): Promise<AgencyRow> {
  requireRole(actor, PERMISSIONS.importRegister, '导入申请台账');
  const agency = await getAgencyByCode(db, agencyCode, 'agency');
  if (!inScope(actor, agency.path)) throw new ForbiddenError('该机关不在您的管辖范围内');
  return agency;
}

export async function importRegister(db: Db, actor: Actor, key: SecretKey, props: ImportRegisterProps): Promise<ImportRegisterResult> {
  const agency = await assertImportAllowed(db, actor, props.agencyCode);

  const importId = uuidv7();
  const ids = props.rows.map(() => uuidv7());
  const by = actorId(actor);
  // On the embedded database (one connection, run on this thread) the rows are written in short
  // transactions with the event loop free in between, so that other requests are served during a large
  // import; a failure removes what was written (removeImport) and the import is marked complete last.
  // On PostgreSQL it is one transaction.
  const embedded = isEmbeddedDatabase(db);

  const refs = props.rows.flatMap((r) => (r.ref === null ? [] : [r.ref]));
  const taken = new Set<string>();
  /** Notes which of these 编号 the agency's cases already use. */
  const lookUpTaken = async (q: Db | Tx, slice: string[]): Promise<void> => {
    for (const r of await q.select({ ref: applicationRefs.ref }).from(applicationRefs).where(and(eq(applicationRefs.agencyId, agency.id), inArray(applicationRefs.ref, slice)))) taken.add(r.ref);
  };
  const check = async (tx: Tx): Promise<void> => {
    const issues: RegisterIssue[] = [];
    for (const r of props.rows) {
      if (r.ref !== null && taken.has(r.ref)) issues.push({ path: `第${r.row}行 ${columnLabel('ref')}`, row: r.row, column: columnLabel('ref'), rule: 'ref.exists', message: `编号“${r.ref}”在${agency.name}已有申请（可能已导入过）` });
    }
    const locked = await lockedYears(tx, agency.id);
    for (const [i, r] of props.rows.entries()) {
      const conflicts = lockConflicts(null, { id: ids[i]!, receivedOn: r.receivedOn, applicantKind: r.applicantType, outcome: r.outcome, concludedOn: r.concludedOn }, locked);
      if (conflicts.length > 0)
        issues.push({ path: `第${r.row}行 ${columnLabel('received_on')}`, row: r.row, column: columnLabel('received_on'), rule: 'year.locked', message: `${conflicts.map((c) => `${c.year}年`).join('、')}的年度报告已发布锁定，导入这件申请会改变其数字；请先重新开放该年度报告` });
    }
    if (issues.length > 0) throw new RegisterInvalidError(issues);

    await tx.insert(registerImports).values({
      id: importId,
      status: embedded ? 'importing' : 'complete',
      agencyId: agency.id,
      fileName: props.fileName,
      sha256: createHash('sha256').update(props.bytes ?? new Uint8Array()).digest('hex'),
      rows: props.rows.length,
      importedBy: by,
    });
  };

  const usedCodes = new Set<string>();
  const receiptCode = (r: RegisterRow): string => {
    for (let draw = 0; draw < 1000; draw++) {
      const code = receiptCodeOf(r.receivedOn, props.randomPart);
      if (!usedCodes.has(code)) {
        usedCodes.add(code);
        return code;
      }
    }
    throw new Error('no unused receipt code could be drawn');
  };

  /** Writes rows [start, start + size) — size at most CHUNK. */
  const writeChunk = async (tx: Tx, start: number, size: number): Promise<void> => {
    const chunk = props.rows.slice(start, start + size);
    const values = (codes: string[]) =>
      chunk.map((r, j) => {
        const name = r.applicantName ?? '（台账未记载）';
        return {
          id: ids[start + j]!,
          agencyId: agency.id,
          receiptCode: codes[j]!,
          // No one was given a query password for a case of a register (it opens no status page).
          queryPasswordHash: NO_QUERY_PASSWORD,
          channel: r.channel ?? 'other',
          state: stateOf(r),
          outcome: r.outcome,
          applicantKind: r.applicantType,
          applicantMasked: r.applicantName === null ? '*' : r.applicantType === 'natural_person' ? maskName(name) : name,
          personalData: key.encryptJson({ kind: r.applicantType, name }),
          description: r.subject ?? '（台账未记载申请内容）',
          form: 'paper',
          delivery: 'post',
          submittedAt: `${r.receivedOn}T00:00:00+08:00`,
          receivedOn: r.receivedOn,
          answeredOn: r.outcome === null || r.outcome.startsWith('other.') ? null : r.concludedOn,
          closedOn: r.concludedOn,
        };
      });
    // A receipt code an earlier case already has (a collision of the random part) is drawn anew: the chunk
    // runs in a savepoint so that the retry keeps the import's one transaction.
    for (let attempt = 0; ; attempt++) {
      const codes = chunk.map(receiptCode);
      try {
        await tx.transaction(async (sp) => {
          await sp.insert(applications).values(values(codes));
        });
        break;
      } catch (err) {
        if (attempt < 5 && isUniqueViolation(err)) continue;
        throw err;
      }
    }
    await tx.insert(events).values(
      chunk.map((r, j) => ({
        id: uuidv7(),
        agencyId: agency.id,
        applicationId: ids[start + j]!,
        actor: by,
        kind: 'imported',
        payload: {
          date: r.receivedOn,
          importId,
          file: props.fileName,
          row: r.row,
          ...(r.ref !== null ? { ref: r.ref } : {}),
          outcome: r.outcome,
          ...(r.answers.length > 0 ? { answers: r.answers } : {}),
          concludedOn: r.concludedOn,
          version: 1,
        },
      })),
    );
    const withRefs = chunk.flatMap((r, j) => (r.ref === null && Object.keys(r.notes).length === 0 ? [] : [{ r, id: ids[start + j]! }]));
    if (withRefs.length > 0)
      await tx.insert(applicationRefs).values(withRefs.map(({ r, id }) => ({ applicationId: id, agencyId: agency.id, ref: r.ref ?? `row-${r.row}-${importId}`, importId, notes: r.notes })));
  };

  const finish = async (tx: Tx): Promise<void> => {
    await tx.insert(events).values({ id: uuidv7(), agencyId: agency.id, applicationId: null, actor: by, kind: 'register.imported', payload: { importId, file: props.fileName, rows: props.rows.length } });
    if (embedded) await tx.update(registerImports).set({ status: 'complete' }).where(eq(registerImports.id, importId));
  };

  if (!embedded) {
    await db.transaction(async (tx) => {
      // In slices: one query with every 编号 of a 100,000-row register would pass PostgreSQL's 65,535 bind parameters.
      for (let start = 0; start < refs.length; start += LOOKUP_CHUNK) await lookUpTaken(tx, refs.slice(start, start + LOOKUP_CHUNK));
      await check(tx);
      for (let start = 0; start < props.rows.length; start += CHUNK) await writeChunk(tx, start, CHUNK);
      await finish(tx);
    });
  } else {
    // Short lookups with the event loop free between them (a clash with a case written meanwhile is still
    // refused: the unique 编号 index fails that chunk and the import is removed).
    for (let start = 0; start < refs.length; start += EMBEDDED_LOOKUP_CHUNK) {
      await lookUpTaken(db, refs.slice(start, start + EMBEDDED_LOOKUP_CHUNK));
      await yieldToEventLoop();
    }
    await db.transaction(check);
    try {
      let size = EMBEDDED_FIRST_CHUNK;
      for (let start = 0; start < props.rows.length; ) {
        const began = performance.now();
        await db.transaction((tx) => writeChunk(tx, start, size));
        start += size;
        size = nextEmbeddedChunk(size, performance.now() - began);
        await yieldToEventLoop();
      }
      await db.transaction(finish);
    } catch (err) {
      await removeImport(db, importId);
      throw err;
    }
  }
  return { importId, agency: agency.name, imported: props.rows.length, open: props.rows.filter((r) => r.outcome === null).length, applicationIds: ids };
}
