/**
 * Writing a register table (headers + text rows) as CSV (UTF-8 with BOM, CRLF, RFC 4180 quoting) or XLSX
 * (one sheet, every cell text) — the two formats `read.ts` reads back.
 */
import ExcelJS from 'exceljs';
import type { RegisterFormat } from './read.ts';

export const REGISTER_MEDIA_TYPES: Record<RegisterFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * A cell a spreadsheet would take for a formula (`=`, `+`, `-`, `@` first, after any `'`) gets a leading `'`, which
 * spreadsheets show as text and `read.ts` removes again: an applicant's text never runs as a formula.
 */
export function csvSafe(cell: string): string {
  return /^'*[=+\-@]/.test(cell) ? `'${cell}` : cell;
}

function csvField(cell: string): string {
  const v = csvSafe(cell);
  return /[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

export function registerCsv(headers: readonly string[], rows: readonly (readonly string[])[]): Buffer {
  const lines = [headers, ...rows].map((r) => r.map(csvField).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

export async function registerXlsx(headers: readonly string[], rows: readonly (readonly string[])[], sheetName = '申请台账'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow([...headers]).font = { bold: true };
  for (const r of rows) sheet.addRow([...r]);
  sheet.columns.forEach((col, i) => {
    const longest = Math.max(...[headers[i] ?? '', ...rows.map((r) => r[i] ?? '')].map((s) => [...s].length));
    col.width = Math.min(60, Math.max(10, longest * 2 + 2));
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function registerFile(format: RegisterFormat, headers: readonly string[], rows: readonly (readonly string[])[]): Promise<Buffer> {
  return format === 'csv' ? Promise.resolve(registerCsv(headers, rows)) : registerXlsx(headers, rows);
}
