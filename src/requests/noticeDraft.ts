/**
 * The procedural notices of a case (letters.md §2–§7): their titles and texts, from the facts of the
 * step that issues them. Each follows the letter's layout: addressee, paragraphs, then the signature
 * block (agency, （印章）, date) after an empty line. Pure: the caller loads the case and the settings.
 */
import { formatChineseDate } from '../calendar/civilDate.ts';
import { FEE_BASIS } from '../law/fees.ts';
import type { FeeResult } from '../law/fees.ts';
import { quoteDescription, SEAL_MARK } from './letterDraft.ts';

export const NOTICE_KINDS = {
  supplement: { title: '政府信息公开申请补正告知书', event: 'supplement-requested' },
  extension: { title: '政府信息公开申请延期答复告知书', event: 'extended' },
  fee: { title: '政府信息公开信息处理费收费通知书', event: 'fee-notice-sent' },
  'third-party-consultation': { title: '政府信息公开征求第三方意见书', event: 'third-party-sent' },
  'third-party-disclosure': { title: '政府信息公开决定公开告知书（给第三方）', event: 'third-party-disclosure-notified' },
  'agency-consultation': { title: '政府信息公开征求意见函', event: 'agency-consultation-sent' },
  'reasons-request': { title: '政府信息公开申请说明理由告知书', event: 'reasons-requested' },
  'supplement-lapsed': { title: '政府信息公开申请不再处理告知书（逾期未补正）', event: 'supplement-lapsed' },
  'fee-lapsed': { title: '政府信息公开申请不再处理告知书（逾期未缴费）', event: 'fee-lapsed' },
} as const;
export type NoticeKind = keyof typeof NOTICE_KINDS;
export const NOTICE_KIND_IDS = Object.keys(NOTICE_KINDS) as NoticeKind[];

const LAW = '《中华人民共和国政府信息公开条例》';

export interface NoticeCase {
  agencyName: string;
  agencyAddress: string | null;
  agencyPhone: string | null;
  applicantName: string;
  natural: boolean;
  receiptCode: string;
  description: string;
  receivedOn: string | null;
  issuedOn: string;
  /**
   * General remedies (复议 60 days or 诉讼 6 months) with the configured bodies, as served to the applicant
   * (served online: with the 复议机关's online filing channel, 行政复议法 Art. 22 ¶2).
   */
  remedies: string;
  /** The same remedies for a third party (决定公开告知书), who is not served by the applicant's delivery method. */
  thirdPartyRemedies: string;
}

export interface NoticeText {
  kind: NoticeKind;
  title: string;
  addressee: string;
  body: string;
}

function cn(date: string): string {
  return formatChineseDate(date, false);
}

function you(c: NoticeCase): string {
  return c.natural ? '您' : '贵单位';
}

function application(c: NoticeCase): string {
  return `${c.receivedOn === null ? '本机关' : `本机关于${cn(c.receivedOn)}`}收到${you(c)}提出的政府信息公开申请（受理编号：${c.receiptCode}），申请获取${quoteDescription(c.description)}。`;
}

function contact(c: NoticeCase): string[] {
  const parts = [c.agencyAddress === null ? null : `地址：${c.agencyAddress}`, c.agencyPhone === null ? null : `联系电话：${c.agencyPhone}`].filter((x) => x !== null);
  return parts.length > 0 ? [`${parts.join('；')}。`] : [];
}

function compose(kind: NoticeKind, c: NoticeCase, addressee: string, paragraphs: readonly string[]): NoticeText {
  const body = [`${addressee}：`, ...paragraphs, ...contact(c), '', c.agencyName, SEAL_MARK, cn(c.issuedOn)].join('\n');
  return { kind, title: NOTICE_KINDS[kind].title, addressee, body };
}

/** 补正告知书 (Art. 30): all items at once, the period, the consequence, the restart. */
export function supplementNotice(c: NoticeCase, items: readonly string[], periodEnd: string, periodDays: number, late: boolean, provisional = false): NoticeText {
  const list = items.map((it, i) => `${i + 1}. ${it.replace(/[。；;\s]+$/u, '')}；`).join('');
  return compose('supplement', c, c.applicantName, [
    application(c),
    `经审查，${you(c)}的申请内容不明确。根据${LAW}第三十条的规定，现一次性告知${you(c)}需要补正的全部事项：${list.replace(/；$/u, '。')}`,
    `请${you(c)}于${cn(periodEnd)}${provisional ? '（暂定：该年节假日安排尚未公布，按周一至周五计算）' : ''}前（自本告知书发出次日起${periodDays}个工作日内）补正。本机关自收到补正后的申请之日起重新计算答复期限。${you(c)}无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。`,
    ...(late ? ['本告知书于收到申请之日起7个工作日后发出，答复期限仍自收到补正后的申请之日起计算。'] : []),
    '特此告知。',
    c.remedies,
  ]);
}

/** 延期答复告知书 (Art. 33 ¶2). */
export function extensionNotice(c: NoticeCase, reason: string, days: number, newDue: string | null, provisional: boolean): NoticeText {
  return compose('extension', c, c.applicantName, [
    application(c),
    `因${reason.replace(/[。；;\s]+$/u, '')}，本机关不能在法定期限内作出答复。根据${LAW}第三十三条第二款的规定，经本机关政府信息公开工作机构负责人同意，答复期限延长${days}个工作日${newDue === null ? '' : `，本机关将于${cn(newDue)}${provisional ? '（暂定）' : ''}前作出答复`}。`,
    '特此告知。',
  ]);
}

export interface FeeNoticeFacts {
  fee: FeeResult;
  /** The amount charged: the fee, or less after 减免. */
  chargedFen: number;
  reductionReason: string | null;
  /** How to pay (account, channel) — the agency's own text. */
  payment: string;
  /** Applications counted this month (按件) or pages (按量). */
  count: number;
}

function yuan(fen: number): string {
  return fen % 100 === 0 ? `${fen / 100}元` : `${(fen / 100).toFixed(2)}元`;
}

/** 收费通知书 (109号): basis, standard, count, amount with its breakdown, 减免, how to pay, 20 working days. */
export function feeNotice(c: NoticeCase, f: FeeNoticeFacts): NoticeText {
  const count = f.fee.method === 'per-item' ? `${you(c)}本自然月内累计提出政府信息公开申请${f.count}件（含本件）` : `本申请所需提供的信息共${f.count}页`;
  const standard =
    f.fee.method === 'per-item'
      ? '按件计收，同一申请人一个自然月内累计申请10件以下（含10件）的不收费；11–30件（含30件）的部分每件收费100元；31件以上的部分，以10件为一档，每增加一档，收费标准提高100元/件'
      : '按量计收，同一申请件中，30页以下（含30页）的不收费；31–100页（含100页）的部分每页收费10元；101–200页（含200页）的部分每页收费20元；201页以上的部分每页收费40元';
  const reduction = f.chargedFen < f.fee.amountFen ? `经本机关决定，${f.chargedFen === 0 ? '免收' : `减收${yuan(f.fee.amountFen - f.chargedFen)}`}，理由：${f.reductionReason ?? ''}。应缴金额为${yuan(f.chargedFen)}。` : `应缴金额为${yuan(f.chargedFen)}。`;
  return compose('fee', c, c.applicantName, [
    application(c),
    `${count}，${f.fee.method === 'per-item' ? '申请公开政府信息的数量、频次' : '申请公开政府信息的数量'}明显超过合理范围。根据${LAW}第四十二条和${FEE_BASIS}的规定，本机关依法收取信息处理费。`,
    `收费标准：${standard}。`,
    `计算明细：${f.fee.breakdown.map((l) => l.text).join('；')}；合计${yuan(f.fee.amountFen)}。${reduction}`,
    `缴费方式：${f.payment.replace(/[。\s]+$/u, '')}。信息处理费按照非税收入管理，本机关开具财政票据。`,
    `请${you(c)}自收到本通知书次日起20个工作日内缴纳。逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。收费通知发出至缴费到达期间不计算在答复期限内。`,
    '特此通知。',
  ]);
}

/** 征求第三方意见书 (Art. 32): 15 working days; silence is not consent; an objection must give reasons. */
export function thirdPartyConsultation(c: NoticeCase, party: string, information: string): NoticeText {
  return compose('third-party-consultation', c, party, [
    `本机关收到一件政府信息公开申请（受理编号：${c.receiptCode}），申请公开的政府信息为：${quoteDescription(information)}。经审查，该信息的公开可能损害贵方的合法权益。`,
    `根据${LAW}第三十二条的规定，现书面征求贵方意见。请贵方自收到本意见书之日起15个工作日内书面回复是否同意公开；不同意公开的，应当说明理由并提供相关依据。`,
    '贵方逾期未提出意见的，由本机关依法决定是否公开。贵方不同意公开且有合理理由的，本机关不予公开；但本机关认为不公开可能对公共利益造成重大影响的，可以决定予以公开，并将决定公开的政府信息内容和理由书面告知贵方。',
    '特此函询。',
  ]);
}

/** 决定公开告知书（给第三方）(Art. 32): what is disclosed and why, with the third party's remedies. */
export function thirdPartyDisclosureNotice(c: NoticeCase, party: string, what: string, why: string): NoticeText {
  return compose('third-party-disclosure', c, party, [
    `本机关就政府信息公开申请（受理编号：${c.receiptCode}）书面征求了贵方意见，贵方不同意公开。`,
    `经审查，本机关认为不公开可能对公共利益造成重大影响，根据${LAW}第三十二条的规定，决定予以公开。决定公开的政府信息内容：${what.replace(/[。\s]+$/u, '')}。理由：${why.replace(/[。\s]+$/u, '')}。`,
    '特此告知。',
    c.thirdPartyRemedies,
  ]);
}

/** 征求意见函 to another organ (Arts. 33 ¶3, 34): 15 working days; silence = consent. */
export function agencyConsultation(c: NoticeCase, organ: string, information: string): NoticeText {
  return compose('agency-consultation', c, organ, [
    `本机关收到一件政府信息公开申请（受理编号：${c.receiptCode}），申请公开的政府信息为：${quoteDescription(information)}。该信息系本机关与贵机关共同制作。`,
    `根据${LAW}第三十四条的规定，现征求贵机关意见。请贵机关自收到本函之日起15个工作日内书面提出意见；逾期未提出意见的，视为同意公开。`,
    '特此函询。',
  ]);
}

/** 说明理由告知书 (Art. 35): the facts of number and frequency, the reply period, what follows. */
export function reasonsRequestNotice(c: NoticeCase, factsText: string, replyBy: string): NoticeText {
  return compose('reasons-request', c, c.applicantName, [
    application(c),
    `经查，${factsText.replace(/[。\s]+$/u, '')}。${you(c)}申请公开政府信息的数量、频次明显超过合理范围。根据${LAW}第三十五条的规定，请${you(c)}于${cn(replyBy)}前书面说明理由。`,
    `${you(c)}说明的理由不合理的，本机关将告知不予处理；理由合理但无法在${LAW}第三十三条规定的期限内答复的，本机关将确定延迟答复的合理期限并告知${you(c)}。`,
    '特此告知。',
  ]);
}

/** 不再处理告知书 after 补正 or payment lapsed (Art. 30; 109号). */
export function lapseNotice(c: NoticeCase, kind: 'supplement-lapsed' | 'fee-lapsed', periodEnd: string | null): NoticeText {
  const what =
    kind === 'supplement-lapsed'
      ? `本机关已书面告知${you(c)}补正申请内容${periodEnd === null ? '' : `，补正期限至${cn(periodEnd)}`}。${you(c)}无正当理由逾期未补正，根据${LAW}第三十条的规定，视为放弃申请，本机关不再处理该政府信息公开申请。`
      : `本机关已向${you(c)}发出收费通知${periodEnd === null ? '' : `，缴费期限至${cn(periodEnd)}`}。${you(c)}逾期未缴纳信息处理费，根据${LAW}第四十二条和${FEE_BASIS}的规定，视为放弃申请，本机关不再处理该政府信息公开申请。`;
  return compose(kind, c, c.applicantName, [application(c), what, '特此告知。', c.remedies]);
}
