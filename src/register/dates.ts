/**
 * Register dates (spec/register.md): `2020-01-05`, `2020/1/5`, `2020.1.5`, `2020年1月5日`, an Excel date
 * (a date cell, or its serial number such as `43835`) → a civil date `YYYY-MM-DD`. A time of day after the
 * date (`2020/1/5 0:00`, as spreadsheet exports write it) is ignored.
 */
import { isCivilDate } from '../calendar/civilDate.ts';

export type DateParse = { ok: true; date: string } | { ok: false; rule: 'date.format' | 'date.impossible'; message: string };

const NUMERIC = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/;
const CHINESE = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/;
const SERIAL = /^\d{5}(?:\.\d+)?$/;
const TIME_SUFFIX = /(?:[\sT]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)$/;
const MS_PER_DAY = 86_400_000;
/** Excel's serials 1…2958465 are 1900-01-01…9999-12-31 (serial 60 is Excel's phantom 1900-02-29). */
const MAX_SERIAL = 2_958_465;

const FORMAT_MESSAGE = '日期格式应为 2020-01-05、2020/1/5 或 2020年1月5日';

function fromParts(y: string, m: string, d: string): DateParse {
  const date = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  if (!isCivilDate(date)) return { ok: false, rule: 'date.impossible', message: `${date} 这一天不存在` };
  return { ok: true, date };
}

function isoOf(utcMs: number): string {
  const d = new Date(utcMs);
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

/** An Excel serial day number (1900 date system) → civil date. */
export function excelSerialToDate(serial: number): DateParse {
  const day = Math.floor(serial);
  if (!Number.isFinite(serial) || day < 1 || day > MAX_SERIAL) return { ok: false, rule: 'date.format', message: `${serial} 不是有效的 Excel 日期序号` };
  if (day === 60) return { ok: false, rule: 'date.impossible', message: 'Excel 日期序号 60（1900-02-29）这一天不存在' };
  // From serial 61 on, Excel's count includes the phantom day, so the epoch is 1899-12-30; before it, 1899-12-31.
  const epoch = day > 60 ? Date.UTC(1899, 11, 30) : Date.UTC(1899, 11, 31);
  return { ok: true, date: isoOf(epoch + day * MS_PER_DAY) };
}

/** A register date cell (text, an Excel serial number, or a Date that an XLSX reader made of a date cell). */
export function parseRegisterDate(value: string | number | Date): DateParse {
  if (value instanceof Date) {
    const ms = value.getTime();
    if (Number.isNaN(ms)) return { ok: false, rule: 'date.format', message: FORMAT_MESSAGE };
    // XLSX readers return a date cell as midnight UTC of that day.
    return { ok: true, date: isoOf(ms) };
  }
  if (typeof value === 'number') return excelSerialToDate(value);
  const text = value.trim().replace(TIME_SUFFIX, '').trim();
  const numeric = NUMERIC.exec(text);
  if (numeric !== null) return fromParts(numeric[1]!, numeric[3]!, numeric[4]!);
  const chinese = CHINESE.exec(text.replace(/\s+/g, ''));
  if (chinese !== null) return fromParts(chinese[1]!, chinese[2]!, chinese[3]!);
  if (SERIAL.test(text)) return excelSerialToDate(Number(text));
  return { ok: false, rule: 'date.format', message: `“${value}”不是日期：${FORMAT_MESSAGE}` };
}
