// The regulation as typed data and pure functions. Nothing here does I/O or imports the outer layers.
export * from './templateId.ts';
export * from './applicants.ts';
export * from './table2.ts';
export * from './table3.ts';
export * from './table4.ts';
export * from './sections.ts';
export * from './outcomes.ts';
export * from './deadline/index.ts';
export * from './fees.ts';
export * from './catalogue.ts';
