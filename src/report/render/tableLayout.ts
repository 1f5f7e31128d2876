/**
 * The table layout shared by every renderer: each report table as a grid of cells with their spans,
 * derived from the templates in law/ (block columns, row groups, applicant and appeal groups). The
 * merge logic lives here once; HTML, Markdown, DOCX and PDF only draw the grid.
 */
import {
  APPEAL_GROUPS,
  APPEAL_RESULTS,
  APPLICANT_COLUMNS,
  APPLICANT_HEADER,
  LITIGATION_HEADER,
  ORGANISATION_HEADER,
  TABLE2_ROW_HEADER,
  TABLE2_TITLE,
  TABLE3_CORNER_NOTE,
  TABLE3_TITLE,
  TABLE4_TITLE,
  blockCaption,
  groupLabel,
  table2Blocks,
  table3RowLabel,
  table3Rows,
  type ReportTableId,
  type Table3GroupId,
} from '../../law/index.ts';
import { cellPath, getCell, type Cell, type CellPath, type ReportData } from '../reportData.ts';

/** How a header cell relates to the cells it heads (the HTML `scope` values). */
export type HeaderScope = 'col' | 'colgroup' | 'row' | 'rowgroup';

export interface GridCell {
  text: string;
  /** Grid position of the cell's top-left corner. */
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  /** A header cell, with what it heads; data cells have `scope: null`. */
  header: boolean;
  scope: HeaderScope | null;
  numeric: boolean;
  /** The ReportData cell a data cell shows, and its value (null: unknown, printed blank). */
  path: CellPath | null;
  value: Cell;
}

/** caption: a block title row spanning the table (table 2); head: column headers; body: data rows. */
export type RowRole = 'caption' | 'head' | 'body';

export interface GridRow {
  role: RowRole;
  /** The cells that start in this row, left to right (cells spanning down from above are not repeated). */
  cells: GridCell[];
}

/** Rows that belong together: the header of a table, its body, or one block of table 2. */
export interface RowGroup {
  kind: 'head' | 'body';
  rows: GridRow[];
}

export interface TableGrid {
  id: ReportTableId;
  caption: string;
  columnCount: number;
  /** Relative column widths, for renderers that lay out on paper. */
  columnWeights: number[];
  groups: RowGroup[];
}

/** A figure as printed: blank when unknown, otherwise the number exactly as the data holds it. */
export function formatFigure(value: Cell): string {
  return value === null ? '' : String(value);
}

/**
 * An amount in 万元 (ReportData's `amount_wan` cells) as printed: in a column whose label gives the unit
 * (`本年收费金额（单位：万元）`) the number alone; where the form's label has none (the 2019 form's
 * 采购总金额) with two decimals and the unit, as reports print it (`1259.80万元`).
 */
export function formatAmount(value: Cell, labelHasUnit: boolean): string {
  if (value === null) return '';
  if (labelHasUnit) return String(value);
  const decimals = (String(value).split('.')[1] ?? '').length;
  return `${value.toFixed(Math.max(2, decimals))}${AMOUNT_UNIT}`;
}

export const AMOUNT_UNIT = '万元';

/**
 * Relative width of a figure column: wide enough for its longest figure (a region's roll-up prints
 * seven- and eight-digit totals), never narrower than `base`. A weight of 1 holds four digits comfortably.
 */
export function figureColumnWeight(figures: readonly string[], base: number): number {
  const longest = Math.max(0, ...figures.map((f) => f.length));
  return Math.max(base, longest / 4);
}

type CellInit = Partial<GridCell> & Pick<GridCell, 'text' | 'row' | 'col'>;
const cell = (init: CellInit): GridCell => ({
  rowSpan: 1,
  colSpan: 1,
  header: true,
  scope: null,
  numeric: false,
  path: null,
  value: null,
  ...init,
});

function dataCell(report: ReportData, table: ReportTableId, rowId: string, columnId: string, row: number, col: number, colSpan = 1, format = formatFigure): GridCell {
  const path = cellPath(table, rowId, columnId);
  const value = getCell(report, path) ?? null;
  return cell({ text: format(value), row, col, colSpan, header: false, numeric: true, path, value });
}

/** Each figure column's weight from the figures it prints (see figureColumnWeight). */
function fitFigureColumns(weights: number[], rows: readonly GridRow[], base: number): number[] {
  const byColumn = new Map<number, string[]>();
  for (const r of rows) for (const c of r.cells) if (c.numeric && c.colSpan === 1) byColumn.set(c.col, [...(byColumn.get(c.col) ?? []), c.text]);
  return weights.map((w, col) => (byColumn.has(col) ? Math.max(w, figureColumnWeight(byColumn.get(col)!, base)) : w));
}

export function reportTables(report: ReportData): TableGrid[] {
  return [proactiveGrid(report), applicationsGrid(report), appealsGrid(report)];
}

export function tableGrid(report: ReportData, id: ReportTableId): TableGrid {
  switch (id) {
    case 'proactive':
      return proactiveGrid(report);
    case 'applications':
      return applicationsGrid(report);
    case 'appeals':
      return appealsGrid(report);
    default: {
      const never: never = id;
      throw new Error(`unknown table ${String(never)}`);
    }
  }
}

/** Table 2: per block a caption row, a header row and its data rows; a block with fewer columns stretches its last one. */
export function proactiveGrid(report: ReportData): TableGrid {
  const blocks = table2Blocks(report.template);
  const valueColumns = Math.max(...blocks.map((b) => b.columns.length));
  const columnCount = 1 + valueColumns;
  const groups: RowGroup[] = [];
  let r = 0;
  for (const block of blocks) {
    const rows: GridRow[] = [];
    rows.push({ role: 'caption', cells: [cell({ text: blockCaption(block), row: r, col: 0, colSpan: columnCount, scope: 'rowgroup' })] });
    r++;
    const stretch = (i: number) => (i === block.columns.length - 1 ? valueColumns - i : 1);
    rows.push({
      role: 'head',
      cells: [
        cell({ text: TABLE2_ROW_HEADER, row: r, col: 0, scope: 'col' }),
        ...block.columns.map((c, i) => cell({ text: c.label, row: r, col: 1 + i, colSpan: stretch(i), scope: 'col' })),
      ],
    });
    r++;
    for (const dataRow of block.rows) {
      rows.push({
        role: 'body',
        cells: [
          cell({ text: dataRow.label, row: r, col: 0, scope: 'row' }),
          ...block.columns.map((c, i) =>
            dataCell(report, 'proactive', dataRow.id, c.id, r, 1 + i, stretch(i), c.value === 'amount' ? (v) => formatAmount(v, c.label.includes(AMOUNT_UNIT)) : formatFigure),
          ),
        ],
      });
      r++;
    }
    groups.push({ kind: 'body', rows });
  }
  return { id: 'proactive', caption: TABLE2_TITLE, columnCount, columnWeights: [2, ...Array<number>(valueColumns).fill(1.6)], groups };
}

/**
 * Table 3: three header rows (corner note; 申请人情况 over 自然人, 法人或其他组织 and its kinds, 总计) and
 * row labels in as many levels as the deepest row has groups + 1. A group label spans the run of rows
 * that share it; a row label spans the label columns its groups leave free.
 */
export function applicationsGrid(report: ReportData): TableGrid {
  const rowsDef = table3Rows(report.template);
  const labelColumns = 1 + Math.max(...rowsDef.map((d) => d.groups.length));
  const columnCount = labelColumns + APPLICANT_COLUMNS.length;

  const head: GridRow[] = [
    {
      role: 'head',
      cells: [
        cell({ text: TABLE3_CORNER_NOTE, row: 0, col: 0, rowSpan: 3, colSpan: labelColumns, scope: 'col' }),
        cell({ text: APPLICANT_HEADER, row: 0, col: labelColumns, colSpan: APPLICANT_COLUMNS.length, scope: 'colgroup' }),
      ],
    },
    { role: 'head', cells: [] },
    { role: 'head', cells: [] },
  ];
  // Consecutive organisation kinds sit under one 法人或其他组织 header; every other column spans both lower header rows.
  const isOrganisation = APPLICANT_COLUMNS.map((c) => 'organisation' in c && c.organisation);
  APPLICANT_COLUMNS.forEach((c, i) => {
    const col = labelColumns + i;
    if (!isOrganisation[i]) {
      head[1]!.cells.push(cell({ text: c.label, row: 1, col, rowSpan: 2, scope: 'col' }));
      return;
    }
    if (!isOrganisation[i - 1]) {
      let span = 1;
      while (isOrganisation[i + span]) span++;
      head[1]!.cells.push(cell({ text: ORGANISATION_HEADER, row: 1, col, colSpan: span, scope: 'colgroup' }));
    }
    head[2]!.cells.push(cell({ text: c.label, row: 2, col, scope: 'col' }));
  });

  const body: GridRow[] = rowsDef.map((d, i) => {
    const r = head.length + i;
    const cells: GridCell[] = [];
    d.groups.forEach((g, level) => {
      const previous = rowsDef[i - 1];
      if (previous && samePrefix(previous.groups, d.groups, level)) return;
      let span = 1;
      while (rowsDef[i + span] && samePrefix(rowsDef[i + span]!.groups, d.groups, level)) span++;
      cells.push(cell({ text: groupLabel(g), row: r, col: level, rowSpan: span, scope: 'row' }));
    });
    cells.push(cell({ text: table3RowLabel(d), row: r, col: d.groups.length, colSpan: labelColumns - d.groups.length, scope: 'row' }));
    APPLICANT_COLUMNS.forEach((c, k) => cells.push(dataCell(report, 'applications', d.id, c.id, r, labelColumns + k)));
    return { role: 'body', cells };
  });

  const labelWeights = [1.8, 1.6, 4, 2, 2].slice(0, labelColumns);
  // the seven figure columns stay one width: as wide as the longest figure of any of them needs
  const figureWeight = figureColumnWeight(body.flatMap((r) => r.cells.filter((c) => c.numeric).map((c) => c.text)), 1);
  return {
    id: 'applications',
    caption: TABLE3_TITLE,
    columnCount,
    columnWeights: [...labelWeights, ...APPLICANT_COLUMNS.map(() => figureWeight)],
    groups: [
      { kind: 'head', rows: head },
      { kind: 'body', rows: body },
    ],
  };
}

/** Whether two rows share their groups up to and including `level`. */
function samePrefix(a: readonly Table3GroupId[], b: readonly Table3GroupId[], level: number): boolean {
  for (let k = 0; k <= level; k++) if (a[k] === undefined || a[k] !== b[k]) return false;
  return true;
}

/**
 * Table 4, merged as the official form: 行政复议 spans its five result columns in the first row and
 * those five cells span the second and third rows; 行政诉讼 spans ten columns, with 未经复议直接起诉 and
 * 复议后起诉 each spanning five in the second row and their results in the third; one data row.
 */
export function appealsGrid(report: ReportData): TableGrid {
  const perGroup = APPEAL_RESULTS.length;
  const columnCount = APPEAL_GROUPS.length * perGroup;
  const top: GridCell[] = [];
  const middle: GridCell[] = [];
  const leaves: GridCell[] = [];
  const data: GridCell[] = [];
  const litigationCount = APPEAL_GROUPS.filter((g) => g.litigation).length;
  APPEAL_GROUPS.forEach((g, gi) => {
    const col = gi * perGroup;
    if (!g.litigation) top.push(cell({ text: g.label, row: 0, col, colSpan: perGroup, scope: 'colgroup' }));
    else {
      const first = APPEAL_GROUPS.findIndex((x) => x.litigation) === gi;
      if (first) top.push(cell({ text: LITIGATION_HEADER, row: 0, col, colSpan: perGroup * litigationCount, scope: 'colgroup' }));
      middle.push(cell({ text: g.label, row: 1, col, colSpan: perGroup, scope: 'colgroup' }));
    }
    APPEAL_RESULTS.forEach((res, ri) => {
      // as on the official form: a group with no sub-header row (行政复议) has its results span rows 2–3
      if (g.litigation) leaves.push(cell({ text: res.label, row: 2, col: col + ri, scope: 'col' }));
      else middle.push(cell({ text: res.label, row: 1, col: col + ri, rowSpan: 2, scope: 'col' }));
      data.push(dataCell(report, 'appeals', g.id, res.id, 3, col + ri));
    });
  });
  return {
    id: 'appeals',
    caption: TABLE4_TITLE,
    columnCount,
    columnWeights: fitFigureColumns(Array<number>(columnCount).fill(1), [{ role: 'body', cells: data }], 1),
    groups: [
      {
        kind: 'head',
        rows: [
          { role: 'head', cells: top },
          { role: 'head', cells: middle },
          { role: 'head', cells: leaves },
        ],
      },
      { kind: 'body', rows: [{ role: 'body', cells: data }] },
    ],
  };
}

/** Every row of the grid, top to bottom. */
export function gridRows(grid: TableGrid): GridRow[] {
  return grid.groups.flatMap((g) => g.rows);
}
