/**
 * Tells an applicant who gave an e-mail address when the case needs them (补正, a fee to pay) or when it is
 * answered or extended — by e-mail, when SMTP is configured. The step is already written: a mail that fails
 * is logged and does not undo it.
 */
import type { Db } from '../db/open.ts';
import type { SecretKey } from '../db/secretKey.ts';
import type { TransitionId } from '../law/transitions.ts';
import { decryptApplicant, loadCase } from '../requests/queries.ts';
import type { Mail, Mailer } from './mailer.ts';
import { systemActor } from '../accounts/actor.ts';

/** The steps the applicant hears about, and what the mail says. */
const NOTICES: Partial<Record<TransitionId, { subject: string; text: string }>> = {
  requestSupplement: { subject: '请补正您的政府信息公开申请', text: '您的申请内容需要补正。补正通知书已寄送或可凭受理编号和查询密码在门户“进度查询”中查看；请在通知书规定的期限内补正。' },
  sendFeeNotice: { subject: '政府信息公开申请收费通知', text: '您的申请需要缴纳信息处理费，收费通知已发出；请在通知规定的期限内缴纳。' },
  approveExtension: { subject: '政府信息公开申请答复期限延长', text: '经政府信息公开工作机构负责人同意，您的申请答复期限已延长。' },
  answer: { subject: '您的政府信息公开申请已答复', text: '本机关已对您的申请作出答复。答复告知书可凭受理编号和查询密码在门户“进度查询”中下载。' },
};

export function applicantNoticeFor(step: TransitionId, c: { receiptCode: string; agencyName: string; dueOn: string | null }): Omit<Mail, 'to'> | undefined {
  const n = NOTICES[step];
  if (n === undefined) return undefined;
  const due = step === 'approveExtension' && c.dueOn !== null ? `延长后的答复期限为${c.dueOn}。` : '';
  return { subject: `${n.subject}（${c.receiptCode}）`, text: `${c.agencyName}：受理编号 ${c.receiptCode}。\n\n${n.text}${due}\n\n本邮件由系统自动发送，请勿直接回复。` };
}

export async function notifyApplicant(db: Db, key: SecretKey, mailer: Mailer | undefined, applicationId: string, step: TransitionId): Promise<boolean> {
  if (mailer === undefined || NOTICES[step] === undefined) return false;
  const c = await loadCase(db, systemActor('notices'), applicationId);
  const email = decryptApplicant(key, c.row).email;
  if (email === undefined || email.trim() === '') return false;
  const mail = applicantNoticeFor(step, { receiptCode: c.row.receiptCode, agencyName: c.agencyName, dueOn: c.row.dueOn });
  if (mail === undefined) return false;
  await mailer.send({ to: email, ...mail });
  return true;
}
