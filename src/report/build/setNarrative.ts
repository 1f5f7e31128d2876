/**
 * Save the office's text of a year's report (ReportData.narrative): every section at once, as edited in
 * the console from the draft. Refused while the year is locked; the published report carries the text
 * saved before the lock (lockReport builds the snapshot through buildAgencyReport).
 */
import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { actorId, requireRole, type Actor } from '../../accounts/actor.ts';
import type { Db } from '../../db/open.ts';
import { events } from '../../db/schema.ts';
import { PERMISSIONS } from '../../law/transitions.ts';
import { ValidationError, type Issue } from '../../shared/domainError.ts';
import { controlCharacterIssue } from '../../shared/text.ts';
import { NARRATIVE_KEYS, type Narrative, type NarrativeKey } from '../reportData.ts';
import { templateOrThrow } from './buildReport.ts';
import { ReportLockedError, scopedAgency, yearRow } from './db.ts';
import { holdFiguresShared } from './figuresLock.ts';
import { reportYears } from './schema.ts';

/** Characters per section: a long section of a real report is a few thousand. */
export const NARRATIVE_SECTION_MAX = 20_000;

/** The narrative as sent (unknown), checked: known section keys, strings, bounded, no control characters. */
export function parseNarrative(input: unknown): Narrative {
  const issues: Issue[] = [];
  const narrative: Narrative = {};
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new ValidationError('年度报告正文', [{ path: 'narrative', rule: 'type', message: '应为各部分正文组成的对象' }]);
  }
  for (const [key, text] of Object.entries(input)) {
    const path = `narrative.${key}`;
    if (!(NARRATIVE_KEYS as readonly string[]).includes(key)) issues.push({ path, rule: 'unknown_section', message: `不是报告的一部分（可用：${NARRATIVE_KEYS.join('、')}）` });
    else if (typeof text !== 'string') issues.push({ path, rule: 'type', message: '应为文字' });
    else if ([...text].length > NARRATIVE_SECTION_MAX) issues.push({ path, rule: 'max_length', message: `不能超过${NARRATIVE_SECTION_MAX}个字符` });
    else {
      const control = controlCharacterIssue(path, text);
      if (control !== null) issues.push(control);
      else if (text.trim() !== '') narrative[key as NarrativeKey] = text.replace(/\r\n?/g, '\n').trim();
    }
  }
  if (issues.length > 0) throw new ValidationError('年度报告正文', issues);
  return narrative;
}

export async function setReportNarrative(db: Db, actor: Actor, agencyCode: string, year: number, input: unknown): Promise<Narrative> {
  requireRole(actor, PERMISSIONS.enterReportFigures, '编辑年度报告正文');
  const agency = await scopedAgency(db, actor, agencyCode);
  templateOrThrow(year);
  const narrative = parseNarrative(input);
  await db.transaction(async (tx) => {
    await holdFiguresShared(tx, agency.id);
    const current = await yearRow(tx, agency.id, year);
    if (current?.lockedAt) throw new ReportLockedError([{ year, cells: ['narrative'] }]);
    await tx
      .insert(reportYears)
      .values({ agencyId: agency.id, year, narrative })
      .onConflictDoUpdate({ target: [reportYears.agencyId, reportYears.year], set: { narrative, updatedAt: sql`now()` } });
    await tx.insert(events).values({ id: uuidv7(), agencyId: agency.id, applicationId: null, actor: actorId(actor), kind: 'report.narrative_saved', payload: { year, sections: Object.keys(narrative) } });
  });
  return narrative;
}
