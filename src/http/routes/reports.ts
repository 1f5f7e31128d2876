/**
 * The annual report over the API: built from cases (with last year's comparison), rendered downloads, the
 * drill-down of a cell, table-2 figures, lock/reopen, the roll-up of a region, the register import and
 * export, and the appeal records. Routes only parse, authorise (law/transitions.ts PERMISSIONS) and call commands.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { listAppeals, recordAppeal } from '../../appeals/appeals.ts';
import type { Db } from '../../db/open.ts';
import type { SecretKey } from '../../db/secretKey.ts';
import { PERMISSIONS } from '../../law/transitions.ts';
import { assertImportAllowed, importRegister } from '../../register/importRegister.ts';
import { readUpload } from '../upload.ts';
import { RegisterUnreadableError } from '../../register/errors.ts';
import { parseRegister, registerFormatOf } from '../../register/read.ts';
import { exportRegister } from '../../register/exportRegister.ts';
import { REGISTER_MEDIA_TYPES, registerFile } from '../../register/write.ts';
import { buildAgencyReport, cellRecords, lockReport, reopenReport, rollUpRegion, setProactiveFigures } from '../../report/build/db.ts';
import { reportDraft } from '../../report/build/reportDraft.ts';
import { setReportNarrative } from '../../report/build/setNarrative.ts';
import { compareReports } from '../../report/compare.ts';
import { formatInfo, REPORT_FORMATS, type ReportFormat } from '../../report/render/formats.ts';
import type { ReportData } from '../../report/reportData.ts';
import { renderWarnings, unconfirmedWarning } from '../../report/render/warnings.ts';
import { authorize } from '../auth.ts';
import { DateString } from '../schemas.ts';

export interface ReportRoutesOptions {
  db: Db;
  key: SecretKey;
  /** Overrides today's date (tests, demo). */
  today?: (() => string | undefined) | undefined;
}

const Code = Type.String({ minLength: 1, maxLength: 32, description: '机关代码' });
const Year = Type.Integer({ minimum: 2019, maximum: 2100, description: '统计年度（2019 年起按国家模板编制）' });
const ReportParams = Type.Object({ code: Code, year: Year });
const CellParams = Type.Object({ code: Code, year: Year, cell: Type.String({ minLength: 3, maxLength: 120, description: '单元格路径，如 applications.granted.total' }) });
const FormatQuery = Type.Object({ format: Type.Optional(Type.Union(REPORT_FORMATS.map((f) => Type.Literal(f)), { description: '下载格式；不填则返回 ReportData JSON' })) });
const ProactiveBody = Type.Record(Type.String({ maxLength: 40 }), Type.Record(Type.String({ maxLength: 40 }), Type.Union([Type.Number({ minimum: 0 }), Type.Null()])), {
  description: '表二录入数字（ReportData.proactive）',
});
const NarrativeBody = Type.Record(Type.String({ maxLength: 40 }), Type.Unknown(), {
  description: '各部分正文：preamble、overview（一）、proactive（二）、applications（三）、appeals（四）、problems（五）、other（六）',
});
const ReopenBody = Type.Object({ reason: Type.String({ minLength: 2, maxLength: 500, description: '重新开放的理由（记入审计日志）' }) });
const AppealBody = Type.Object({
  body: Type.String({ minLength: 1, maxLength: 100, description: '复议机关或法院' }),
  caseNumber: Type.String({ minLength: 1, maxLength: 100, description: '案号' }),
  path: Type.String({ minLength: 1, maxLength: 60, description: 'reconsideration | litigation_direct | litigation_after_reconsideration（或 行政复议 等）' }),
  filedOn: DateString,
  result: Type.String({ minLength: 1, maxLength: 20, description: 'upheld | corrected | other | pending（或 维持、纠正、其他、尚未审结）' }),
  decidedOn: Type.Optional(Type.Union([DateString, Type.Null()])),
  applications: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { minItems: 1, maxItems: 100, description: '所涉申请的 id 或本机关编号' }),
  note: Type.Optional(Type.String({ maxLength: 500 })),
  correction: Type.Optional(Type.String({ maxLength: 30, description: '结果纠正的方式（必填）：revoke_reanswer 撤销并责令重新答复 | order_performance 责令履行 | confirm_unlawful 确认违法 | vary 变更；只有前两者重新办理' })),
  servedOn: Type.Optional(DateString),
  periodDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 366, description: '纠正决定确定的重新答复期限（工作日），缺省20' })),
});

async function sendReport(reply: FastifyReply, report: ReportData, format: ReportFormat | undefined, fileStem: string, more: readonly string[] = []): Promise<unknown> {
  const warnings = [...renderWarnings(report), ...more];
  // JSON: the warnings in provenance.warnings; a download: in a header (URI-encoded JSON array of strings)
  if (format === undefined) return { ...report, provenance: { ...report.provenance, warnings } };
  if (warnings.length > 0) reply.header('gongkai-report-warnings', encodeURIComponent(JSON.stringify(warnings)));
  const { renderReport } = await import('../../report/render/index.ts');
  const info = formatInfo(format);
  const rendered = await renderReport(report, format, { standalone: true });
  reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`${fileStem}${info.extension}`)}`);
  return reply.type(info.mime).send(rendered);
}

export const reportRoutes: FastifyPluginAsync<ReportRoutesOptions> = async (api, opts) => {
  const r = api.withTypeProvider<TypeBoxTypeProvider>();
  const { db, key } = opts;

  r.get('/agencies/:code/reports/:year', { schema: { tags: ['reports'], summary: '年度报告（由案件生成；锁定后为发布时的快照）', params: ReportParams, querystring: FormatQuery } }, async (req, reply) => {
    const s = authorize(req, PERMISSIONS.readReports, '查看年度报告');
    const built = await buildAgencyReport(db, s, req.params.code, req.params.year);
    const comparison = built.previous === null ? undefined : compareReports(built.report, built.previous);
    const report: ReportData = { ...built.report, provenance: { ...built.report.provenance, locked: built.locked, unconfirmed: built.unconfirmed, ...(comparison !== undefined ? { comparison } : {}) } };
    return sendReport(reply, report, req.query.format, `${req.params.code}-${req.params.year}`, unconfirmedWarning(built.unconfirmed));
  });

  r.get('/agencies/:code/reports/:year/draft', { schema: { tags: ['reports'], summary: '起草报告正文一至四部分及六（每个数字注明所取单元格；六写收取信息处理费的情况）', params: ReportParams } }, async (req) => {
    const s = authorize(req, PERMISSIONS.readReports, '查看年度报告');
    return reportDraft(db, s, req.params.code, req.params.year);
  });

  r.put('/agencies/:code/reports/:year/narrative', { schema: { tags: ['reports'], summary: '保存年度报告正文（各部分文字；发布时随报告一并发布）', params: ReportParams, body: NarrativeBody } }, async (req) => {
    const s = authorize(req, PERMISSIONS.enterReportFigures, '编辑年度报告正文');
    return { narrative: await setReportNarrative(db, s, req.params.code, req.params.year, req.body) };
  });

  r.get('/agencies/:code/reports/:year/cells/:cell', { schema: { tags: ['reports'], summary: '单元格所统计的案件（个人信息已遮蔽）', params: CellParams } }, async (req) => {
    const s = authorize(req, PERMISSIONS.readReports, '查看年度报告');
    return cellRecords(db, s, req.params.code, req.params.year, req.params.cell);
  });

  r.put('/agencies/:code/reports/:year/proactive', { schema: { tags: ['reports'], summary: '录入表二（主动公开）数字', params: ReportParams, body: ProactiveBody } }, async (req) => {
    const s = authorize(req, PERMISSIONS.enterReportFigures, '录入年度报告数字');
    return { proactive: await setProactiveFigures(db, s, req.params.code, req.params.year, req.body) };
  });

  r.post('/agencies/:code/reports/:year/lock', { schema: { tags: ['reports'], summary: '发布并锁定年度报告', params: ReportParams } }, async (req) => {
    const s = authorize(req, PERMISSIONS.lockReport, '发布（锁定）年度报告');
    const report = await lockReport(db, s, req.params.code, req.params.year);
    return { locked: true, year: req.params.year, report };
  });

  r.post('/agencies/:code/reports/:year/reopen', { schema: { tags: ['reports'], summary: '重新开放已锁定的年度报告（须说明理由）', params: ReportParams, body: ReopenBody } }, async (req) => {
    const s = authorize(req, PERMISSIONS.reopenReport, '重新开放年度报告');
    await reopenReport(db, s, req.params.code, req.params.year, req.body.reason);
    return { locked: false, year: req.params.year };
  });

  r.get('/regions/:code/reports/:year', { schema: { tags: ['reports'], summary: '辖区汇总（该地区下全部机关）', params: ReportParams, querystring: FormatQuery } }, async (req, reply) => {
    const s = authorize(req, PERMISSIONS.rollUpReports, '汇总辖区年度报告');
    const report = await rollUpRegion(db, s, req.params.code, req.params.year);
    return sendReport(reply, report, req.query.format, `${req.params.code}-${req.params.year}-rollup`);
  });

  r.post('/agencies/:code/register', { schema: { tags: ['register'], summary: '导入申请台账（multipart，字段 file；CSV 或 XLSX；全部有效才写入）', params: Type.Object({ code: Code }) } }, async (req, reply) => {
    const s = authorize(req, PERMISSIONS.importRegister, '导入申请台账');
    // Scope first: a file for an agency outside the user's subtree is not read at all (no validation details).
    await assertImportAllowed(db, s, req.params.code);
    const file = await readUpload(req, (problem) => {
      switch (problem) {
        case 'not-multipart':
        case 'broken':
          return new RegisterUnreadableError('请以完整的 multipart/form-data 上传，文件字段名为 file');
        case 'missing':
          return new RegisterUnreadableError('缺少文件字段 file');
        case 'too-large':
          return new RegisterUnreadableError('台账文件过大');
        case 'filename':
          return new RegisterUnreadableError('文件名不能包含控制字符');
        default: {
          const never: never = problem;
          throw new Error(`unknown upload problem ${String(never)}`);
        }
      }
    });
    const bytes = file.bytes;
    const format = registerFormatOf(file.filename);
    if (format === undefined) throw new RegisterUnreadableError(`“${file.filename}”：台账应为 .csv 或 .xlsx 文件`);
    const rows = await parseRegister(bytes, format);
    const result = await importRegister(db, s, key, { agencyCode: req.params.code, fileName: file.filename, bytes, rows });
    reply.status(201);
    return { importId: result.importId, agency: result.agency, imported: result.imported, open: result.open };
  });

  r.get(
    '/agencies/:code/register',
    {
      schema: {
        tags: ['register'],
        summary: '导出申请台账（一个年度表三统计的全部申请；可重新导入）；申请人默认遮蔽',
        params: Type.Object({ code: Code }),
        querystring: Type.Object({
          year: Year,
          format: Type.Optional(Type.Union([Type.Literal('csv'), Type.Literal('xlsx'), Type.Literal('json')], { description: '缺省 csv' })),
          personalData: Type.Optional(Type.Union([Type.Literal('masked'), Type.Literal('full')], { description: 'full：申请人姓名或名称不遮蔽（须有权限并说明理由，记入审计日志）' })),
          reason: Type.Optional(Type.String({ maxLength: 500, description: '导出完整个人信息的理由' })),
        }),
      },
    },
    async (req, reply) => {
      const s = authorize(req, PERMISSIONS.exportRegister, '导出申请台账');
      const q = req.query;
      const exported = await exportRegister(db, s, key, { agencyCode: req.params.code, year: q.year, reveal: q.personalData === 'full' ? { reason: q.reason ?? '' } : undefined });
      const format = q.format ?? 'csv';
      if (format === 'json') return exported;
      reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`${exported.agency.code}-${exported.year}-台账.${format}`)}`);
      return reply.type(REGISTER_MEDIA_TYPES[format]).send(await registerFile(format, exported.headers, exported.rows));
    },
  );

  r.post('/agencies/:code/appeals', { schema: { tags: ['appeals'], summary: '登记行政复议、行政诉讼（结果纠正的，重新办理所涉申请）', params: Type.Object({ code: Code }), body: AppealBody } }, async (req, reply) => {
    const s = authorize(req, PERMISSIONS.recordAppeals, '登记行政复议、行政诉讼');
    const t = opts.today?.();
    const result = await recordAppeal(t === undefined ? { db, key, actor: s } : { db, key, actor: s, today: t }, req.params.code, req.body);
    reply.status(201);
    return result;
  });

  r.get('/agencies/:code/appeals', { schema: { tags: ['appeals'], summary: '行政复议、行政诉讼记录', params: Type.Object({ code: Code }), querystring: Type.Object({ year: Type.Optional(Year) }) } }, async (req) => {
    const s = authorize(req, PERMISSIONS.readAppeals, '查看行政复议、行政诉讼记录');
    return { items: await listAppeals(db, s, req.params.code, req.query.year) };
  });
};
