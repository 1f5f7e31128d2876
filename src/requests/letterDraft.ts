/**
 * The answer letter (告知书) drafted from the case: the facts (receipt, 补正, extension), the outcome's
 * paragraph, the articles that ground it (OUTCOME_LAW) and the remedies (decisions.md, an agency template).
 * Pure: the caller loads the case. The clerk edits the draft before the answer is given.
 */
import { formatChineseDate } from '../calendar/civilDate.ts';
import { OUTCOME_LAW } from '../law/outcomes.ts';
import type { CaseOutcome } from '../law/outcomes.ts';

export interface LetterDraftInput {
  outcome: CaseOutcome;
  agencyName: string;
  applicantName: string;
  natural: boolean;
  receiptCode: string;
  description: string;
  receivedOn: string | null;
  supplementReceivedOn: string | null;
  extendedDays: number | null;
  thirdPartyConsulted: boolean;
  remedies: string;
  issuedOn: string;
}

export interface LetterText {
  title: string;
  body: string;
  articles: readonly string[];
}

export const LETTER_TITLE = '政府信息公开申请答复告知书';

const REASON = '［请在此填写具体理由］';

/** A blank the draft leaves for the clerk (［请…］); a letter still holding one is not sent. */
export const LETTER_PLACEHOLDER = /［请[^］]*］/g;

/** The blanks left in a letter text. */
export function placeholdersIn(text: string): string[] {
  return [...text.matchAll(LETTER_PLACEHOLDER)].map((m) => m[0]);
}

const PARAGRAPHS: Record<CaseOutcome, string> = {
  granted: '经审查，您申请获取的政府信息属于可以公开的政府信息，本机关予以公开。相关信息随本告知书一并提供（获取方式、途径：［请填写］）。',
  partially_granted: `经审查，您申请获取的政府信息中含有不应当公开或者不属于政府信息的内容，但能够作区分处理。本机关向您提供可以公开的信息内容；对不予公开的内容，理由如下：${REASON}`,
  'withheld.state_secret': '经审查，您申请获取的政府信息属于国家秘密，依法不予公开。',
  'withheld.prohibited_by_law': `经审查，您申请获取的政府信息属于法律、行政法规禁止公开的政府信息，依法不予公开。理由：${REASON}`,
  'withheld.security_stability': '经审查，您申请获取的政府信息公开后可能危及国家安全、公共安全、经济安全、社会稳定，依法不予公开。',
  'withheld.third_party_rights': '经审查，您申请获取的政府信息涉及商业秘密、个人隐私等公开会对第三方合法权益造成损害的内容，经书面征求第三方意见，第三方不同意公开，本机关决定不予公开。',
  'withheld.internal_affairs': '经审查，您申请获取的政府信息属于人事管理、后勤管理、内部工作流程等方面的内部事务信息，本机关决定不予公开。',
  'withheld.process_information': '经审查，您申请获取的政府信息属于行政机关在履行行政管理职能过程中形成的过程性信息，本机关决定不予公开。',
  'withheld.enforcement_file': '经审查，您申请获取的政府信息属于行政执法案卷信息，本机关决定不予公开。',
  'withheld.administrative_query': '经审查，您申请获取的信息属于工商、不动产登记资料等有关法律、行政法规对信息的获取有特别规定的事项，请依照有关法律、行政法规的规定办理。',
  'unavailable.not_held': '经检索查找，本机关未制作或者获取您申请获取的政府信息，该政府信息不存在。（如属于其他行政机关负责公开的，请填写该机关的名称、联系方式：［请填写］）',
  'unavailable.needs_creation': '经审查，您申请获取的信息需要本机关对现有政府信息进行加工、分析，本机关不予提供。',
  'unavailable.still_unclear': '本机关已告知您补正申请内容，您补正后的申请内容仍不明确，本机关无法提供。',
  'not_processed.petition_complaint': '经审查，您以政府信息公开申请的形式提出的是信访、投诉、举报等诉求，本机关不作为政府信息公开申请处理，您可以通过信访等相应渠道提出。',
  'not_processed.repeated': '经审查，您已就同一政府信息向本机关提出过公开申请，本机关已依法作出答复，对您的重复申请不予重复处理。',
  'not_processed.publication': '经审查，您申请获取的是政府公报、报刊、书籍等公开出版物，您可以通过［请填写获取途径］获取，本机关不再作为政府信息公开申请处理。',
  'not_processed.mass_repetitive': '经审查，您申请公开政府信息的数量、频次明显超过合理范围，本机关已要求您说明理由，您说明的理由不合理，本机关不予处理。',
  'not_processed.confirm_or_reissue': '经审查，您要求本机关确认或者重新出具您已获取的信息，不属于政府信息公开申请的处理范围，本机关不予处理。',
  'other.no_supplement': '本机关已书面告知您补正申请内容，您无正当理由逾期未补正，视为放弃申请，本机关不再处理该政府信息公开申请。',
  'other.unpaid_fee': '本机关已向您发出收费通知，您逾期未按收费通知要求缴纳信息处理费，本机关不再处理该政府信息公开申请。',
  'other.other': '您已撤回该政府信息公开申请，本机关终止处理。',
};

function cnDate(date: string): string {
  return formatChineseDate(date, false);
}

export function draftLetter(c: LetterDraftInput): LetterText {
  const articles = OUTCOME_LAW[c.outcome].articles;
  const you = c.natural ? '您' : '贵单位';
  const facts: string[] = [];
  facts.push(
    `${c.receivedOn === null ? '本机关' : `本机关于${cnDate(c.receivedOn)}`}收到${you}提出的政府信息公开申请（受理编号：${c.receiptCode}），申请获取“${c.description}”。`,
  );
  if (c.supplementReceivedOn !== null) facts.push(`经本机关告知补正，${you}于${cnDate(c.supplementReceivedOn)}提交了补正后的申请。`);
  if (c.thirdPartyConsulted) facts.push('因该申请涉及第三方合法权益，本机关依照《中华人民共和国政府信息公开条例》第三十二条书面征求了第三方意见，征求意见所需时间不计算在答复期限内。');
  if (c.extendedDays !== null) facts.push(`经本机关政府信息公开工作机构负责人同意，答复期限延长${c.extendedDays}个工作日。`);
  facts.push('现答复如下：');
  const paragraph = PARAGRAPHS[c.outcome].replaceAll('您', you);
  const basis = articles.length > 0 ? `根据《中华人民共和国政府信息公开条例》${articles.join('、')}的规定，特此告知。` : '特此告知。';
  const body = [
    `${c.applicantName}：`,
    facts.join(''),
    paragraph,
    basis,
    c.remedies,
    '',
    c.agencyName,
    cnDate(c.issuedOn),
  ].join('\n');
  return { title: LETTER_TITLE, body, articles };
}
