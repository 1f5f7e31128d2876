export * from './columns.ts';
export * from './dates.ts';
export * from './errors.ts';
export * from './read.ts';
export * from './validate.ts';
export * from './values.ts';
