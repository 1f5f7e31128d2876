/**
 * 信息处理费 collected by an agency in a year (国办函〔2020〕109号: the annual report states what was
 * collected): each `fee-paid` event dated in the year, at the amount of the case's last fee notice before it.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../../db/open.ts';
import { events } from '../../db/schema.ts';

export interface FeesCollected {
  /** payments received in the year */
  count: number;
  totalFen: number;
}

export async function feesCollected(db: Db | Tx, agencyId: string, year: number): Promise<FeesCollected> {
  const rows = await db
    .select({ id: events.id, applicationId: events.applicationId, kind: events.kind, payload: events.payload })
    .from(events)
    .where(and(eq(events.agencyId, agencyId), inArray(events.kind, ['fee-notice-sent', 'fee-paid'])))
    .orderBy(events.id);
  const charged = new Map<string, number>();
  let count = 0;
  let totalFen = 0;
  for (const e of rows) {
    if (e.applicationId === null) continue;
    if (e.kind === 'fee-notice-sent') {
      const amount = e.payload['amountFen'];
      charged.set(e.applicationId, typeof amount === 'number' ? amount : 0);
      continue;
    }
    const date = e.payload['date'];
    if (typeof date !== 'string' || !date.startsWith(`${year}-`)) continue;
    count += 1;
    totalFen += charged.get(e.applicationId) ?? 0;
  }
  return { count, totalFen };
}
