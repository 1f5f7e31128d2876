/**
 * The annual report as Markdown (GitHub pipe tables). Pipe tables cannot merge cells, so each grid is
 * flattened: one header row whose labels join every header above a column with `·` (the whole header,
 * 申请人情况 included), one label column
 * whose text joins a row's labels with ` / `, and a table-2 block caption as a bold line before its table.
 */
import type { ReportData } from '../reportData.ts';
import { reportDocument } from './reportDocument.ts';
import type { GridCell, GridRow, TableGrid } from './tableLayout.ts';

export const COLUMN_LABEL_JOINER = '·';
export const ROW_LABEL_JOINER = ' / ';

export function renderReportMarkdown(report: ReportData): string {
  const doc = reportDocument(report);
  const out: string[] = [`# ${inline(doc.title)}`, ''];
  for (const p of doc.preamble) out.push(inline(p), '');
  for (const section of doc.sections) {
    out.push(`## ${inline(section.heading)}`, '');
    for (const p of section.paragraphs) out.push(inline(p), '');
    if (section.table) out.push(...tableMarkdown(section.table));
  }
  return out.join('\n');
}

/** Markdown would read a leading `1.` or `#` as a list or heading, and `|` or `*` as syntax. */
function inline(text: string): string {
  return text.replace(/[\\`*_[\]|<>]/g, (c) => `\\${c}`).replace(/^(\d+)\.(?=\s|$)/, '$1\\.').replace(/^([#>+-])/, '\\$1');
}

function cellText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function tableMarkdown(grid: TableGrid): string[] {
  const out: string[] = [];
  // Table 2's blocks each become a table; tables 3 and 4 are one head group + one body group.
  const sets: { caption: string | null; rows: GridRow[] }[] = [];
  let pendingHead: GridRow[] = [];
  for (const group of grid.groups) {
    if (group.kind === 'head') {
      pendingHead = [...pendingHead, ...group.rows];
      continue;
    }
    const captionRow = group.rows.find((r) => r.role === 'caption');
    sets.push({ caption: captionRow?.cells[0]?.text ?? null, rows: [...pendingHead, ...group.rows.filter((r) => r.role !== 'caption')] });
    pendingHead = [];
  }
  for (const set of sets) {
    if (set.caption) out.push(`**${inline(set.caption)}**`, '');
    const flat = flatten(set.rows);
    out.push(pipeRow(flat.header), pipeRow(flat.header.map((_, i) => (flat.numeric[i] ? '---:' : '---'))));
    for (const body of flat.body) out.push(pipeRow(body));
    out.push('');
  }
  return out;
}

const pipeRow = (cells: string[]): string => `| ${cells.map(cellText).join(' | ')} |`;

interface Flat {
  header: string[];
  numeric: boolean[];
  body: string[][];
}

/**
 * Flatten a set of head and body rows. Columns are cut where some cell starts (a cell stretched over
 * several grid columns in every row stays one column); the columns whose body cells are all row headers
 * become one label column.
 */
export function flatten(rows: GridRow[]): Flat {
  const at = new Map<string, GridCell>();
  let width = 0;
  rows.forEach((row, r) => {
    for (const c of row.cells) {
      for (let dr = 0; dr < c.rowSpan; dr++) for (let dc = 0; dc < c.colSpan; dc++) at.set(`${r + dr},${c.col + dc}`, c);
      width = Math.max(width, c.col + c.colSpan);
    }
  });
  const cellAt = (r: number, col: number) => at.get(`${r},${col}`);
  const starts = [...new Set(rows.flatMap((row) => row.cells.map((c) => c.col)))].sort((a, b) => a - b).filter((c) => c < width);
  const bodyIndexes = rows.flatMap((row, r) => (row.role === 'body' ? [r] : []));
  const headIndexes = rows.flatMap((row, r) => (row.role === 'head' ? [r] : []));
  const isLabel = (col: number) => bodyIndexes.every((r) => cellAt(r, col)?.header === true);
  const labelCols = starts.filter(isLabel);
  const valueCols = starts.filter((c) => !isLabel(c));

  const joinDistinct = (cells: (GridCell | undefined)[], joiner: string) =>
    [...new Set(cells.filter((c): c is GridCell => c !== undefined))].map((c) => c.text).join(joiner);

  const header: string[] = [];
  if (labelCols.length > 0) header.push(joinDistinct(headIndexes.flatMap((r) => labelCols.map((c) => cellAt(r, c))), COLUMN_LABEL_JOINER));
  for (const col of valueCols) {
    // the whole header path, as the form prints it (申请人情况·法人或其他组织·商业企业)
    header.push(joinDistinct(headIndexes.map((r) => cellAt(r, col)), COLUMN_LABEL_JOINER));
  }
  const body = bodyIndexes.map((r) => [
    ...(labelCols.length > 0 ? [joinDistinct(labelCols.map((c) => cellAt(r, c)), ROW_LABEL_JOINER)] : []),
    ...valueCols.map((c) => cellAt(r, c)?.text ?? ''),
  ]);
  return { header, numeric: [...labelCols.slice(0, 1).map(() => false), ...valueCols.map(() => true)], body };
}
