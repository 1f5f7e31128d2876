/**
 * The application lifecycle as one table: which steps exist, from which workflow states, into which
 * state, and which staff roles may take them. Commands (src/requests) check every step against this
 * table, and the role-by-route test reads it. Pure data: no I/O.
 *
 * Workflow state is kept apart from the legal outcome (outcomes.ts) and from visibility.
 */

/** Staff roles. A user holds one or more, scoped to an agency subtree. */
export const ROLES = ['admin', 'clerk', 'head', 'publisher', 'supervisor'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS = {
  admin: '系统管理员',
  clerk: '承办人',
  head: '负责人',
  publisher: '信息发布员',
  supervisor: '政务公开办',
} as const satisfies Record<Role, string>;

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Workflow states of an application. */
export const WORKFLOW_STATES = [
  'submitted', // arrived online, receipt not yet confirmed by the office (Art. 31(三))
  'processing', // registered: the answer period runs
  'awaiting_supplement', // 补正 requested (Art. 30)
  'third_party_consultation', // Art. 32: the clock stands still
  'agency_consultation', // Art. 34: the clock stands still
  'awaiting_fee', // fee notice sent (Art. 42, decisions.md): the clock stands still
  'answered', // the answer is decided and the letter signed
  'delivered', // the letter reached the applicant
  'closed', // ended without an answer letter (withdrawn, 补正 or fee lapsed)
  'rejected', // an online submission that is not an application (spam, empty), rejected with a reason (decisions.md #15)
] as const;
export type WorkflowState = (typeof WORKFLOW_STATES)[number];

export const WORKFLOW_STATE_LABELS = {
  submitted: '待登记',
  processing: '办理中',
  awaiting_supplement: '待补正',
  third_party_consultation: '征求第三方意见',
  agency_consultation: '征求其他机关意见',
  awaiting_fee: '待缴费',
  answered: '已答复',
  delivered: '已送达',
  closed: '已终止',
  rejected: '不予登记',
} as const satisfies Record<WorkflowState, string>;

/** States in which the case is still open (a withdrawal is possible). */
export const OPEN_STATES = [
  'submitted',
  'processing',
  'awaiting_supplement',
  'third_party_consultation',
  'agency_consultation',
  'awaiting_fee',
] as const satisfies readonly WorkflowState[];

const CASE_ROLES = ['clerk', 'head'] as const satisfies readonly Role[];

/**
 * Every step. `from: null` means the step creates the case. `to: 'same'` keeps the state.
 * `outcome` is fixed for steps that end the case without a choice (decisions.md).
 */
export const TRANSITIONS = {
  submit: { label: '在线提交申请', from: null, to: 'submitted', roles: [], public: true },
  register: { label: '登记申请', from: null, to: 'processing', roles: CASE_ROLES, public: false },
  confirmReceipt: { label: '确认收到在线申请', from: ['submitted'], to: 'processing', roles: CASE_ROLES, public: false },
  rejectSubmission: { label: '不予登记（非政府信息公开申请）', from: ['submitted'], to: 'rejected', roles: CASE_ROLES, public: false },
  requestSupplement: { label: '告知补正', from: ['processing'], to: 'awaiting_supplement', roles: CASE_ROLES, public: false },
  receiveSupplement: { label: '收到补正申请', from: ['awaiting_supplement'], to: 'processing', roles: CASE_ROLES, public: false },
  lapseSupplement: { label: '逾期未补正', from: ['awaiting_supplement'], to: 'closed', roles: CASE_ROLES, public: false, outcome: 'other.no_supplement' },
  consultThirdParty: { label: '征求第三方意见', from: ['processing'], to: 'third_party_consultation', roles: CASE_ROLES, public: false },
  receiveThirdPartyReply: { label: '收到第三方意见', from: ['third_party_consultation'], to: 'processing', roles: CASE_ROLES, public: false },
  notifyThirdPartyDisclosure: { label: '告知第三方决定公开', from: ['processing'], to: 'same', roles: CASE_ROLES, public: false },
  split: { label: '拆分申请（一事一申请）', from: ['processing'], to: 'same', roles: CASE_ROLES, public: false },
  requestReasons: { label: '要求申请人说明理由', from: ['processing'], to: 'same', roles: CASE_ROLES, public: false },
  receiveReasons: { label: '收到申请人说明的理由', from: ['processing'], to: 'same', roles: CASE_ROLES, public: false },
  consultAgency: { label: '征求其他机关意见', from: ['processing'], to: 'agency_consultation', roles: CASE_ROLES, public: false },
  receiveAgencyReply: { label: '收到其他机关意见', from: ['agency_consultation'], to: 'processing', roles: CASE_ROLES, public: false },
  requestExtension: { label: '申请延期答复', from: ['processing', 'third_party_consultation', 'agency_consultation'], to: 'same', roles: CASE_ROLES, public: false },
  approveExtension: { label: '批准延期答复', from: ['processing', 'third_party_consultation', 'agency_consultation'], to: 'same', roles: ['head'], public: false },
  sendFeeNotice: { label: '发出收费通知', from: ['processing'], to: 'awaiting_fee', roles: CASE_ROLES, public: false },
  receiveFee: { label: '收到缴费', from: ['awaiting_fee'], to: 'processing', roles: CASE_ROLES, public: false },
  lapseFee: { label: '逾期未缴费', from: ['awaiting_fee'], to: 'closed', roles: CASE_ROLES, public: false, outcome: 'other.unpaid_fee' },
  editLetter: { label: '编辑告知书', from: ['processing'], to: 'same', roles: CASE_ROLES, public: false },
  answer: { label: '作出答复', from: ['processing'], to: 'answered', roles: CASE_ROLES, public: false },
  deliver: { label: '送达', from: ['answered'], to: 'delivered', roles: CASE_ROLES, public: false },
  withdraw: { label: '申请人撤回申请', from: OPEN_STATES, to: 'closed', roles: CASE_ROLES, public: false, outcome: 'other.other' },
  /**
   * Taken by recording an appeal whose result is 纠正 (src/appeals): the case is handled again, with a new
   * answer period from the decision; its first conclusion stays what the reports counted.
   */
  reopen: { label: '复议、诉讼结果纠正后重新办理', from: ['answered', 'delivered', 'closed'], to: 'processing', roles: CASE_ROLES, public: false },
} as const satisfies Record<
  string,
  {
    label: string;
    from: readonly WorkflowState[] | null;
    to: WorkflowState | 'same';
    roles: readonly Role[];
    public: boolean;
    outcome?: string;
  }
>;

export type TransitionId = keyof typeof TRANSITIONS;
export const TRANSITION_IDS = Object.keys(TRANSITIONS) as TransitionId[];

/** The roles that may take a step. */
export function rolesFor(transition: TransitionId): readonly Role[] {
  return TRANSITIONS[transition].roles;
}

/** Whether a user holding `roles` may take the step. */
export function mayTake(transition: TransitionId, roles: readonly Role[]): boolean {
  const allowed: readonly Role[] = TRANSITIONS[transition].roles;
  return roles.some((r) => allowed.includes(r));
}

/** Whether the step may be taken from `state`. */
export function allowedFrom(transition: TransitionId, state: WorkflowState): boolean {
  const from: readonly WorkflowState[] | null = TRANSITIONS[transition].from;
  return from !== null && from.includes(state);
}

/** The state after the step. */
export function stateAfter(transition: TransitionId, state: WorkflowState): WorkflowState {
  const to: WorkflowState | 'same' = TRANSITIONS[transition].to;
  return to === 'same' ? state : to;
}

/** Staff permissions that are not lifecycle steps, in the same table form (used by routes and tests). */
export const PERMISSIONS = {
  manageAgencies: ['admin'],
  manageUsers: ['admin'],
  readCases: ['clerk', 'head', 'supervisor'],
  uploadAttachment: ['clerk', 'head'],
  editAgencySettings: ['admin', 'head'],
  /** the annual report built from cases, and the drill-down of its cells */
  readReports: ['clerk', 'head', 'publisher', 'supervisor'],
  /** table 2 figures entered per year */
  enterReportFigures: ['clerk', 'head'],
  /** publish (lock) a year's report */
  lockReport: ['head', 'publisher'],
  /** reopen a locked year (audited, with a reason) */
  reopenReport: ['head'],
  /** the roll-up of every agency under a region (政务公开办) */
  rollUpReports: ['supervisor'],
  /** import an application register (台账) */
  importRegister: ['clerk', 'head'],
  /** export an agency's register (台账) of a year; the applicant masked */
  exportRegister: ['clerk', 'head', 'supervisor'],
  /** the same export with the applicant's name in full (audited, with a reason) */
  exportRegisterPersonalData: ['clerk', 'head'],
  /** record a reconsideration or litigation (table 4); a 纠正 reopens the application (transition `reopen`) */
  recordAppeals: ['clerk', 'head'],
  readAppeals: ['clerk', 'head', 'supervisor'],
  /** load a year's holiday arrangement (the State Council's notice) into the installation's calendar */
  loadCalendar: ['admin'],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof PERMISSIONS;

export function hasPermission(permission: Permission, roles: readonly Role[]): boolean {
  const allowed: readonly Role[] = PERMISSIONS[permission];
  return roles.some((r) => allowed.includes(r));
}
