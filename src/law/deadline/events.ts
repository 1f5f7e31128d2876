/**
 * The events of an application that move its answer clock (条例 Arts. 30–34, 国办函〔2020〕109号).
 * Every event carries the civil date it happened on; events are given in the order they happened.
 */
import { parseCivilDate } from '../../calendar/civilDate.ts';
import type { CivilDate } from '../../calendar/civilDate.ts';
import { UnknownEventKindError } from './errors.ts';
import type { EmailReceiptRule } from './settings.ts';

/** The ways an application arrives (Art. 31; e-mail per decisions.md q5). */
export const CHANNELS = {
  'in-person': { label: '当面', submitted: '当面提交' },
  post: { label: '邮寄', submitted: '以邮寄方式提交' },
  'ordinary-letter': { label: '平常信函', submitted: '以平常信函等无需签收的邮寄方式提交' },
  online: { label: '网络', submitted: '通过互联网渠道提交' },
  fax: { label: '传真', submitted: '通过政府信息公开工作机构的传真提交' },
  email: { label: '电子邮件', submitted: '通过电子邮件提交' },
} as const;
export type Channel = keyof typeof CHANNELS;
export const CHANNEL_IDS = Object.keys(CHANNELS) as Channel[];

/** A channel by its id (`post`) or its Chinese label (`邮寄`). */
export function parseChannel(value: string): Channel {
  if (Object.hasOwn(CHANNELS, value)) return value as Channel;
  const byLabel = CHANNEL_IDS.find((c) => CHANNELS[c].label === value);
  if (byLabel === undefined) {
    throw new UnknownEventKindError(value, CHANNEL_IDS.map((c) => CHANNELS[c].label), 'channel');
  }
  return byLabel;
}

export interface ReceiptRule {
  readonly article: string;
  /** Which day is the receipt date, in the words of the rule. */
  readonly receiptDateIs: string;
}

/**
 * Which date is the receipt date (收到申请之日) for a channel (Art. 31). The `received` event carries that
 * date already fixed; this is what the reasoning cites for it.
 */
export function receiptRule(channel: Channel, emailReceipt: EmailReceiptRule): ReceiptRule {
  switch (channel) {
    case 'in-person':
      return { article: '《条例》第三十一条第（一）项', receiptDateIs: '申请人当面提交之日' };
    case 'post':
      return { article: '《条例》第三十一条第（二）项', receiptDateIs: '行政机关签收之日' };
    case 'ordinary-letter':
      return {
        article: '《条例》第三十一条第（二）项',
        receiptDateIs: '政府信息公开工作机构收到平常信函当日与申请人确认的确认之日',
      };
    case 'online':
    case 'fax':
      return { article: '《条例》第三十一条第（三）项', receiptDateIs: '双方确认之日' };
    case 'email':
      return emailReceipt === 'mail-system'
        ? { article: '国办公开办函〔2015〕207号（本机关设置）', receiptDateIs: '电子邮件系统收到之日' }
        : { article: '《条例》第三十一条第（三）项（电子邮件按互联网渠道）', receiptDateIs: '双方确认之日' };
    default: {
      const never: never = channel;
      throw new Error(`unknown channel ${String(never)}`);
    }
  }
}

export type ConsultationKind = 'third-party' | 'agency-consultation';

/**
 * A `…-lapsed` event's date is the last day of the period that ran out unused (the reply, payment or
 * correction period), which the clerk fixes from the day the letter or notice was received.
 */
export type ClockEvent =
  | { readonly kind: 'received'; readonly date: CivilDate; readonly channel: Channel }
  /** `onTheSpot`: answered at once when the application was handed in (Art. 33 ¶1). */
  | { readonly kind: 'answered'; readonly date: CivilDate; readonly onTheSpot?: boolean }
  /** `periodEnd`: the last day of the reasonable correction period the notice sets (Art. 30). */
  | { readonly kind: 'supplement-requested'; readonly date: CivilDate; readonly periodEnd?: CivilDate }
  | { readonly kind: 'supplement-received'; readonly date: CivilDate }
  | { readonly kind: 'supplement-lapsed'; readonly date: CivilDate }
  | { readonly kind: 'third-party-sent'; readonly date: CivilDate }
  | { readonly kind: 'third-party-replied'; readonly date: CivilDate }
  | { readonly kind: 'third-party-lapsed'; readonly date: CivilDate }
  | { readonly kind: 'agency-consultation-sent'; readonly date: CivilDate }
  | { readonly kind: 'agency-consultation-replied'; readonly date: CivilDate }
  | { readonly kind: 'agency-consultation-lapsed'; readonly date: CivilDate }
  /** `days`: working days added, at most the setting extensionDays (default 20). */
  | { readonly kind: 'extended'; readonly date: CivilDate; readonly days?: number }
  | { readonly kind: 'fee-notice-sent'; readonly date: CivilDate }
  | { readonly kind: 'fee-paid'; readonly date: CivilDate }
  | { readonly kind: 'fee-lapsed'; readonly date: CivilDate }
  /**
   * A reconsideration or court decision (result 纠正) sent an answered or closed application back for a
   * new answer: a new period of answerDays counted from the day after the decision (`date`).
   */
  /** `days`: the period the decision sets, when it sets one (default answerDays). */
  | { readonly kind: 'reopened'; readonly date: CivilDate; readonly days?: number }
  /** Art. 35: the applicant's reasons are reasonable but the Art. 33 period cannot be met; the agency fixes `due`. */
  | { readonly kind: 'deadline-set'; readonly date: CivilDate; readonly due: CivilDate };

export type ClockEventKind = ClockEvent['kind'];

export const EVENT_KIND_LABELS = {
  received: '收到申请',
  answered: '答复',
  'supplement-requested': '发出补正通知',
  'supplement-received': '收到补正后的申请',
  'supplement-lapsed': '补正期限届满未补正',
  'third-party-sent': '向第三方发出征求意见书',
  'third-party-replied': '收到第三方意见',
  'third-party-lapsed': '第三方答复期限届满未答复',
  'agency-consultation-sent': '向其他机关发出征求意见函',
  'agency-consultation-replied': '收到其他机关意见',
  'agency-consultation-lapsed': '其他机关答复期限届满未答复',
  extended: '延长答复期限获批准',
  'fee-notice-sent': '发出收费通知',
  'fee-paid': '收到缴费',
  'fee-lapsed': '缴费期限届满未缴费',
  reopened: '复议、诉讼结果纠正，重新答复',
  'deadline-set': '确定延迟答复的合理期限',
} as const satisfies Record<ClockEventKind, string>;

export const EVENT_KINDS = Object.keys(EVENT_KIND_LABELS) as ClockEventKind[];

export function isClockEventKind(value: string): value is ClockEventKind {
  return Object.hasOwn(EVENT_KIND_LABELS, value);
}

/**
 * `KIND@DATE` (the CLI's form), e.g. `third-party-sent@2020-10-12`, `extended@2020-10-30`; `extended`
 * takes an optional day count `extended:10@…`, `supplement-requested` the end of the correction period
 * `supplement-requested:2020-10-20@2020-10-09`. `received` is not written this way (it needs a channel).
 */
export function parseEventSpec(spec: string): Exclude<ClockEvent, { kind: 'received' }> {
  const at = spec.lastIndexOf('@');
  const head = at < 0 ? spec : spec.slice(0, at);
  const [kindText = '', arg] = head.split(':');
  const kinds = EVENT_KINDS.filter((k) => k !== 'received');
  if (at < 0) {
    throw new UnknownEventKindError(spec, kinds.map((k) => `${k}@YYYY-MM-DD`));
  }
  const date = parseCivilDate(spec.slice(at + 1), `--event ${kindText}`);
  if (!isClockEventKind(kindText) || kindText === 'received') throw new UnknownEventKindError(kindText, kinds);
  if (kindText === 'extended' && arg !== undefined) {
    return { kind: 'extended', date, days: /^\d+$/.test(arg) ? Number(arg) : Number.NaN };
  }
  if (kindText === 'supplement-requested' && arg !== undefined) {
    return { kind: 'supplement-requested', date, periodEnd: parseCivilDate(arg, '--event supplement-requested 补正期限') };
  }
  if (kindText === 'deadline-set') {
    if (arg === undefined) throw new UnknownEventKindError(head, ['deadline-set:YYYY-MM-DD@YYYY-MM-DD']);
    return { kind: 'deadline-set', date, due: parseCivilDate(arg, '--event deadline-set 期限') };
  }
  if (arg !== undefined) throw new UnknownEventKindError(head, kinds);
  return { kind: kindText, date } as Exclude<ClockEvent, { kind: 'received' }>;
}
