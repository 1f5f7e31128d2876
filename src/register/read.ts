/**
 * Reading a register file into a RawTable: CSV (UTF-8, with or without BOM) with csv-parse, XLSX (first
 * sheet) with exceljs. Then `parseRegister` validates it — all or nothing.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';
import { RegisterUnreadableError } from './errors.ts';
import { validateRegister, type RawCell, type RawTable, type RegisterRow } from './validate.ts';

export type RegisterFormat = 'csv' | 'xlsx';

export function registerFormatOf(fileName: string): RegisterFormat | undefined {
  const ext = extname(fileName).toLowerCase();
  if (ext === '.csv' || ext === '.txt') return 'csv';
  if (ext === '.xlsx') return 'xlsx';
  return undefined;
}

export function readCsvTable(bytes: Uint8Array): RawTable {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new RegisterUnreadableError('CSV 文件须为 UTF-8 编码（可带 BOM）；请在表格软件中“另存为 CSV UTF-8”');
  }
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch (e) {
    throw new RegisterUnreadableError(`CSV 无法解析：${e instanceof Error ? e.message : String(e)}`);
  }
  const [headers, ...data] = records;
  if (headers === undefined) throw new RegisterUnreadableError('文件为空：第 1 行应为表头');
  // A leading ' before =, +, - or @ is how an export keeps a spreadsheet from reading text as a formula (write.ts).
  return { headers, rows: data.map((cells, i) => ({ row: i + 2, cells: cells.map((c) => c.replace(/^'(?='*[=+\-@])/, '')) })) };
}

function xlsxCell(value: ExcelJS.CellValue): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    if (result === undefined || result === null || typeof result === 'object') return result instanceof Date ? result : null;
    return result;
  }
  if ('hyperlink' in value) return value.text;
  if ('error' in value) return String(value.error);
  return null;
}

export async function readXlsxTable(bytes: Uint8Array): Promise<RawTable> {
  // exceljs loads at the first XLSX read, not at start (issue 14).
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw new RegisterUnreadableError(`XLSX 无法读取：${e instanceof Error ? e.message : String(e)}`);
  }
  const sheet = workbook.worksheets[0];
  if (sheet === undefined) throw new RegisterUnreadableError('XLSX 中没有工作表');
  const width = sheet.columnCount;
  const cellsOf = (row: ExcelJS.Row): RawCell[] => Array.from({ length: width }, (_, i) => xlsxCell(row.getCell(i + 1).value));
  let headers: string[] | undefined;
  const rows: { row: number; cells: RawCell[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (headers === undefined) {
      headers = cellsOf(row).map((c) => (c === null ? '' : c instanceof Date ? c.toISOString().slice(0, 10) : String(c)));
      return;
    }
    rows.push({ row: rowNumber, cells: cellsOf(row) });
  });
  if (headers === undefined) throw new RegisterUnreadableError('工作表为空：第 1 行应为表头');
  return { headers, rows };
}

/** Validate a register file's bytes: every row, or a RegisterInvalidError listing every problem. */
export async function parseRegister(bytes: Uint8Array, format: RegisterFormat): Promise<RegisterRow[]> {
  switch (format) {
    case 'csv':
      return validateRegister(readCsvTable(bytes));
    case 'xlsx':
      return validateRegister(await readXlsxTable(bytes));
    default: {
      const never: never = format;
      throw new RegisterUnreadableError(`未知的台账格式 ${String(never)}`);
    }
  }
}

/** Read and validate a register file (`.csv` or `.xlsx`). */
export async function parseRegisterFile(path: string): Promise<RegisterRow[]> {
  const format = registerFormatOf(path);
  if (format === undefined) throw new RegisterUnreadableError(`不支持的文件类型“${extname(path) || path}”：台账应为 .csv 或 .xlsx`);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (e) {
    throw new RegisterUnreadableError(`无法读取文件 ${path}：${e instanceof Error ? e.message : String(e)}`);
  }
  return parseRegister(bytes, format);
}
