/**
 * Whether a case's letters and notices are served online (以电子方式送达, 《行政复议法》Art. 22 ¶2 "通过互联网
 * 渠道送达"), from the delivery method the applicant chose (DELIVERIES, applicationInput.ts): the letter is
 * drafted and frozen when the step is taken, before any delivery is recorded, so the chosen method is what
 * the letter can speak to.
 *
 * - 电子邮件 (`email`): the letter goes to the applicant's mailbox — electronic service with the applicant's
 *   consent (choosing it), effective when it reaches the mailbox.
 * - 网上获取 (`online`): the applicant fetches the letter through the portal — electronic service.
 * - 邮寄 (`post`) and 自行领取 (`pickup`): a paper letter, posted or handed over — not online.
 */
import { withOnlineReviewChannel } from '../law/onlineReviewChannel.ts';
import type { Delivery } from './applicationInput.ts';

export const ONLINE_DELIVERIES = ['email', 'online'] as const satisfies readonly Delivery[];

export function isServedOnline(delivery: string): boolean {
  return (ONLINE_DELIVERIES as readonly string[]).includes(delivery);
}

/**
 * The remedies paragraph as served: with the 复议机关's online filing channel when served online and the
 * agency has set the channel (not set: a warning in 机关设置, the letter still goes out); else as it is.
 */
export function remediesAsServed(remedies: string, reviewOnlineChannel: string | null, delivery: string): string {
  return isServedOnline(delivery) && reviewOnlineChannel !== null ? withOnlineReviewChannel(remedies, reviewOnlineChannel) : remedies;
}
