// Working days on the official calendar. Pure: no I/O; override data arrives as an already-parsed value.
export * from './civilDate.ts';
export * from './errors.ts';
export * from './workCalendar.ts';
export * from './holidayNotice.ts';
export * from './nextYearWarning.ts';
export * from './yearGrid.ts';
