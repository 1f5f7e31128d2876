/** TypeBox schemas of the JSON API (validation, types and the OpenAPI document from one source). */
import { Type } from 'typebox';
import { AGENCY_CODE_PATTERN } from '../agencies/agencies.ts';
import { USERNAME_PATTERN } from '../accounts/users.ts';
import { ORGAN_KIND_IDS } from '../law/organs.ts';
import { APPLICANT_KIND_IDS, applicantKindLabel } from '../law/applicants.ts';
import { CHANNELS as CHANNEL_TABLE } from '../law/deadline/index.ts';
import { CASE_OUTCOMES } from '../law/outcomes.ts';
import { ROLE_LABELS, ROLES, WORKFLOW_STATE_LABELS, WORKFLOW_STATES } from '../law/transitions.ts';
import { CHANNELS, DELIVERIES, DELIVERY_LABELS, FORM_LABELS, FORMS, ID_TYPES } from '../requests/applicationInput.ts';
import { DELIVERY_METHOD_LABELS, DELIVERY_METHODS } from '../requests/deliverAnswer.ts';
import { OUTCOME_LABELS } from '../requests/outcomeLabels.ts';

/** A civil date in a plausible range (2000–2099): 1900-01-01 or 9999-12-31 are typing errors, not dates of a case. */
export const DateString = Type.String({ pattern: '^20\\d{2}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$', description: '公历日期 YYYY-MM-DD（中国时间，2000–2099 年）' });
/** A string enum; with `labels`, each value carries its Chinese label (shown by /api/docs). */
const strEnum = <T extends string>(values: readonly T[], description?: string, labels?: Readonly<Record<T, string>>) => {
  const named = labels === undefined ? undefined : values.map((v) => `${v}：${labels[v]}`).join('；');
  const text = [description, named].filter((x) => x !== undefined).join('。');
  return Type.Union(values.map((v) => Type.Literal(v, labels === undefined ? {} : { title: labels[v] })), text !== '' ? { description: text } : {});
};

export const Problem = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    code: Type.String(),
    errors: Type.Array(Type.Object({ path: Type.String(), rule: Type.String(), message: Type.String() })),
  },
  { description: 'RFC 9457 problem+json' },
);

export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
export const CodeParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 32 }) });

export const LoginBody = Type.Object({
  username: Type.String({ minLength: 1, maxLength: 64 }),
  password: Type.String({ minLength: 1, maxLength: 128 }),
});

export const AgencyBody = Type.Object({
  code: Type.String({ pattern: AGENCY_CODE_PATTERN, description: '机关代码：小写字母、数字、-、_' }),
  name: Type.String({ minLength: 2, maxLength: 100 }),
  parentCode: Type.String({ minLength: 1, maxLength: 32 }),
  address: Type.Optional(Type.String({ maxLength: 200 })),
  phone: Type.Optional(Type.String({ maxLength: 40 })),
});

export const RemediesBody = Type.Object({ template: Type.Union([Type.String({ minLength: 10, maxLength: 2000 }), Type.Null()]) });

export const NoticeParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }), noticeId: Type.String({ minLength: 1, maxLength: 64 }) });
export const YearQuery = Type.Object({ year: Type.Integer({ minimum: 2008, maximum: 2100 }) });
const nullableText = (min: number, max: number, description: string) => Type.Optional(Type.Union([Type.String({ minLength: min, maxLength: max }), Type.Null()], { description }));
/** PUT /agencies/:code/settings: only the fields given change; `version` as read (0 before the first save). */
export const AgencySettingsBody = Type.Object(
  {
    version: Type.Integer({ minimum: 0 }),
    organKind: Type.Optional(Type.Union([strEnum(ORGAN_KIND_IDS), Type.Null()], { description: '机关类型：department 政府工作部门 / government 人民政府 / state-council-department / vertical' })),
    reviewBody: nullableText(4, 100, '行政复议机关全称'),
    court: nullableText(4, 100, '有管辖权的人民法院'),
    reviewOnlineChannel: nullableText(4, 300, '行政复议网上申请渠道（名称和网址），以电子方式送达的告知书载明（《行政复议法》第二十二条第二款）'),
    remediesGeneral: nullableText(20, 2000, '一般救济途径文本（含 {复议机关} {人民法院}）'),
    remediesPrereview: nullableText(20, 2000, '第十四条至第十六条不予公开的救济途径文本（复议前置）'),
    deadline: Type.Optional(Type.Record(Type.String(), Type.Unknown(), { description: '期限计算设置（law/deadline/settings.ts）' })),
    supplementPeriodDays: Type.Optional(Type.Integer({ minimum: 5, maximum: 60, description: '补正期限（工作日，不少于5）' })),
    unconfirmedAfterDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 20 })),
    letterNumberPattern: nullableText(6, 60, '文号格式，如 某信公〔{YYYY}〕{N}号'),
  },
  { additionalProperties: false },
);

export const UserBody = Type.Object({
  username: Type.String({ pattern: USERNAME_PATTERN }),
  displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
  password: Type.String({ minLength: 10, maxLength: 128, description: '至少10个字符，不能是常见密码，不能包含用户名' }),
  roles: Type.Array(strEnum(ROLES, '角色', ROLE_LABELS), { minItems: 1, maxItems: ROLES.length }),
  agencyCode: Type.String({ minLength: 1, maxLength: 32 }),
});

export const UsernameParams = Type.Object({ username: Type.String({ pattern: USERNAME_PATTERN }) });
export const PasswordBody = Type.Object({ password: Type.String({ minLength: 1, maxLength: 128, description: '新密码：至少10个字符，不能是常见密码，不能包含用户名' }) });

export const Applicant = Type.Object({
  kind: strEnum(APPLICANT_KIND_IDS, '申请人类型（表三列）', Object.fromEntries(APPLICANT_KIND_IDS.map((k) => [k, applicantKindLabel(k)])) as Record<(typeof APPLICANT_KIND_IDS)[number], string>),
  name: Type.String({ minLength: 1, maxLength: 100, description: '姓名或名称' }),
  idType: Type.Optional(strEnum(ID_TYPES)),
  idNumber: Type.Optional(Type.String({ minLength: 4, maxLength: 40, description: '身份证件号码（自然人）' })),
  creditCode: Type.Optional(Type.String({ minLength: 18, maxLength: 18, description: '统一社会信用代码（法人或其他组织）' })),
  legalRepresentative: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
  contactPerson: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
  phone: Type.String({ minLength: 5, maxLength: 20 }),
  email: Type.Optional(Type.String({ maxLength: 100 })),
  address: Type.Optional(Type.String({ maxLength: 200 })),
  postalCode: Type.Optional(Type.String({ pattern: '^\\d{6}$' })),
});

export const ApplicationFields = {
  applicant: Applicant,
  description: Type.String({ minLength: 5, maxLength: 2000, description: '申请公开的政府信息的名称、文号或特征性描述' }),
  documentNumber: Type.Optional(Type.String({ maxLength: 100 })),
  purpose: Type.Optional(Type.String({ maxLength: 500 })),
  form: strEnum(FORMS, '信息的载体形式', FORM_LABELS),
  delivery: strEnum(DELIVERIES, '获取信息的方式', DELIVERY_LABELS),
};

export const SubmitBody = Type.Object(ApplicationFields);
export const RegisterBody = Type.Object({
  ...ApplicationFields,
  agencyCode: Type.String({ minLength: 1, maxLength: 32 }),
  channel: strEnum(CHANNELS, '提交渠道（条例第三十一条）', Object.fromEntries(CHANNELS.map((c) => [c, CHANNEL_TABLE[c].label])) as Record<(typeof CHANNELS)[number], string>),
  receivedOn: Type.Optional(DateString),
});

export const ListQuery = Type.Object({
  state: Type.Optional(strEnum(WORKFLOW_STATES, '办理状态', WORKFLOW_STATE_LABELS)),
  agency: Type.Optional(Type.String({ maxLength: 32 })),
  q: Type.Optional(Type.String({ maxLength: 100, description: '按受理编号、申请内容或（遮蔽后的）申请人查找' })),
  sort: Type.Optional(strEnum(['due', 'newest'] as const, '排序', { due: '按答复期限（最早到期在前）', newest: '最新登记在前' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
});

const step = {
  version: Type.Integer({ minimum: 1, description: '客户端读取时的版本号（乐观并发）' }),
  date: Type.Optional(DateString),
  note: Type.Optional(Type.String({ maxLength: 1000 })),
};
export const StepBody = Type.Object(step);
export const OutcomeEnum = strEnum(CASE_OUTCOMES, '办理结果（表三行）', OUTCOME_LABELS);

const factText = (description: string) => Type.Optional(Type.String({ minLength: 2, maxLength: 2000, description }));
/** The answer's specific facts and reasons (requests/answerFacts.ts): which are required depends on the outcome. */
export const AnswerFactsSchema = Type.Object(
  {
    reason: factText('具体理由'),
    discretion: factText('第十六条裁量理由'),
    grantBasis: Type.Optional(strEnum(['published', 'disclosed'] as const, '第三十六条第（一）项已主动公开 / 第（二）项予以公开')),
    publishedAt: factText('已主动公开的位置'),
    provision: factText('提供信息的方式、途径和时间'),
    notHeldBasis: Type.Optional(strEnum(['not_exist', 'not_responsible'] as const, '第三十六条第（四）项不存在 / 第（五）项不属于本机关负责公开')),
    search: factText('检索情况'),
    responsibleOrgan: factText('负责公开的机关'),
    responsibleContact: factText('该机关联系方式'),
    noConsultationReason: factText('未能征求第三方意见的理由'),
    route: factText('获取途径或办理渠道'),
    earlierReceiptCode: factText('此前已答复申请的受理编号'),
  },
  { additionalProperties: false },
);

/** Request bodies of the lifecycle steps (by transition id). */
export const STEP_BODIES = {
  confirmReceipt: StepBody,
  rejectSubmission: Type.Object({ ...step, reason: Type.String({ minLength: 2, maxLength: 500, description: '不予登记的理由（如：空白、垃圾信息）' }) }),
  requestSupplement: Type.Object({
    ...step,
    items: Type.String({ minLength: 2, maxLength: 2000, description: '需要补正的全部事项，每行一项（一次性告知）' }),
    periodEnd: Type.Optional(Type.Unsafe<string>({ ...DateString, description: '补正期限届满日；缺省按本机关设置（默认15个工作日），不少于5个工作日' })),
  }),
  receiveSupplement: StepBody,
  lapseSupplement: StepBody,
  consultThirdParty: Type.Object({ ...step, party: Type.String({ minLength: 2, maxLength: 200 }), information: Type.Optional(Type.String({ minLength: 2, maxLength: 2000 })) }),
  receiveThirdPartyReply: Type.Object({
    ...step,
    lapsed: Type.Optional(Type.Boolean()),
    opinion: Type.Optional(strEnum(['agrees', 'objects', 'none'] as const, '第三方意见：同意 agrees / 不同意 objects（答复时必填）')),
    reasons: Type.Optional(Type.String({ maxLength: 2000 })),
  }),
  notifyThirdPartyDisclosure: Type.Object({ ...step, what: Type.String({ minLength: 2, maxLength: 2000, description: '决定公开的内容' }), why: Type.String({ minLength: 2, maxLength: 2000, description: '决定公开的理由（公共利益）' }) }),
  split: Type.Object({ ...step, parts: Type.Array(Type.String({ minLength: 5, maxLength: 2000 }), { minItems: 2, maxItems: 20, description: '拆分后的各件申请内容（第一件保留在本申请）' }) }),
  requestReasons: Type.Object({ ...step, facts: Type.String({ minLength: 10, maxLength: 2000, description: '申请数量、频次明显超过合理范围的事实' }), replyBy: DateString }),
  receiveReasons: Type.Object({
    ...step,
    lapsed: Type.Optional(Type.Boolean()),
    reasonable: Type.Optional(Type.Boolean()),
    reasons: Type.Optional(Type.String({ maxLength: 2000 })),
    assessment: Type.Optional(Type.String({ maxLength: 2000 })),
    newDueOn: Type.Optional(DateString),
  }),
  consultAgency: Type.Object({ ...step, agencyName: Type.String({ minLength: 2, maxLength: 200 }), information: Type.Optional(Type.String({ minLength: 2, maxLength: 2000 })) }),
  receiveAgencyReply: Type.Object({ ...step, lapsed: Type.Optional(Type.Boolean()) }),
  requestExtension: Type.Object({ ...step, reason: Type.String({ minLength: 2, maxLength: 500 }), days: Type.Optional(Type.Integer({ minimum: 1, maximum: 20 })) }),
  approveExtension: Type.Object({ ...step, days: Type.Optional(Type.Integer({ minimum: 1, maximum: 20 })) }),
  sendFeeNotice: Type.Object({
    ...step,
    method: strEnum(['per-item', 'per-volume'] as const, '按件计收 per-item / 按量计收 per-volume（109号，只能选一种）'),
    pages: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000000, description: '按量计收的页数' })),
    chargedFen: Type.Optional(Type.Integer({ minimum: 1, description: '减收后的金额（分），不高于计算金额' })),
    reductionReason: Type.Optional(Type.String({ minLength: 2, maxLength: 500 })),
    payment: Type.String({ minLength: 4, maxLength: 500, description: '缴费方式' }),
  }),
  receiveFee: StepBody,
  lapseFee: StepBody,
  answer: Type.Object({
    ...step,
    outcome: Type.Optional(OutcomeEnum),
    items: Type.Optional(Type.Array(Type.Object({ description: Type.String({ minLength: 1, maxLength: 500 }), outcome: OutcomeEnum }), { minItems: 1, maxItems: 50 })),
    letter: Type.Optional(Type.Object({ title: Type.String({ minLength: 2, maxLength: 100 }), body: Type.String({ minLength: 20, maxLength: 20000 }) })),
    onTheSpot: Type.Optional(Type.Boolean()),
    facts: Type.Optional(AnswerFactsSchema),
  }),
  deliver: Type.Object({ ...step, method: strEnum(DELIVERY_METHODS, '送达方式', DELIVERY_METHOD_LABELS), reference: Type.Optional(Type.String({ maxLength: 200 })) }),
  withdraw: Type.Object({ ...step, reason: Type.Optional(Type.String({ maxLength: 500 })) }),
};

export const LetterBody = Type.Object({ ...step, outcome: OutcomeEnum, title: Type.String({ minLength: 2, maxLength: 100 }), body: Type.String({ minLength: 20, maxLength: 20000 }) });
export const LetterQuery = Type.Object({ outcome: Type.Optional(OutcomeEnum) });

export const PublicQueryBody = Type.Object({
  receiptCode: Type.String({ minLength: 4, maxLength: 40 }),
  queryPassword: Type.String({ minLength: 4, maxLength: 40 }),
});
export const PublicLetterBody = Type.Object({ ...PublicQueryBody.properties, format: strEnum(['pdf', 'docx'] as const) });
