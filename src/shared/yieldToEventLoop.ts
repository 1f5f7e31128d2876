/**
 * Lets every waiting request run before the caller goes on: long jobs on the embedded database (one
 * connection, executed on this thread) call it between their short pieces (issue 14).
 */
export const yieldToEventLoop = (): Promise<void> => new Promise<void>((resolve) => setImmediate(resolve));
