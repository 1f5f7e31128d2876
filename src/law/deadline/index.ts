// The statutory answer clock (条例 Arts. 30–34): events in, due date and reasoning out. Pure.
export * from './events.ts';
export * from './settings.ts';
export * from './errors.ts';
export * from './engine.ts';
