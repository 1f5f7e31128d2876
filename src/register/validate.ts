/**
 * The register's checks (spec/register.md), all of them before anything is returned: a table of raw
 * cells either becomes validated RegisterRows, or a RegisterInvalidError lists every problem with its row
 * (as the spreadsheet numbers it) and column. Nothing is returned partially.
 */
import { CONTROL_CHARACTER_MESSAGE, CONTROL_CHARACTER_RULE, hasControlCharacter } from '../shared/text.ts';
import { implausibleCaseDate, TEXT_LIMITS } from '../shared/bounds.ts';
import { resultOfSeveralAnswers } from '../law/severalAnswers.ts';
import type { ApplicantKind, CaseOutcome } from '../law/index.ts';
import { REGISTER_COLUMNS, columnForHeader, type RegisterColumnId } from './columns.ts';
import { parseRegisterDate } from './dates.ts';
import { RegisterInvalidError, type RegisterIssue } from './errors.ts';
import { CHANNELS, lookupApplicantKind, lookupChannel, lookupOutcome, splitOutcomes, type ChannelId } from './values.ts';

/** A cell as a reader hands it over: text (CSV), or a number, boolean or Date (XLSX). */
export type RawCell = string | number | boolean | Date | null;

export interface RawTable {
  /** the header row's cells, as written */
  headers: readonly string[];
  /** the data rows, each with its row number as the spreadsheet shows it (headers are row 1) */
  rows: readonly { row: number; cells: readonly RawCell[] }[];
}

/** One application of the register, checked. Dates are `YYYY-MM-DD`. */
export interface RegisterRow {
  row: number;
  ref: string | null;
  receivedOn: string;
  channel: ChannelId | null;
  applicantType: ApplicantKind;
  applicantName: string | null;
  subject: string | null;
  /** the one table-3 result; for several answers in one cell, the result they count as (区分处理 → 部分公开) */
  outcome: CaseOutcome | null;
  /** every answer the cell named, when it named more than one; otherwise empty */
  answers: CaseOutcome[];
  concludedOn: string | null;
  /** the cells of columns the register format does not know, by their header (non-empty ones only) */
  notes: Record<string, string>;
}

function cellText(cell: RawCell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  return String(cell).trim();
}

function isBlank(cell: RawCell | undefined): boolean {
  return cellText(cell) === '';
}

const CHANNEL_LIST = CHANNELS.map((c) => c.label).join('、');

export function validateRegister(table: RawTable): RegisterRow[] {
  const issues: RegisterIssue[] = [];
  const issue = (row: number, column: string, rule: string, message: string) =>
    issues.push({ path: `第${row}行 ${column}`, row, column, rule, message });

  // Headers: each known column at most once; the required ones present; the rest are notes.
  const index = new Map<RegisterColumnId, number>();
  const notes: { index: number; header: string }[] = [];
  table.headers.forEach((raw, i) => {
    const header = raw.trim();
    if (header === '') return;
    const id = columnForHeader(header);
    if (id === undefined) {
      notes.push({ index: i, header: header.replace(/^\uFEFF/, '') });
    } else if (index.has(id)) {
      issue(1, header, 'header.duplicate', `“${header}”列重复：第 ${index.get(id)! + 1} 列已是这一列`);
    } else {
      index.set(id, i);
    }
  });
  for (const c of REGISTER_COLUMNS) {
    if (c.required && !index.has(c.id)) issue(1, c.label, 'header.missing', `缺少必填列“${c.label}”（或 ${c.id}）`);
  }
  if (index.has('outcome') !== index.has('concluded_on')) {
    const missing = index.has('outcome') ? 'concluded_on' : 'outcome';
    const label = REGISTER_COLUMNS.find((c) => c.id === missing)!.label;
    issue(1, label, 'header.missing', '“办理结果”与“办结日期”两列须同时提供');
  }

  const headerOf = (id: RegisterColumnId) => {
    const i = index.get(id);
    return i === undefined ? REGISTER_COLUMNS.find((c) => c.id === id)!.label : table.headers[i]!.trim().replace(/^\uFEFF/, '');
  };
  const cellOf = (cells: readonly RawCell[], id: RegisterColumnId): RawCell | undefined => {
    const i = index.get(id);
    return i === undefined ? undefined : cells[i];
  };

  const rows: RegisterRow[] = [];
  const refRows = new Map<string, number>();
  for (const { row, cells } of table.rows) {
    if (cells.every(isBlank)) continue;
    const before = issues.length;
    cells.forEach((cell, i) => {
      if (typeof cell === 'string' && hasControlCharacter(cell)) issue(row, table.headers[i]?.trim() || `第${i + 1}列`, CONTROL_CHARACTER_RULE, CONTROL_CHARACTER_MESSAGE);
    });
    if (issues.length > before) continue;
    const tooLong = (id: RegisterColumnId, max: number) => {
      const text = cellText(cellOf(cells, id));
      if ([...text].length > max) issue(row, headerOf(id), 'length', `最多${max}个字符（现有${[...text].length}个）`);
    };
    tooLong('ref', TEXT_LIMITS.ref);
    tooLong('applicant_name', TEXT_LIMITS.name);
    tooLong('subject', TEXT_LIMITS.subject);
    for (const n of notes) if ([...cellText(cells[n.index])].length > TEXT_LIMITS.note) issue(row, n.header, 'length', `最多${TEXT_LIMITS.note}个字符`);

    const date = (id: 'received_on' | 'concluded_on'): string | null => {
      const cell = cellOf(cells, id);
      if (cell === undefined || isBlank(cell)) return null;
      const parsed = parseRegisterDate(cell instanceof Date || typeof cell === 'number' ? cell : cellText(cell));
      if (parsed.ok) {
        const implausible = implausibleCaseDate(parsed.date);
        if (implausible === null) return parsed.date;
        issue(row, headerOf(id), 'date.implausible', implausible);
        return null;
      }
      issue(row, headerOf(id), parsed.rule, parsed.message);
      return null;
    };

    const ref = cellText(cellOf(cells, 'ref')) || null;
    if (ref !== null) {
      const first = refRows.get(ref);
      if (first !== undefined) issue(row, headerOf('ref'), 'ref.duplicate', `编号“${ref}”与第${first}行重复`);
      else refRows.set(ref, row);
    }

    const receivedOn = date('received_on');
    if (index.has('received_on') && isBlank(cellOf(cells, 'received_on'))) issue(row, headerOf('received_on'), 'required', '收到日期必填');

    const typeText = cellText(cellOf(cells, 'applicant_type'));
    const applicantType = typeText === '' ? undefined : lookupApplicantKind(typeText);
    if (index.has('applicant_type')) {
      if (typeText === '') issue(row, headerOf('applicant_type'), 'required', '申请人类型必填');
      else if (applicantType === undefined)
        issue(row, headerOf('applicant_type'), 'applicant_type.unknown', `未知的申请人类型“${typeText}”：应为 自然人、商业企业、科研机构、社会公益组织、法律服务机构 或 其他`);
    }

    const channelText = cellText(cellOf(cells, 'channel'));
    const channel = channelText === '' ? null : (lookupChannel(channelText) ?? null);
    if (channelText !== '' && channel === null) issue(row, headerOf('channel'), 'channel.unknown', `未知的申请方式“${channelText}”：应为 ${CHANNEL_LIST}`);

    const outcomeText = cellText(cellOf(cells, 'outcome'));
    let outcome: CaseOutcome | null = null;
    let answers: CaseOutcome[] = [];
    if (outcomeText !== '') {
      const parts = splitOutcomes(outcomeText);
      const found: CaseOutcome[] = [];
      for (const part of parts) {
        const o = lookupOutcome(part);
        if (o === undefined) issue(row, headerOf('outcome'), 'outcome.unknown', `未知的办理结果“${part}”：应为年度报告表三的一项结果（如 予以公开、属于国家秘密、本机关不掌握相关政府信息、其他）`);
        else found.push(o);
      }
      if (found.length === parts.length) {
        outcome = resultOfSeveralAnswers(found);
        if (found.length > 1) answers = found;
        if (outcome === null)
          issue(row, headerOf('outcome'), 'outcome.ambiguous', `“${outcomeText}”含多种不同的不予公开/无法提供/不予处理结果：一件申请在表三只计一次，请标明其中一项办理结果，或按“一事一申请”分行登记`);
      }
    }

    const concludedOn = date('concluded_on');
    const concludedBlank = isBlank(cellOf(cells, 'concluded_on'));
    if (outcomeText !== '' && concludedBlank && index.has('concluded_on'))
      issue(row, headerOf('concluded_on'), 'concluded_on.required', '有办理结果的申请须填写办结日期');
    if (outcomeText === '' && !concludedBlank && index.has('outcome'))
      issue(row, headerOf('outcome'), 'outcome.required', '已填办结日期的申请须填写办理结果');
    if (receivedOn !== null && concludedOn !== null && concludedOn < receivedOn)
      issue(row, headerOf('concluded_on'), 'concluded_on.before_received', `办结日期 ${concludedOn} 早于收到日期 ${receivedOn}`);

    const rowNotes: Record<string, string> = {};
    for (const n of notes) {
      const text = cellText(cells[n.index]);
      if (text !== '') rowNotes[n.header] = text;
    }
    if (issues.length === before && receivedOn !== null && applicantType !== undefined) {
      rows.push({
        row,
        ref,
        receivedOn,
        channel,
        applicantType,
        applicantName: cellText(cellOf(cells, 'applicant_name')) || null,
        subject: cellText(cellOf(cells, 'subject')) || null,
        outcome,
        answers,
        concludedOn: outcome === null ? null : concludedOn,
        notes: rowNotes,
      });
    }
  }
  if (issues.length === 0 && rows.length === 0) issue(2, '(全部)', 'rows.none', '台账中没有任何申请记录');
  if (issues.length > 0) throw new RegisterInvalidError(issues);
  return rows;
}
