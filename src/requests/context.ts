import type { Actor } from '../accounts/actor.ts';
import type { CivilDate } from '../calendar/civilDate.ts';
import type { WorkCalendar } from '../calendar/workCalendar.ts';
import type { SecretKey } from '../db/secretKey.ts';
import type { Db } from '../db/open.ts';

/** What every request command needs: the database, who acts, the key for personal data. */
export interface CaseContext {
  readonly db: Db;
  readonly actor: Actor;
  readonly key: SecretKey;
  /** Overrides today's date in China (tests, demo). */
  readonly today?: CivilDate;
  readonly calendar?: WorkCalendar;
}

/** Test hooks: called inside a transition's transaction after its writes, before commit (crash tests). */
export const testHooks: { beforeCommit?: (() => Promise<void>) | undefined } = {};
