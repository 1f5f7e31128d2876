/**
 * A first draft of sections 一 to 四 of the annual report, written from its figures in the register of
 * published reports: received and answered, this year against last, outcomes by row with their shares,
 * appeals. Every figure in the text is recorded with the cells it comes from (a sum names each term),
 * so that the office — and `report audit`'s quoted-figure check — can trace it. Pure: no I/O.
 *
 * A sentence whose figures are unknown (null) is left out and named in `warnings`; nothing is guessed.
 */
import {
  APPEAL_GROUPS,
  APPEAL_RESULTS,
  APPLICANT_KIND_IDS,
  REPORT_SECTIONS,
  TABLE3_GROUPS,
  outcomeRows,
  sectionHeading,
  table2Blocks,
  table3RowShortName,
  type Table3GroupId,
} from '../../law/index.ts';
import { getCell, type NarrativeKey, type ReportData } from '../reportData.ts';

/** One figure as the draft prints it, with the cells it is read from (several for a sum or a share). */
export interface DraftFigure {
  /** the figure as it stands in the text (`272`, `47.0%`) */
  text: string;
  value: number;
  /** cell paths (this year's); their sum is the figure, or the part of a share, or this year's side of a difference */
  cells: string[];
  /** how the figure is formed from the cells, when not a single cell */
  formula?: 'sum' | 'difference' | 'share';
  /** the previous year's cells a difference is taken against */
  previousCells?: string[];
  /** the cells of the whole a share is taken of (`cells` are the part) */
  ofCells?: string[];
}

export interface DraftSection {
  id: Extract<NarrativeKey, 'overview' | 'proactive' | 'applications' | 'appeals' | 'other'>;
  heading: string;
  text: string;
  figures: DraftFigure[];
}

export interface NarrativeDraft {
  agency: string;
  year: number;
  sections: DraftSection[];
  warnings: string[];
}

const DRAFTED = ['overview', 'proactive', 'applications', 'appeals'] as const;

/** Facts from the agency's records that are not cells of the report, for the sections that state them. */
export interface DraftFacts {
  /** 信息处理费 received in the year (国办函〔2020〕109号): section 六 states it */
  feesCollected?: { count: number; totalFen: number };
}

/** Collects a section's text and the figures it prints. */
class Writer {
  readonly figures: DraftFigure[] = [];
  constructor(
    private readonly report: ReportData,
    private readonly previous: ReportData | null,
  ) {}

  value(...cells: string[]): number | null {
    let sum = 0;
    for (const c of cells) {
      const v = getCell(this.report, c);
      if (v === null || v === undefined) return null;
      sum += v;
    }
    return sum;
  }

  previousValue(...cells: string[]): number | null {
    if (!this.previous) return null;
    let sum = 0;
    for (const c of cells) {
      const v = getCell(this.previous, c);
      if (v === null || v === undefined) return null;
      sum += v;
    }
    return sum;
  }

  /** The figure at a cell (or the sum of several), recorded; null when one of them is unknown. */
  fig(...cells: string[]): string | null {
    const v = this.value(...cells);
    if (v === null) return null;
    const text = formatCount(v);
    this.figures.push({ text, value: v, cells, ...(cells.length > 1 ? { formula: 'sum' as const } : {}) });
    return text;
  }

  /** `较上年增加5件` / `较上年减少2件` / `与上年持平`, recorded against last year's cells. */
  change(cells: string[]): string | null {
    const now = this.value(...cells);
    const before = this.previousValue(...cells);
    if (now === null || before === null) return null;
    const diff = now - before;
    if (diff === 0) return '与上年持平';
    const text = formatCount(Math.abs(diff));
    this.figures.push({ text, value: Math.abs(diff), cells, formula: 'difference', previousCells: cells });
    return `较上年${diff > 0 ? '增加' : '减少'}${text}件`;
  }

  /** A share of a total, one decimal (`47.0%`). */
  share(part: string[], whole: string[]): string | null {
    const p = this.value(...part);
    const w = this.value(...whole);
    if (p === null || w === null || w === 0) return null;
    const text = `${((p / w) * 100).toFixed(1)}%`;
    this.figures.push({ text, value: Number(((p / w) * 100).toFixed(1)), cells: part, formula: 'share', ofCells: whole });
    return text;
  }
}

const formatCount = (v: number): string => String(v);
const cellOf = (row: string, column = 'total') => `applications.${row}.${column}`;

export function draftNarrative(report: ReportData, previous: ReportData | null = null, facts: DraftFacts = {}): NarrativeDraft {
  const warnings: string[] = [];
  const sections = DRAFTED.map((id): DraftSection => {
    const w = new Writer(report, previous);
    const text = write(id, report, w, warnings);
    const heading = sectionHeading(REPORT_SECTIONS.find((s) => s.id === id)!);
    if (text.trim() === '') warnings.push(`${heading}：没有可据以起草的数字，本部分为空`);
    return { id, heading, text, figures: w.figures };
  });
  if (facts.feesCollected !== undefined) {
    sections.push({ id: 'other', heading: sectionHeading(REPORT_SECTIONS.find((s) => s.id === 'other')!), text: feesText(facts.feesCollected), figures: [] });
  }
  if (previous === null) warnings.push('没有上一年度的报告，未写与上年的比较');
  return { agency: report.agency, year: report.year, sections, warnings };
}

/** The draft's texts as ReportData.narrative entries (the office's own text is kept where it has one). */
export function withDraft(report: ReportData, draft: NarrativeDraft): ReportData {
  const narrative = { ...(report.narrative ?? {}) };
  for (const s of draft.sections) if (!narrative[s.id]?.trim() && s.text) narrative[s.id] = s.text;
  return { ...report, narrative };
}

function write(id: (typeof DRAFTED)[number], report: ReportData, w: Writer, warnings: string[]): string {
  switch (id) {
    case 'overview':
      return overview(report, w, warnings);
    case 'proactive':
      return proactive(report, w);
    case 'applications':
      return applications(report, w, warnings);
    case 'appeals':
      return appeals(w, warnings);
    default: {
      const never: never = id;
      throw new Error(`unknown section ${String(never)}`);
    }
  }
}

function overview(report: ReportData, w: Writer, warnings: string[]): string {
  const parts: string[] = [];
  parts.push(`${report.year}年，${report.agency || '本机关'}认真贯彻落实《中华人民共和国政府信息公开条例》（以下简称《条例》），坚持以公开为常态、不公开为例外，依法做好政府信息公开工作。`);
  const received = w.fig(cellOf('received'));
  if (received === null) {
    warnings.push('一、总体情况：本年新收申请数缺失，未写收到和办理申请的情况');
    return parts.join('');
  }
  let s = `全年共收到政府信息公开申请${received}件`;
  const change = w.change([cellOf('received')]);
  if (change) s += `，${change}`;
  const carried = w.value(cellOf('carried_over'));
  if (carried !== null && carried !== 0) s += `；上年结转政府信息公开申请${w.fig(cellOf('carried_over'))}件`;
  const orgCells = APPLICANT_KIND_IDS.filter((k) => k !== 'natural_person').map((k) => cellOf('received', k));
  if (w.value(cellOf('received', 'natural_person')) !== null && w.value(...orgCells) !== null) {
    s += `。其中，自然人提出${w.fig(cellOf('received', 'natural_person'))}件，法人或其他组织提出${w.fig(...orgCells)}件`;
  }
  s += '。';
  if (w.value(cellOf('processed_total')) !== null) {
    const forward = w.value(cellOf('carried_forward')) !== null ? `，结转下年度继续办理${w.fig(cellOf('carried_forward'))}件` : '';
    s += `全年办结${w.fig(cellOf('processed_total'))}件${forward}。`;
  }
  else warnings.push('一、总体情况：（七）总计缺失，未写办结情况');
  parts.push(s);
  return parts.join('');
}

function proactive(report: ReportData, w: Writer): string {
  const pieces: string[] = [];
  for (const block of table2Blocks(report.template)) {
    for (const row of block.rows) {
      const figures = block.columns
        .map((c) => {
          const cell = `proactive.${row.id}.${c.id}`;
          const v = w.value(cell);
          if (v === null || (v === 0 && block.columns.length > 1)) return null;
          const text = w.fig(cell)!;
          return `${c.label.replace(/（单位：万元）/, '')}${text}${c.value === 'amount' ? '万元' : ''}`;
        })
        .filter((x): x is string => x !== null);
      if (figures.length > 0) pieces.push(`${row.label}：${figures.join('，')}`);
    }
  }
  if (pieces.length === 0) return '';
  return `本年度依照《条例》第二十条主动公开政府信息：${pieces.join('；')}。具体情况见下表。`;
}

/** 六、其他需要报告的事项: the fees (a fact of the records, not a cell, hence no figure paths). */
function feesText(fees: { count: number; totalFen: number }): string {
  if (fees.count === 0) return '本年度未收取信息处理费。';
  const yuan = (fees.totalFen / 100).toFixed(2).replace(/\.00$/, '');
  return `本年度依照《政府信息公开信息处理费管理办法》收取信息处理费${fees.count}件，共计${yuan}元。`;
}

const GROUP_ORDER: readonly Table3GroupId[] = ['withheld', 'unavailable', 'not_processed', 'other'];

function applications(report: ReportData, w: Writer, warnings: string[]): string {
  const processed = w.value(cellOf('processed_total'));
  if (processed === null || processed === 0) {
    if (processed === null) warnings.push('三、收到和处理政府信息公开申请情况：（七）总计缺失，未写办理结果');
    return processed === 0 ? '本年度无办结的政府信息公开申请。' : '';
  }
  const outcomes = outcomeRows(report.template);
  const pieces: string[] = [];
  // top-level outcomes (（一）（二）) one by one; grouped ones (（三）–（六）) as their group with its rows
  const seenGroups = new Set<Table3GroupId>();
  for (const row of outcomes) {
    const group = row.groups.find((g) => GROUP_ORDER.includes(g));
    if (!group) {
      const cells = [cellOf(row.id)];
      const v = w.value(...cells);
      if (v === null) {
        warnings.push(`三、收到和处理政府信息公开申请情况：${row.number}${table3RowShortName(row)}缺失`);
        continue;
      }
      if (v === 0) continue;
      pieces.push(`${table3RowShortName(row)}${w.fig(...cells)}件，占${w.share(cells, [cellOf('processed_total')])}`);
      continue;
    }
    if (seenGroups.has(group)) continue;
    seenGroups.add(group);
    const members = outcomes.filter((r) => r.groups.includes(group));
    const cells = members.map((r) => cellOf(r.id));
    const total = w.value(...cells);
    if (total === null) {
      warnings.push(`三、收到和处理政府信息公开申请情况：${TABLE3_GROUPS[group].number}${TABLE3_GROUPS[group].name}有数字缺失`);
      continue;
    }
    if (total === 0) continue;
    const detail = members
      .filter((r) => w.value(cellOf(r.id)) !== 0)
      .map((r) => `${table3RowShortName(r)}${w.fig(cellOf(r.id))}件`);
    pieces.push(`${TABLE3_GROUPS[group].name}${w.fig(...cells)}件，占${w.share(cells, [cellOf('processed_total')])}（${detail.join('，')}）`);
  }
  const total = w.fig(cellOf('processed_total'));
  return `本年度办结的${total}件政府信息公开申请中，${pieces.join('；')}。具体情况见下表。`;
}

function appeals(w: Writer, warnings: string[]): string {
  const resultLabel = (id: string) => APPEAL_RESULTS.find((r) => r.id === id)!.label;
  const groupText = (group: string): string | null => {
    const total = w.value(`appeals.${group}.total`);
    if (total === null || total === 0) return null;
    const results = (['upheld', 'corrected', 'other', 'pending'] as const)
      .filter((r) => (w.value(`appeals.${group}.${r}`) ?? 0) > 0)
      .map((r) => `${resultLabel(r)}${w.fig(`appeals.${group}.${r}`)}件`);
    return results.length > 0 ? `其中${results.join('、')}` : null;
  };
  const totals = APPEAL_GROUPS.map((g) => w.value(`appeals.${g.id}.total`));
  if (totals.some((t) => t === null)) {
    warnings.push('四、政府信息公开行政复议、行政诉讼情况：表四总计有缺失，未起草');
    return '';
  }
  if (totals.every((t) => t === 0)) return '本年度未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况。';
  const parts: string[] = [];
  const reconsideration = w.value('appeals.reconsideration.total')!;
  if (reconsideration > 0) {
    const detail = groupText('reconsideration');
    parts.push(`因政府信息公开工作被申请行政复议${w.fig('appeals.reconsideration.total')}件${detail ? `，${detail}` : ''}`);
  } else parts.push('未发生因政府信息公开工作被申请行政复议的情况');
  const litigationCells = ['appeals.litigation_direct.total', 'appeals.litigation_after_reconsideration.total'];
  if (w.value(...litigationCells)! > 0) {
    const kinds = APPEAL_GROUPS.filter((g) => g.litigation && w.value(`appeals.${g.id}.total`)! > 0).map((g) => {
      const detail = groupText(g.id);
      return `${g.label}${w.fig(`appeals.${g.id}.total`)}件${detail ? `（${detail}）` : ''}`;
    });
    parts.push(`被提起行政诉讼${w.fig(...litigationCells)}件，${kinds.join('，')}`);
  } else parts.push('未发生被提起行政诉讼的情况');
  return `本年度，${parts.join('；')}。`;
}
