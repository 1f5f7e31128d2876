/**
 * The Fastify application: the JSON API under /api/v1 (typebox schemas, problem+json errors), the
 * OpenAPI document at /api/docs. Routes only parse, authorise and call commands.
 */
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { randomUUID } from 'node:crypto';
import AjvCompiler from '@fastify/ajv-compiler';
import Fastify from 'fastify';
import type { FastifyError, FastifyInstance, FastifyServerOptions } from 'fastify';
import { Type } from 'typebox';
import { login, logout } from '../accounts/sessions.ts';
import { addUser, listUsers, setPassword, setUserActive } from '../accounts/users.ts';
import { addAgency, listAgencies, setRemediesTemplate } from '../agencies/agencies.ts';
import { reportTimeliness } from '../agencies/lateReports.ts';
import { getAgencySettings, putAgencySettings } from '../agencies/settings.ts';
import { getNotice, listNotices } from '../requests/notices.ts';
import { todayInChina } from '../requests/today.ts';
import { listUnconfirmed } from '../requests/unconfirmed.ts';
import type { Db } from '../db/open.ts';
import { isEmbeddedDatabase } from '../db/open.ts';
import { databaseRateLimitStore } from './rateLimitStore.ts';
import type { SecretKey } from '../db/secretKey.ts';
import { PERMISSIONS, TRANSITIONS } from '../law/transitions.ts';
import { addAttachment, MAX_ATTACHMENT_BYTES } from '../requests/addAttachment.ts';
import { AttachmentRejectedError } from '../requests/errors.ts';
import type { FileStore } from '../requests/fileStore.ts';
import { getLetter } from '../requests/letters.ts';
import { findByReceipt, publicStatus } from '../requests/publicStatus.ts';
import { getApplication, listApplications, listAttachments, loadCase, timeline } from '../requests/queries.ts';
import { registerApplication } from '../requests/registerApplication.ts';
import { renderLetterDocx, renderLetterPdf } from '../requests/renderLetter.ts';
import { saveLetter } from '../requests/saveLetter.ts';
import { submitApplication } from '../requests/submitApplication.ts';
import { authorize, declareCsrf, installAuth, SESSION_COOKIE, setSessionCookie } from './auth.ts';
import { caseworkRoutes } from './routes/casework.ts';
import { notifyApplicant } from '../reminders/applicantNotices.ts';
import type { Mailer } from '../reminders/mailer.ts';
import { CONSOLE_DIST, consoleRoutes } from './console.ts';
import { installErrorHandler } from './problem.ts';
import { installControlCharacterCheck } from './controlCharacters.ts';
import { readUpload } from './upload.ts';
import { installSecurityHeaders } from './securityHeaders.ts';
import { safeError } from '../shared/safeError.ts';
import * as S from './schemas.ts';
import { reportRoutes } from './routes/reports.ts';
import { calendarRoutes } from './routes/calendar.ts';
import { nextYearWarning } from '../calendar/nextYearWarning.ts';
import { installationCalendar } from '../calendarYears/installationCalendar.ts';
import { portalRoutes } from '../portal/routes.ts';
import { catalogueApiRoutes } from './routes/catalogue.ts';
import { cachedPageServer, PageCache, PORTAL_CHANNEL } from '../portal/pageCache.ts';
import type { Listen } from '../db/notify.ts';
import { STEP_ROUTES } from './routes/steps.ts';
import type { CaseContext } from '../requests/context.ts';
import type { StaffActor } from '../accounts/actor.ts';

export interface AppOptions {
  db: Db;
  key: SecretKey;
  files: FileStore;
  /** Overrides today's date (tests, demo). */
  today?: () => string;
  /** Login attempts per minute per address and user (default 10). */
  loginLimitPerMinute?: number;
  /** Online submissions / receipt queries per minute per address (default 30). */
  publicLimitPerMinute?: number;
  /** Always mark cookies `Secure` (the site is served over HTTPS). */
  secureCookies?: boolean;
  /**
   * Trust X-Forwarded-For/-Proto from a reverse proxy (TRUST_PROXY: `true`, a hop count, or addresses/CIDRs,
   * comma-separated). Then the client address is the forwarded one (throttling per client, not per proxy)
   * and a request forwarded as https gets `Secure` cookies.
   */
  trustProxy?: boolean | string | undefined;
  logger?: FastifyServerOptions['logger'];
  /** The built console (default console/dist). */
  consoleDir?: string;
  /** Mail to applicants (补正, fee, extension, answer) when SMTP is configured. */
  mailer?: Mailer | undefined;
  /**
   * LISTEN for the database's change notifications (Database.listen). With it, public pages are cached
   * in memory and dropped when anything they show changes, on every server on the database.
   */
  listen?: Listen;
}

const LOG_SERIALIZERS = {
  req: (req: { method: string; url: string; id: string }) => ({ method: req.method, path: req.url.split('?')[0], reqId: req.id }),
  res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
  err: (err: FastifyError) => {
    const safe = safeError(err);
    return { type: safe.errorName, message: safe.errorCode, stack: safe.stack ?? '', ...safe };
  },
};

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

type Validate = ((data: unknown) => unknown) & { errors?: unknown };

/**
 * Fastify's own Ajv compiler, but each route's validator is compiled at the route's first request instead
 * of at start: compiling the ~150 schemas took about half of `npm start` (issue 14: start < 3 s).
 */
function lazyValidators(): ReturnType<typeof AjvCompiler> {
  const fromPool = AjvCompiler();
  return (externalSchemas, ajvOptions) => {
    const compile = fromPool(externalSchemas, ajvOptions) as unknown as (route: unknown) => Validate;
    const lazy = (route: unknown) => {
      let compiled: Validate | undefined;
      const validate: Validate = (data) => {
        compiled ??= compile(route);
        const result = compiled(data);
        validate.errors = compiled.errors;
        return result;
      };
      validate.errors = null;
      return validate;
    };
    return lazy as unknown as ReturnType<typeof fromPool>;
  };
}

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  // Public pages are cached only when something invalidates them (a change notification from the database).
  const cache = opts.listen === undefined ? undefined : new PageCache();
  const app: FastifyInstance = Fastify({
    // Stored pages are answered by the server before Fastify routes the request (portal/pageCache.ts).
    ...(cache === undefined ? {} : { serverFactory: cachedPageServer(cache, () => app.log) }),
    logger: opts.logger === undefined || opts.logger === false ? false : { ...(typeof opts.logger === 'object' ? opts.logger : {}), serializers: LOG_SERIALIZERS },
    ajv: { customOptions: { allErrors: true, removeAdditional: false, coerceTypes: 'array' } },
    schemaController: { compilersFactory: { buildValidator: lazyValidators() } },
    bodyLimit: 1024 * 1024,
    trustProxy: opts.trustProxy ?? false,
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    // Request lines carry method, path and id only: no query string, headers, cookies or bodies.

  }).withTypeProvider<TypeBoxTypeProvider>();
  installErrorHandler(app);
  declareCsrf(app);
  installControlCharacterCheck(app);
  await app.register(helmet, { contentSecurityPolicy: false, frameguard: { action: 'deny' } });
  installSecurityHeaders(app);
  await app.register(cookie);
  // On PostgreSQL the counters live in the database, shared by every app server (http/rateLimitStore.ts).
  await app.register(rateLimit, { global: false, ...(isEmbeddedDatabase(opts.db) ? {} : { store: databaseRateLimitStore(opts.db) }) });
  await app.register(multipart, { limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1, fields: 5 } });
  await app.register(swagger, {
    openapi: {
      info: { title: 'gongkai 政府信息公开 API', version: '1' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE }, csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' } } },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  installAuth(app, opts.db);

  const { db, key } = opts;
  const today = () => opts.today?.();
  const ctx = (actor: StaffActor): CaseContext => {
    const t = today();
    return t === undefined ? { db, key, actor } : { db, key, actor, today: t };
  };
  const loginLimit = { max: opts.loginLimitPerMinute ?? 10, timeWindow: 60_000 };
  const publicLimit = { max: opts.publicLimitPerMinute ?? 30, timeWindow: 60_000 };

  await app.register(
    async (api) => {
      const r = api.withTypeProvider<TypeBoxTypeProvider>();

      // ---- auth
      r.post('/auth/login', {
        schema: { tags: ['auth'], summary: '登录', body: S.LoginBody },
        config: { rateLimit: { ...loginLimit, hook: 'preHandler', keyGenerator: (req) => `${req.ip}|${String((req.body as { username?: unknown } | undefined)?.username ?? '')}` } },
      }, async (req, reply) => {
        const result = await login(db, req.body.username, req.body.password, req.ip);
        setSessionCookie(reply, result.token, result.expiresAt, opts.secureCookies === true || req.protocol === 'https');
        return { csrfToken: result.csrfToken, expiresAt: result.expiresAt, user: { username: result.actor.username, displayName: result.actor.displayName, roles: result.actor.roles } };
      });
      r.post('/auth/logout', { schema: { tags: ['auth'], summary: '退出登录' } }, async (req, reply) => {
        authorize(req);
        const token = req.cookies[SESSION_COOKIE];
        if (token !== undefined) await logout(db, token);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return { ok: true };
      });
      r.get('/auth/me', { schema: { tags: ['auth'], summary: '当前用户' } }, async (req) => {
        const s = authorize(req);
        const t = today() ?? todayInChina();
        // A field any client can show: next year's holiday arrangement is missing (decisions.md #23).
        const calendarWarning = nextYearWarning(await installationCalendar(db), t);
        return { username: s.username, displayName: s.displayName, roles: s.roles, calendarWarning };
      });

      // ---- agencies and users
      r.get('/agencies', { schema: { tags: ['agencies'], summary: '机关列表（本人管辖范围）' } }, async (req) => {
        const s = authorize(req);
        return { items: await listAgencies(db, s.agencyPath) };
      });
      r.post('/agencies', { schema: { tags: ['agencies'], summary: '新增机关', body: S.AgencyBody } }, async (req, reply) => {
        const s = authorize(req, PERMISSIONS.manageAgencies, '管理机关');
        reply.status(201);
        return addAgency(db, s, req.body);
      });
      r.put('/agencies/:code/remedies', { schema: { tags: ['agencies'], summary: '设置告知书救济途径模板', params: S.CodeParams, body: S.RemediesBody } }, async (req) => {
        const s = authorize(req, PERMISSIONS.editAgencySettings, '修改机关设置');
        await setRemediesTemplate(db, s, req.params.code, req.body.template);
        return { ok: true };
      });
      r.get('/agencies/:code/settings', { schema: { tags: ['agencies'], summary: '机关设置（期限、补正期限、行政复议机关和人民法院、机关类型、文号）', params: S.CodeParams } }, async (req) => {
        const s = authorize(req, ['admin', 'head', 'clerk'], '查看机关设置');
        return getAgencySettings(db, s, req.params.code);
      });
      r.put('/agencies/:code/settings', { schema: { tags: ['agencies'], summary: '修改机关设置（系统管理员）', params: S.CodeParams, body: S.AgencySettingsBody } }, async (req) => {
        const s = authorize(req, ['admin'], '修改机关设置');
        return putAgencySettings(db, s, req.params.code, req.body);
      });
      r.get('/agencies/report-timeliness', { schema: { tags: ['agencies'], summary: '年度报告逾期情况（条例第四十九条）', querystring: S.YearQuery } }, async (req) => {
        const s = authorize(req, PERMISSIONS.readReports, '查看年度报告');
        const items = await reportTimeliness(db, s, req.query.year, today() ?? todayInChina());
        return { items, late: items.filter((i) => i.status === 'late' || i.status === 'missing'), unset: items.filter((i) => i.status === 'unset').map((i) => i.agencyCode) };
      });
      r.get('/users', { schema: { tags: ['users'], summary: '用户列表' } }, async (req) => {
        const s = authorize(req, PERMISSIONS.manageUsers, '管理用户');
        return { items: await listUsers(db, s.agencyPath) };
      });
      r.post('/users', { schema: { tags: ['users'], summary: '新增用户', body: S.UserBody } }, async (req, reply) => {
        const s = authorize(req, PERMISSIONS.manageUsers, '管理用户');
        reply.status(201);
        return addUser(db, s, req.body);
      });
      r.put('/users/:username/password', { schema: { tags: ['users'], summary: '重设密码（该用户的全部会话随即失效）', params: S.UsernameParams, body: S.PasswordBody } }, async (req) => {
        const s = authorize(req, PERMISSIONS.manageUsers, '管理用户');
        await setPassword(db, s, req.params.username, req.body.password);
        return { ok: true };
      });
      for (const [path, active, label] of [['deactivate', false, '停用用户（立即退出全部会话）'], ['activate', true, '重新启用用户']] as const) {
        r.post(`/users/:username/${path}`, { schema: { tags: ['users'], summary: label, params: S.UsernameParams } }, async (req) => {
          const s = authorize(req, PERMISSIONS.manageUsers, '管理用户');
          return setUserActive(db, s, req.params.username, active);
        });
      }

      // ---- applications (staff)
      r.get('/applications', { schema: { tags: ['applications'], summary: '申请列表（个人信息已遮蔽）', querystring: S.ListQuery } }, async (req) => {
        const s = authorize(req, PERMISSIONS.readCases, '查看申请');
        return listApplications(db, s, { state: req.query.state, agencyCode: req.query.agency, q: req.query.q, sort: req.query.sort, limit: req.query.limit, offset: req.query.offset });
      });
      r.post('/applications', { schema: { tags: ['applications'], summary: '登记申请（当面、邮寄、传真、电子邮件等）', body: S.RegisterBody } }, async (req, reply) => {
        const s = authorize(req, TRANSITIONS.register.roles, TRANSITIONS.register.label);
        const { agencyCode, channel, receivedOn, ...input } = req.body;
        const created = await registerApplication(ctx(s), { agencyCode, channel, receivedOn, input });
        reply.status(201);
        return created;
      });
      r.get('/applications/unconfirmed', { schema: { tags: ['applications'], summary: '未确认的在线申请（待确认收到或不予登记）' } }, async (req) => {
        const s = authorize(req, PERMISSIONS.readCases, '查看申请');
        return { items: await listUnconfirmed(db, s, today() ?? todayInChina(), await installationCalendar(db)) };
      });
      r.get('/applications/:id', { schema: { tags: ['applications'], summary: '申请详情', params: S.IdParams } }, async (req) => {
        const s = authorize(req, PERMISSIONS.readCases, '查看申请');
        return getApplication(db, s, key, req.params.id);
      });
      r.get('/applications/:id/timeline', { schema: { tags: ['applications'], summary: '办理过程与期限推算', params: S.IdParams } }, async (req) => {
        const s = authorize(req, PERMISSIONS.readCases, '查看申请');
        return { items: await timeline(db, s, req.params.id) };
      });
      for (const [id, step] of Object.entries(STEP_ROUTES) as [keyof typeof STEP_ROUTES, (typeof STEP_ROUTES)[keyof typeof STEP_ROUTES]][]) {
        const t = TRANSITIONS[id];
        r.post(`/applications/:id/${step.path}`, { schema: { tags: ['steps'], summary: t.label, params: S.IdParams, body: step.body } }, async (req) => {
          const s = authorize(req, t.roles, t.label);
          const run = step.run as (c: CaseContext, id: string, body: unknown) => ReturnType<typeof step.run>;
          const result = await run(ctx(s), req.params.id, req.body);
          await notifyApplicant(db, key, opts.mailer, req.params.id, id).catch((err: unknown) => req.log.error({ err }, 'applicant notice not sent'));
          return result;
        });
      }

      // ---- letters
      r.get('/applications/:id/letter', { schema: { tags: ['letters'], summary: '告知书（已保存的，或按办理结果起草）', params: S.IdParams, querystring: S.LetterQuery } }, async (req) => {
        const s = authorize(req, PERMISSIONS.readCases, '查看申请');
        return getLetter(db, s, key, req.params.id, req.query.outcome, today());
      });
      r.put('/applications/:id/letter', { schema: { tags: ['letters'], summary: '保存编辑后的告知书', params: S.IdParams, body: S.LetterBody } }, async (req) => {
        const s = authorize(req, TRANSITIONS.editLetter.roles, TRANSITIONS.editLetter.label);
        return saveLetter(ctx(s), { applicationId: req.params.id, ...req.body });
      });
      for (const format of ['docx', 'pdf'] as const) {
        r.get(`/applications/:id/letter.${format}`, { schema: { tags: ['letters'], summary: `告知书 ${format.toUpperCase()}`, params: S.IdParams, querystring: S.LetterQuery } }, async (req, reply) => {
          const s = authorize(req, PERMISSIONS.readCases, '查看申请');
          const letter = await getLetter(db, s, key, req.params.id, req.query.outcome, today());
          const buf = format === 'docx' ? await renderLetterDocx(letter) : await renderLetterPdf(letter);
          reply.header('content-disposition', `attachment; filename="letter-${letter.receiptCode}.${format}"`);
          return reply.type(format === 'docx' ? DOCX : 'application/pdf').send(buf);
        });
      }

      // ---- procedural notices (补正告知书, 延期答复告知书, 收费通知书 …)
      r.get('/applications/:id/notices', { schema: { tags: ['letters'], summary: '本申请发出的程序性文书', params: S.IdParams } }, async (req) => {
        const s = authorize(req, PERMISSIONS.readCases, '查看申请');
        return { items: await listNotices(db, s, req.params.id) };
      });
      for (const format of ['docx', 'pdf'] as const) {
        r.get(`/applications/:id/notices/:noticeId.${format}`, { schema: { tags: ['letters'], summary: `程序性文书 ${format.toUpperCase()}`, params: S.NoticeParams } }, async (req, reply) => {
          const s = authorize(req, PERMISSIONS.readCases, '查看申请');
          const notice = await getNotice(db, s, req.params.id, req.params.noticeId);
          const buf = format === 'docx' ? await renderLetterDocx(notice) : await renderLetterPdf(notice);
          reply.header('content-disposition', `attachment; filename="notice-${notice.receiptCode}-${notice.kind}.${format}"`);
          return reply.type(format === 'docx' ? DOCX : 'application/pdf').send(buf);
        });
      }

      // ---- attachments
      r.post('/applications/:id/attachments', { schema: { tags: ['attachments'], summary: '上传附件（multipart，字段 file）', params: S.IdParams } }, async (req, reply) => {
        const s = authorize(req, PERMISSIONS.uploadAttachment, '上传附件');
        await loadCase(db, s, req.params.id);
        const file = await readUpload(req, (problem) => {
          switch (problem) {
            case 'not-multipart':
            case 'broken':
              return new AttachmentRejectedError('attachment.multipart', '请以完整的 multipart/form-data 上传，文件字段名为 file');
            case 'missing':
              return new AttachmentRejectedError('attachment.missing', '缺少文件字段 file');
            case 'too-large':
              return new AttachmentRejectedError('attachment.size', `文件不能超过${MAX_ATTACHMENT_BYTES / 1024 / 1024}MB`);
            case 'filename':
              return new AttachmentRejectedError('attachment.filename', '文件名不能包含控制字符');
            default: {
              const never: never = problem;
              throw new Error(`unknown upload problem ${String(never)}`);
            }
          }
        });
        reply.status(201);
        return addAttachment(ctx(s), opts.files, { applicationId: req.params.id, filename: file.filename, data: file.bytes });
      });
      r.get('/applications/:id/attachments', { schema: { tags: ['attachments'], summary: '附件列表', params: S.IdParams } }, async (req) => {
        const s = authorize(req, PERMISSIONS.readCases, '查看申请');
        await loadCase(db, s, req.params.id);
        const rows = await listAttachments(db, [req.params.id]);
        return { items: rows.map((a) => ({ id: a.id, filename: a.filename, mediaType: a.mediaType, size: a.size, sha256: a.sha256, createdAt: a.createdAt })) };
      });
      r.get('/applications/:id/attachments/:attachmentId', { schema: { tags: ['attachments'], summary: '下载附件', params: Type.Object({ id: Type.String({ maxLength: 64 }), attachmentId: Type.String({ maxLength: 64 }) }) } }, async (req, reply) => {
        const s = authorize(req, PERMISSIONS.readCases, '查看申请');
        await loadCase(db, s, req.params.id);
        const a = (await listAttachments(db, [req.params.id])).find((x) => x.id === req.params.attachmentId);
        if (a === undefined) return reply.callNotFound();
        reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(a.filename)}`);
        return reply.type(a.mediaType).send(await opts.files.get(a.sha256));
      });

      // ---- the annual report, register import, appeal records
      await api.register(reportRoutes, { db, key, today });
      // ---- the workbench, labels, allowed steps, the audited showing of personal data
      await api.register(caseworkRoutes, { db, key, today });
      // ---- the catalogue (政府信息公开目录), 指南 and portal settings
      await api.register(catalogueApiRoutes, { db, key, files: opts.files, today });

      // ---- the working calendar: years held, loading a year's notice
      await api.register(calendarRoutes, { db, today });

      // ---- public (applicants): no login
      r.post('/public/agencies/:code/applications', { schema: { tags: ['public'], summary: '在线提交政府信息公开申请', params: S.CodeParams, body: S.SubmitBody }, config: { rateLimit: publicLimit } }, async (req, reply) => {
        const t = today();
        const created = await submitApplication(t === undefined ? { db, key } : { db, key, today: t }, { agencyCode: req.params.code, input: req.body });
        reply.status(201);
        return { receiptCode: created.receiptCode, queryPassword: created.queryPassword, state: created.application.state, stateLabel: created.application.stateLabel };
      });
      r.post('/public/applications/status', { schema: { tags: ['public'], summary: '凭受理编号和查询密码查询办理进度', body: S.PublicQueryBody }, config: { rateLimit: publicLimit } }, async (req) => {
        return publicStatus(db, key, req.body.receiptCode, req.body.queryPassword);
      });
      r.post('/public/applications/letter', { schema: { tags: ['public'], summary: '下载答复告知书', body: S.PublicLetterBody }, config: { rateLimit: publicLimit } }, async (req, reply) => {
        const found = await findByReceipt(db, key, req.body.receiptCode, req.body.queryPassword);
        const letter = await getLetter(db, { kind: 'system', name: 'public' }, key, found.row.id);
        if (letter.status !== 'sent') return reply.callNotFound();
        const buf = req.body.format === 'docx' ? await renderLetterDocx(letter) : await renderLetterPdf(letter);
        return reply.type(req.body.format === 'docx' ? DOCX : 'application/pdf').send(buf);
      });
    },
    { prefix: '/api/v1' },
  );
  await app.register(consoleRoutes, { distDir: opts.consoleDir ?? CONSOLE_DIST });
  if (cache !== undefined && opts.listen !== undefined) {
    const unlisten = await opts.listen(PORTAL_CHANNEL, () => cache.clear(), () => cache.clear());
    app.addHook('onClose', async () => unlisten());
    // A change made through this server's API drops its pages at once (others hear the NOTIFY).
    app.addHook('onResponse', async (req, reply) => {
      if (req.method !== 'GET' && req.method !== 'HEAD' && reply.statusCode < 400 && req.url.startsWith('/api/')) cache.clear();
    });
  }
  await app.register(portalRoutes, { db, key, today, files: opts.files, cache, ...(opts.publicLimitPerMinute === undefined ? {} : { publicLimitPerMinute: opts.publicLimitPerMinute }) });
  return app;
}
