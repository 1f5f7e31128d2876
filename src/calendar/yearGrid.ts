/**
 * A year as twelve month grids in text, for an administrator to compare with the notice before loading
 * it: 休 a holiday, 班 a weekend day worked (调休上班), · any other weekend day, the day number otherwise.
 * Every cell is two terminal columns wide, so the columns line up under the weekday header.
 * Pure.
 */
import { addDays, isWeekend, isoWeekday } from './civilDate.ts';
import type { CivilDate } from './civilDate.ts';
import type { SpecialDay } from './workCalendar.ts';

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `2027年` followed by the months, each a header 一…日 and rows of 7 cells. */
export function formatYearGrid(year: number, specialDays: readonly SpecialDay[]): string {
  const special = new Map<CivilDate, SpecialDay>(specialDays.map((d) => [d.date, d]));
  const lines: string[] = [`${year}年（休 = 放假，班 = 调休上班，· = 周末）`];
  for (let month = 1; month <= 12; month += 1) {
    lines.push('', `${month}月`, '一  二  三  四  五  六  日');
    const first: CivilDate = `${year}-${pad(month)}-01`;
    let row: string[] = Array.from({ length: isoWeekday(first) - 1 }, () => '  ');
    let d = first;
    for (let day = 1; day <= daysInMonth(year, month); day += 1, d = addDays(d, 1)) {
      const s = special.get(d);
      // Every cell is two columns wide in a terminal: a CJK character, or two ASCII characters.
      row.push(s?.kind === 'holiday' ? '休' : s?.kind === 'workday' ? '班' : isWeekend(d) ? ' ·' : pad(day));
      if (row.length === 7) {
        lines.push(row.join('  ').trimEnd());
        row = [];
      }
    }
    if (row.length > 0) lines.push(row.join('  ').trimEnd());
  }
  const byName = new Map<string, { off: number; on: CivilDate[] }>();
  for (const s of specialDays) {
    const entry = byName.get(s.name) ?? { off: 0, on: [] };
    if (s.kind === 'holiday') entry.off += 1;
    else entry.on.push(s.date);
    byName.set(s.name, entry);
  }
  lines.push('', '汇总：');
  for (const [name, e] of byName) {
    lines.push(`  ${name}：放假${e.off}天${e.on.length > 0 ? `；调休上班 ${e.on.join('、')}` : ''}`);
  }
  return `${lines.join('\n')}\n`;
}
