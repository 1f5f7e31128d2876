/** The 发布日期 rules: not before 成文日期, not in the future; Art. 26 lateness (decisions.md #19). */
import type { CivilDate } from '../calendar/civilDate.ts';
import { addDays, isCivilDate, isWeekend } from '../calendar/civilDate.ts';
import { defaultWorkCalendar } from '../calendar/workCalendar.ts';
import type { WorkCalendar } from '../calendar/workCalendar.ts';
import { ART26_WORKING_DAYS } from '../law/catalogue.ts';
import { ValidationError } from '../shared/domainError.ts';

export function checkPublicationDate(value: unknown, writtenOn: CivilDate, today: CivilDate, path = 'publishedOn'): CivilDate {
  if (!isCivilDate(value)) throw new ValidationError('发布日期', [{ path, rule: 'date', message: '发布日期应为有效日期 YYYY-MM-DD' }]);
  if (value > today) throw new ValidationError('发布日期', [{ path, rule: 'not_future', message: `发布日期不能晚于今天（${today}）` }]);
  if (value < writtenOn) throw new ValidationError('发布日期', [{ path, rule: 'not_before_written', message: `发布日期不能早于成文日期（${writtenOn}）` }]);
  return value;
}

/** The last day an Art. 26 publication is on time: 20 working days after the day the information was formed. */
export function art26DueOn(writtenOn: CivilDate, calendar: WorkCalendar = defaultWorkCalendar()): { dueOn: CivilDate; provisional: boolean } {
  try {
    const dueOn = calendar.addWorkdays(writtenOn, ART26_WORKING_DAYS);
    return { dueOn, provisional: calendar.provisionalYearsBetween(writtenOn, dueOn).length > 0 };
  } catch {
    // A year outside the loaded calendar: counted Monday to Friday and marked 暂定 (decisions.md #22).
    let d = writtenOn;
    for (let left = ART26_WORKING_DAYS; left > 0; ) {
      d = addDays(d, 1);
      if (!isWeekend(d)) left -= 1;
    }
    return { dueOn: d, provisional: true };
  }
}

export function publicationLateness(writtenOn: CivilDate, publishedOn: CivilDate, calendar?: WorkCalendar): { art26DueOn: CivilDate; art26Provisional: boolean; late: boolean } {
  const due = art26DueOn(writtenOn, calendar);
  return { art26DueOn: due.dueOn, art26Provisional: due.provisional, late: publishedOn > due.dueOn };
}
