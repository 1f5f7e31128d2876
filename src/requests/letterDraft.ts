/**
 * The answer letter (答复告知书) drafted from the case (letters.md §0, §8): the reference to the
 * application (receipt date, channel, the information as described, receipt code), the procedure on
 * record (补正, consultation, extension), the decision with the facts and reasons of this request and the
 * article relied on, the remedies of decisions.md #11 naming the configured 复议机关 and court, the
 * agency's contact, and the signature block with （印章） and the date. The 文号 is given when it is sent.
 *
 * A missing fact becomes a visible placeholder `［请填写：…］`; a letter holding one cannot be sent
 * (`findPlaceholders`). Pure: the caller loads the case.
 */
import { formatChineseDate } from '../calendar/civilDate.ts';
import { OUTCOME_LAW } from '../law/outcomes.ts';
import type { CaseOutcome } from '../law/outcomes.ts';
import { FACT_LABELS } from './answerFacts.ts';
import type { AnswerFacts } from './answerFacts.ts';

export type ThirdPartyRecord = 'objects' | 'agrees' | 'lapsed' | 'none';

export interface LetterDraftInput {
  outcome: CaseOutcome;
  facts: AnswerFacts;
  agencyName: string;
  agencyAddress: string | null;
  agencyPhone: string | null;
  applicantName: string;
  natural: boolean;
  receiptCode: string;
  description: string;
  receivedOn: string | null;
  /** How it arrived, in words (当面提交 …). */
  channelText: string | null;
  supplementReceivedOn: string | null;
  extendedDays: number | null;
  /** The third-party consultation on record: the reply, none sent = 'none'. */
  thirdParty: ThirdPartyRecord;
  thirdPartyRepliedOn: string | null;
  /** 36(六): the earlier answer. */
  earlier: { receiptCode: string; number: string | null; answeredOn: string | null } | null;
  /** The remedies paragraph, with 复议机关 and court filled in. */
  remedies: string;
  issuedOn: string;
}

export interface LetterText {
  title: string;
  body: string;
  articles: readonly string[];
}

export const LETTER_TITLE = '政府信息公开申请答复告知书';
export const SEAL_MARK = '（印章）';

const LAW = '《中华人民共和国政府信息公开条例》';

/** A placeholder the clerk must replace before sending. */
export function placeholder(what: string): string {
  return `［请填写：${what}］`;
}

/** Every `［…］` placeholder left in a text. */
export function findPlaceholders(text: string): string[] {
  return [...text.matchAll(/［[^］\n]*］/gu)].map((m) => m[0]);
}

/** A blank the draft leaves for the clerk (［…］); a letter still holding one is not sent (the console reads it). */
export const LETTER_PLACEHOLDER = /［[^］\n]*］/g;

/** The blanks left in a letter text. */
export function placeholdersIn(text: string): string[] {
  return findPlaceholders(text);
}

function cnDate(date: string): string {
  return formatChineseDate(date, false);
}

/** The description without trailing punctuation, so that it closes cleanly inside “…”。 */
export function quoteDescription(description: string): string {
  return `“${description.trim().replace(/[。．.；;，,！!？?\s]+$/u, '')}”`;
}

function fact(facts: AnswerFacts, key: keyof AnswerFacts): string {
  const v = facts[key];
  return typeof v === 'string' ? v : placeholder(FACT_LABELS[key]);
}

/** The decision paragraph of each outcome, with this request's facts. */
function decision(c: LetterDraftInput): { text: string; articles: readonly string[] } {
  const f = c.facts;
  const law = OUTCOME_LAW[c.outcome].articles;
  switch (c.outcome) {
    case 'granted':
      if (f.grantBasis === 'published') {
        return { text: `经查，您申请获取的政府信息本机关已经主动公开，您可以通过以下方式、途径获取：${fact(f, 'publishedAt')}。`, articles: ['第三十六条第（一）项'] };
      }
      if (f.grantBasis === 'disclosed') {
        return { text: `经审查，您申请获取的政府信息属于可以公开的政府信息，本机关予以公开。获取信息的方式、途径和时间：${fact(f, 'provision')}。`, articles: ['第三十六条第（二）项'] };
      }
      return { text: `经审查，${placeholder(FACT_LABELS.grantBasis)}。`, articles: law };
    case 'partially_granted':
      return {
        text: `经审查，您申请获取的政府信息中含有不应当公开或者不属于政府信息的内容，但能够作区分处理。本机关向您提供可以公开的信息内容，获取信息的方式、途径和时间：${fact(f, 'provision')}。对不予公开的内容，理由如下：${fact(f, 'reason')}。`,
        articles: law,
      };
    case 'withheld.state_secret':
      return { text: `经审查，您申请获取的政府信息属于依法确定为国家秘密的政府信息，具体情况：${fact(f, 'reason')}。本机关依法不予公开。`, articles: law };
    case 'withheld.prohibited_by_law':
      return { text: `经审查，您申请获取的政府信息属于法律、行政法规禁止公开的政府信息，具体依据和理由：${fact(f, 'reason')}。本机关依法不予公开。`, articles: law };
    case 'withheld.security_stability':
      return { text: `经审查，您申请获取的政府信息公开后可能危及国家安全、公共安全、经济安全、社会稳定，具体理由：${fact(f, 'reason')}。本机关依法不予公开。`, articles: law };
    case 'withheld.third_party_rights': {
      const consultation =
        c.thirdParty === 'objects'
          ? `经书面征求意见，第三方${c.thirdPartyRepliedOn === null ? '' : `于${cnDate(c.thirdPartyRepliedOn)}`}书面答复不同意公开。`
          : c.thirdParty === 'lapsed'
            ? '经书面征求意见，第三方逾期未提出意见。'
            : `本机关未能征求第三方意见，理由：${fact(f, 'noConsultationReason')}。`;
      const articles = c.thirdParty === 'none' ? ['第十五条', '第三十六条第（三）项'] : law;
      return {
        text: `经审查，您申请获取的政府信息涉及商业秘密、个人隐私等公开会对第三方合法权益造成损害的内容，具体理由：${fact(f, 'reason')}。${consultation}本机关认为，不公开不会对公共利益造成重大影响，决定不予公开。`,
        articles,
      };
    }
    case 'withheld.internal_affairs':
      return { text: `经审查，您申请获取的政府信息属于人事管理、后勤管理、内部工作流程等方面的内部事务信息，具体理由：${fact(f, 'reason')}。${LAW}第十六条第一款规定此类信息可以不予公开，本机关经审查决定不予公开，理由：${fact(f, 'discretion')}。`, articles: law };
    case 'withheld.process_information':
      return { text: `经审查，您申请获取的政府信息属于行政机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告等过程性信息，具体理由：${fact(f, 'reason')}。${LAW}第十六条第二款规定此类信息可以不予公开，且无法律、法规、规章规定应当公开，本机关经审查决定不予公开，理由：${fact(f, 'discretion')}。`, articles: law };
    case 'withheld.enforcement_file':
      return { text: `经审查，您申请获取的政府信息属于行政执法案卷信息，具体理由：${fact(f, 'reason')}。${LAW}第十六条第二款规定此类信息可以不予公开，且无法律、法规、规章规定应当公开，本机关经审查决定不予公开，理由：${fact(f, 'discretion')}。`, articles: law };
    case 'withheld.administrative_query':
      return { text: `经审查，您申请获取的信息属于工商、不动产登记资料等有关法律、行政法规对信息的获取有特别规定的事项，请依照有关法律、行政法规的规定办理，具体途径：${fact(f, 'route')}。`, articles: law };
    case 'unavailable.not_held':
      if (f.notHeldBasis === 'not_responsible') {
        return {
          text: `经审查，您申请获取的政府信息不属于本机关负责公开的政府信息，理由：${fact(f, 'reason')}。该政府信息由${fact(f, 'responsibleOrgan')}负责公开，联系方式：${fact(f, 'responsibleContact')}。`,
          articles: ['第三十六条第（五）项'],
        };
      }
      if (f.notHeldBasis === 'not_exist') {
        return { text: `经检索，${fact(f, 'search')}，本机关未制作或者获取您申请获取的政府信息，该政府信息不存在。`, articles: ['第三十六条第（四）项'] };
      }
      return { text: `经审查，${placeholder(FACT_LABELS.notHeldBasis)}。`, articles: law };
    case 'unavailable.needs_creation':
      return { text: `经审查，您申请获取的信息本机关没有现成信息，需要对现有政府信息进行加工、分析才能形成，具体情况：${fact(f, 'reason')}。本机关不予提供。`, articles: law };
    case 'unavailable.still_unclear':
      return { text: `本机关已告知您补正申请内容，您补正后的申请内容仍不明确，具体情况：${fact(f, 'reason')}。本机关无法提供。`, articles: law };
    case 'not_processed.petition_complaint':
      return { text: `经审查，您以政府信息公开申请的形式提出的是信访、投诉、举报等诉求，本机关不作为政府信息公开申请处理${f.route === undefined ? '' : `，您可以通过以下渠道提出：${f.route}`}。`, articles: law };
    case 'not_processed.repeated': {
      const e = c.earlier;
      const earlier = e === null ? placeholder(FACT_LABELS.earlierReceiptCode) : `受理编号：${e.receiptCode}${e.answeredOn === null ? '' : `，本机关已于${cnDate(e.answeredOn)}`}${e.number === null ? '' : `以${e.number}`}作出答复`;
      return { text: `经审查，您已就同一政府信息向本机关提出过公开申请（${earlier}），本次申请属于重复申请，本机关不予重复处理。`, articles: law };
    }
    case 'not_processed.publication':
      return { text: `经审查，您申请获取的是政府公报、报刊、书籍等公开出版物，您可以通过以下途径获取：${fact(f, 'route')}。本机关不作为政府信息公开申请处理。`, articles: law };
    case 'not_processed.mass_repetitive':
      return { text: `本机关已依照${LAW}第三十五条要求您说明理由。经审查，您说明的理由不合理，具体情况：${fact(f, 'reason')}。本机关不予处理。`, articles: law };
    case 'not_processed.confirm_or_reissue':
      return { text: '经审查，您要求本机关确认或者重新出具您已获取的信息，不属于政府信息公开申请的处理范围，本机关不予处理。', articles: law };
    case 'other.no_supplement':
      return { text: '本机关已书面告知您补正申请内容及补正期限，您无正当理由逾期未补正，视为放弃申请，本机关不再处理该政府信息公开申请。', articles: law };
    case 'other.unpaid_fee':
      return { text: '本机关已向您发出收费通知，您未在收到通知次日起20个工作日内缴纳信息处理费，视为放弃申请，本机关不再处理该政府信息公开申请。', articles: [...law, '《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）'] };
    case 'other.other':
      return { text: `经审查，${fact(f, 'reason')}。据此，本机关不再处理该政府信息公开申请。`, articles: law };
    default: {
      const never: never = c.outcome;
      throw new Error(`unknown outcome ${String(never)}`);
    }
  }
}

function basisSentence(articles: readonly string[]): string {
  const ofLaw = articles.filter((a) => a.startsWith('第'));
  const other = articles.filter((a) => !a.startsWith('第'));
  const parts = [...(ofLaw.length > 0 ? [`${LAW}${ofLaw.join('、')}`] : []), ...other];
  return parts.length > 0 ? `根据${parts.join('和')}的规定，特此告知。` : '特此告知。';
}

export function draftLetter(c: LetterDraftInput): LetterText {
  const you = c.natural ? '您' : '贵单位';
  const d = decision(c);
  const facts: string[] = [];
  const via = c.channelText === null ? '' : `${c.channelText}的`;
  facts.push(`${c.receivedOn === null ? '本机关' : `本机关于${cnDate(c.receivedOn)}`}收到${you}${via}政府信息公开申请（受理编号：${c.receiptCode}），申请获取${quoteDescription(c.description)}。`);
  if (c.supplementReceivedOn !== null) facts.push(`经本机关告知补正，${you}于${cnDate(c.supplementReceivedOn)}提交了补正后的申请。`);
  if (c.thirdParty !== 'none') facts.push(`因该申请涉及第三方合法权益，本机关依照${LAW}第三十二条书面征求了第三方意见，征求意见所需时间不计算在答复期限内。`);
  if (c.extendedDays !== null) facts.push(`经本机关政府信息公开工作机构负责人同意，答复期限延长${c.extendedDays}个工作日，并已告知${you}。`);
  facts.push('现答复如下：');
  const contact = [c.agencyAddress === null ? null : `地址：${c.agencyAddress}`, c.agencyPhone === null ? null : `联系电话：${c.agencyPhone}`].filter((x) => x !== null);
  const body = [
    `${c.applicantName}：`,
    facts.join(''),
    d.text.replaceAll('您', you),
    basisSentence(d.articles),
    c.remedies,
    ...(contact.length > 0 ? [`${contact.join('；')}。`] : []),
    '',
    c.agencyName,
    SEAL_MARK,
    cnDate(c.issuedOn),
  ].join('\n');
  return { title: LETTER_TITLE, body, articles: d.articles };
}
