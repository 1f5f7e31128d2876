// Working days on the official calendar. Pure: no I/O; override data arrives as an already-parsed value.
export * from './civilDate.ts';
export * from './errors.ts';
export * from './workCalendar.ts';
