/**
 * Figures the report's prose quotes (“全年共收到政府信息公开申请136件”) set against its tables. A
 * quote may match another reading than the obvious one — 收到 counted with the carried-over
 * applications — which is said, not treated as a contradiction.
 */
import { getCell, type ReportData } from '../reportData.ts';
import { halfWidth } from '../parse/normalize.ts';

export type QuoteStatus = 'agrees' | 'agrees-otherwise' | 'contradicts' | 'unknown';

export interface QuotedFigure {
  /** the words quoted, as compacted */
  quote: string;
  value: number;
  /** what the quote is compared with, in words */
  against: string;
  table: number | null;
  status: QuoteStatus;
  /** for `agrees-otherwise`: the reading that matches */
  note?: string;
}

interface Reading {
  label: string;
  cells: string[];
}

interface Pattern {
  pattern: RegExp;
  readings: Reading[];
}

const RECEIVED: Reading = { label: '表三 一、本年新收 总计', cells: ['applications.received.total'] };
const RECEIVED_AND_CARRIED: Reading = { label: '表三 本年新收 + 上年结转 总计', cells: ['applications.received.total', 'applications.carried_over.total'] };
const PROCESSED: Reading = { label: '表三 （七）总计', cells: ['applications.processed_total.total'] };
const CARRIED_FORWARD: Reading = { label: '表三 四、结转下年度继续办理 总计', cells: ['applications.carried_forward.total'] };
const RECONSIDERATION: Reading = { label: '表四 行政复议 总计', cells: ['appeals.reconsideration.total'] };
const LITIGATION: Reading = {
  label: '表四 行政诉讼 总计（两组之和）',
  cells: ['appeals.litigation_direct.total', 'appeals.litigation_after_reconsideration.total'],
};

const PATTERNS: Pattern[] = [
  { pattern: /(?:收到|受理|新收|接收)[^。；;,，]{0,14}?申请(?:共计|共|总计|合计)?(\d+)件/g, readings: [RECEIVED, RECEIVED_AND_CARRIED] },
  { pattern: /(?:办理|处理)依申请公开(?:申请)?(?:共)?(\d+)件/g, readings: [RECEIVED, PROCESSED, RECEIVED_AND_CARRIED] },
  { pattern: /(?:办结|答复完毕|已答复)(?:申请)?(?:共)?(\d+)件|(\d+)件(?:已|均已)?(?:办结|答复完毕)/g, readings: [PROCESSED] },
  { pattern: /(\d+)件(?:转|结转)(?:至|到|入)?下一?年度|结转(?:至|到)?下一?年度(?:继续办理)?(?:的)?(?:申请)?(\d+)件/g, readings: [CARRIED_FORWARD] },
  { pattern: /行政复议(?:案件|申请)?(?:共计|共)?(\d+)(?:件|起)/g, readings: [RECONSIDERATION] },
  { pattern: /行政诉讼(?:案件)?(?:共计|共)?(\d+)(?:件|起)/g, readings: [LITIGATION] },
];

function valueOf(report: ReportData, reading: Reading): number | null {
  let sum = 0;
  for (const cell of reading.cells) {
    const v = getCell(report, cell);
    if (v === null || v === undefined) return null;
    sum += v;
  }
  return sum;
}

export function quotedFigures(report: ReportData): QuotedFigure[] {
  const n = report.narrative ?? {};
  const prose = halfWidth([n.preamble, n.overview, n.proactive, n.applications, n.appeals, n.problems, n.other].filter(Boolean).join('\n')).replace(/[ \t\u3000]+/g, '');
  const out: QuotedFigure[] = [];
  for (const { pattern, readings } of PATTERNS) {
    for (const m of prose.matchAll(pattern)) {
      const value = Number(m.slice(1).find((g) => g !== undefined));
      const primary = readings[0]!;
      const table = valueOf(report, primary);
      const base = { quote: m[0], value, against: primary.label, table };
      if (table === null) out.push({ ...base, status: 'unknown' });
      else if (table === value) out.push({ ...base, status: 'agrees' });
      else {
        const other = readings.slice(1).find((r) => valueOf(report, r) === value);
        out.push(other ? { ...base, status: 'agrees-otherwise', note: `equals ${other.label}` } : { ...base, status: 'contradicts' });
      }
    }
  }
  return out;
}
