export * from './appeals.ts';
export * from './applications.ts';
export * from './buildReport.ts';
export * from './cases.ts';
export * from './errors.ts';
export * from './lock.ts';
export * from './rollUp.ts';
export * from './fromRegister.ts';
