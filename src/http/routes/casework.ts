/**
 * What the staff console needs beyond the case API: the workbench, the Chinese labels of every enum (from
 * law/, so the console never retypes them), the steps allowed on a case now, and the audited showing of
 * an applicant's personal data in full. Routes only parse, authorise and call queries/commands.
 */
import { ART20_ITEMS, DOCUMENT_KIND_LABELS, DOCUMENT_KINDS, VALIDITY, VALIDITY_LABELS } from '../../law/catalogue.ts';
import { REPORT_SECTIONS, sectionHeading } from '../../law/sections.ts';
import { ORGAN_KIND_IDS, ORGAN_KINDS } from '../../law/organs.ts';
import { FACT_LABELS, requiredFacts } from '../../requests/answerFacts.ts';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/open.ts';
import { notifications } from '../../db/schema.ts';
import type { SecretKey } from '../../db/secretKey.ts';
import { APPLICANT_KIND_IDS, applicantKindLabel } from '../../law/applicants.ts';
import { CHANNELS, CHANNEL_IDS, DEFAULT_DEADLINE_SETTINGS, receiptRule } from '../../law/deadline/index.ts';
import { CASE_OUTCOMES, OUTCOME_LAW } from '../../law/outcomes.ts';
import { PERMISSIONS, ROLE_LABELS, ROLES, WORKFLOW_STATE_LABELS, WORKFLOW_STATES } from '../../law/transitions.ts';
import type { Role, WorkflowState } from '../../law/transitions.ts';
import { allowedSteps } from '../../requests/allowedSteps.ts';
import { DELIVERY_LABELS, DELIVERIES, FORM_LABELS, FORMS } from '../../requests/applicationInput.ts';
import { DELIVERY_METHOD_LABELS, DELIVERY_METHODS } from '../../requests/deliverAnswer.ts';
import { LETTER_PLACEHOLDER } from '../../requests/letterDraft.ts';
import { OUTCOME_LABELS } from '../../requests/outcomeLabels.ts';
import { EVENT_LABELS, loadCase } from '../../requests/queries.ts';
import { revealApplicant } from '../../requests/revealApplicant.ts';
import { workbench } from '../../requests/workbench.ts';
import { table2Blocks } from '../../law/table2.ts';
import { APPEAL_PATHS } from '../../law/appealResults.ts';
import { APPEAL_RESULT_VALUES } from '../../appeals/records.ts';
import { table3Rows, table3RowLabel } from '../../law/table3.ts';
import { TOTAL_COLUMN } from '../../law/applicants.ts';
import { buildAgencyReport } from '../../report/build/db.ts';
import { checkReport, RULES } from '../../report/check.ts';
import type { RuleId } from '../../report/check.ts';
import { compareReports } from '../../report/compare.ts';
import { authorize } from '../auth.ts';
import { IdParams } from '../schemas.ts';

export interface CaseworkRoutesOptions {
  db: Db;
  key: SecretKey;
  today?: (() => string | undefined) | undefined;
}

/** Every enum the console shows, with its Chinese label (built once: pure data from law/). */
export function labels() {
  const settings = DEFAULT_DEADLINE_SETTINGS;
  return {
    states: WORKFLOW_STATES.map((id) => ({ id, label: WORKFLOW_STATE_LABELS[id] })),
    outcomes: CASE_OUTCOMES.map((id) => ({ id, label: OUTCOME_LABELS[id], articles: OUTCOME_LAW[id].articles, discretion: OUTCOME_LAW[id].discretion, byStepOnly: id === 'other.no_supplement' || id === 'other.unpaid_fee' })),
    channels: CHANNEL_IDS.map((id) => ({ id, label: CHANNELS[id].label, submitted: CHANNELS[id].submitted, receipt: receiptRule(id, settings.emailReceipt) })),
    applicantKinds: APPLICANT_KIND_IDS.map((id) => ({ id, label: applicantKindLabel(id) })),
    /** Table 3's rows (2021 template) and its total column, for the report screens. */
    table3Rows: table3Rows('2021').map((r) => ({ id: r.id, label: table3RowLabel(r) })),
    totalColumn: TOTAL_COLUMN,
    appealPaths: APPEAL_PATHS.map((p) => ({ id: p.id, label: p.label })),
    appealResults: APPEAL_RESULT_VALUES.map((r) => ({ id: r.id, label: r.label })),
    forms: FORMS.map((id) => ({ id, label: FORM_LABELS[id] })),
    deliveries: DELIVERIES.map((id) => ({ id, label: DELIVERY_LABELS[id] })),
    deliveryMethods: DELIVERY_METHODS.map((id) => ({ id, label: DELIVERY_METHOD_LABELS[id] })),
    roles: ROLES.map((id) => ({ id, label: ROLE_LABELS[id] })),
    /** The catalogue: 《条例》第二十条's items and the document kinds. */
    art20Items: ART20_ITEMS.map((i) => ({ id: i.id, label: `${i.numeral}${i.column}` })),
    documentKinds: DOCUMENT_KINDS.map((id) => ({ id, label: DOCUMENT_KIND_LABELS[id] })),
    validity: VALIDITY.map((id) => ({ id, label: VALIDITY_LABELS[id] })),
    /** The report's sections 一–六 (narrative keys) with their headings. */
    reportSections: REPORT_SECTIONS.map((s) => ({ id: s.id, label: sectionHeading(s) })),
    /** The answer's fact fields (requests/answerFacts.ts): each outcome's required fields, and those after a choice (grantBasis, notHeldBasis). */
    answerFacts: {
      labels: Object.entries(FACT_LABELS).map(([id, label]) => ({ id, label })),
      byOutcome: Object.fromEntries(
        CASE_OUTCOMES.map((o) => [
          o,
          {
            base: requiredFacts(o, {}).map((f) => ({ ...f })),
            published: requiredFacts(o, { grantBasis: 'published' }).map((f) => ({ ...f })),
            disclosed: requiredFacts(o, { grantBasis: 'disclosed' }).map((f) => ({ ...f })),
            not_exist: requiredFacts(o, { notHeldBasis: 'not_exist' }).map((f) => ({ ...f })),
            not_responsible: requiredFacts(o, { notHeldBasis: 'not_responsible' }).map((f) => ({ ...f })),
          },
        ]),
      ),
    },
    /** Agency settings: the kinds of organ (they decide the 复议机关) and the e-mail receipt rules. */
    organKinds: ORGAN_KIND_IDS.map((id) => ({ id, label: ORGAN_KINDS[id].label })),
    emailReceiptRules: (['mutual-confirmation', 'mail-system'] as const).map((id) => {
      const r = receiptRule('email', id);
      return { id, label: `${r.receiptDateIs}（${r.article}）` };
    }),
    events: Object.entries(EVENT_LABELS).map(([id, label]) => ({ id, label })),
    letterPlaceholder: LETTER_PLACEHOLDER.source,
  };
}

export const caseworkRoutes: FastifyPluginAsync<CaseworkRoutesOptions> = async (api, opts) => {
  const r = api.withTypeProvider<TypeBoxTypeProvider>();
  const { db, key } = opts;

  r.get('/workbench', { schema: { tags: ['workbench'], summary: '工作台：3个工作日内到期、已逾期、期限中止（补正、征求意见、缴费）、待确认的在线申请、待批准的延期、各状态件数' } }, async (req) => {
    const s = authorize(req, PERMISSIONS.readCases, '查看工作台');
    return workbench(db, s, { today: opts.today?.() });
  });

  r.get('/auth/session', { schema: { tags: ['auth'], summary: '当前登录状态（未登录时 user 为 null，不返回 401）' } }, async (req) => {
    const s = req.staff;
    return { user: s === undefined ? null : { username: s.username, displayName: s.displayName, roles: s.roles } };
  });

  r.get('/notifications', { schema: { tags: ['workbench'], summary: '我的办理提醒（每个工作日早晨生成，最近20条）' } }, async (req) => {
    const s = authorize(req);
    const rows = await db.select().from(notifications).where(eq(notifications.userId, s.userId)).orderBy(desc(notifications.createdAt)).limit(20);
    return { items: rows.map((n) => ({ id: n.id, kind: n.kind, title: n.title, body: n.body, cases: n.cases, emailed: n.emailedAt !== null, createdAt: n.createdAt })) };
  });

  r.get('/labels', { schema: { tags: ['workbench'], summary: '各枚举值的中文名称（办理状态、办理结果、提交渠道及第三十一条收到日规则等）' } }, async (req) => {
    authorize(req);
    return labels();
  });

  r.get('/applications/:id/actions', { schema: { tags: ['applications'], summary: '当前可办理的步骤（按状态与角色）', params: IdParams } }, async (req) => {
    const s = authorize(req, PERMISSIONS.readCases, '查看申请');
    const c = await loadCase(db, s, req.params.id);
    return { state: c.row.state, version: c.row.version, items: allowedSteps(c.row.state as WorkflowState, c.row.extension, s.roles as readonly Role[]) };
  });

  r.post('/applications/:id/reveal-applicant', {
    schema: { tags: ['applications'], summary: '查看申请人完整个人信息（记入审计日志）', params: IdParams, body: Type.Object({ reason: Type.String({ minLength: 2, maxLength: 200, description: '查看理由' }) }) },
  }, async (req) => {
    const s = authorize(req, PERMISSIONS.readCases, '查看申请');
    return revealApplicant(db, key, s, { applicationId: req.params.id, reason: req.body.reason });
  });

  r.get('/agencies/:code/reports/:year/workspace', {
    schema: {
      tags: ['reports'],
      summary: '年度报告工作区：由案件生成的报告、勾稽关系 R1–R4 的结果、表二的行列名称、与上年比较、是否已发布',
      params: Type.Object({ code: Type.String({ minLength: 1, maxLength: 32 }), year: Type.Integer({ minimum: 2019, maximum: 2100 }) }),
    },
  }, async (req) => {
    const s = authorize(req, PERMISSIONS.readReports, '查看年度报告');
    const built = await buildAgencyReport(db, s, req.params.code, req.params.year);
    const checks = checkReport(built.report);
    const rules = (Object.keys(RULES) as RuleId[]).map((rule) => {
      const of = checks.results.filter((x) => x.rule === rule);
      return { rule, text: RULES[rule], passed: of.filter((x) => x.status === 'passed').length, violated: of.filter((x) => x.status === 'violated').length, unchecked: of.filter((x) => x.status === 'unchecked').length };
    });
    return {
      locked: built.locked,
      report: built.report,
      previous: built.previous,
      comparison: built.previous === null ? null : compareReports(built.report, built.previous),
      checks: { ok: checks.ok, rules, violations: checks.violations },
      table2: table2Blocks(built.report.template),
      /** online submissions never confirmed: not in table 3 (decisions.md #15) */
      unconfirmed: built.unconfirmed,
    };
  });
};
