/**
 * The public portal (公众): server-rendered pages, usable without JavaScript — the agencies, each
 * agency's 政府信息公开 columns (catalogueRoutes.ts), the published annual reports (as pages and as
 * PDF/DOCX/Markdown downloads), the online application form (redirect after POST: a reload or a double
 * click finds the first submission), and the progress query with the receipt code, where the applicant
 * answers a 补正 and can withdraw. Public pages are cached (pageCache.ts); every unknown URL gets the
 * HTML 404 page (JSON under /api).
 */
import { randomBytes } from 'node:crypto';
import formbody from '@fastify/formbody';
import { eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { systemActor } from '../accounts/actor.ts';
import { findAgencyByCode, listAgencies, type AgencyRow } from '../agencies/agencies.ts';
import { portalSubmissions } from '../catalogue/schema.ts';
import { suggestProposal } from '../catalogue/proposals.ts';
import { getSiteSettings, type SiteSettings } from '../catalogue/siteSettings.ts';
import type { Db } from '../db/open.ts';
import type { SecretKey } from '../db/secretKey.ts';
import { reportTitle } from '../law/index.ts';
import { problem } from '../http/problem.ts';
import { formatInfo, isReportFormat } from '../report/render/formats.ts';
import { addAttachment, ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES } from '../requests/addAttachment.ts';
import { AttachmentRejectedError } from '../requests/errors.ts';
import type { FileStore } from '../requests/fileStore.ts';
import { getLetter } from '../requests/letters.ts';
import { findByReceipt, publicStatus } from '../requests/publicStatus.ts';
import { loadEvents } from '../requests/queries.ts';
import { receiveSupplement } from '../requests/receiveSupplement.ts';
import { renderLetterDocx, renderLetterPdf } from '../requests/renderLetter.ts';
import { submitApplication } from '../requests/submitApplication.ts';
import { todayInChina } from '../requests/today.ts';
import { withdrawApplication } from '../requests/withdrawApplication.ts';
import { DomainError } from '../shared/domainError.ts';
import { ERROR_KINDS } from '../shared/errorKinds.ts';
import { readApplicationForm, renderApplicationForm } from './applicationForm.ts';
import { catalogueRoutes } from './catalogueRoutes.ts';
import { html, raw, type Raw } from './html.ts';
import { page } from './layout.ts';
import { installPageCache, type PageCache } from './pageCache.ts';
import { findPublishedReport } from './publishedReports.ts';

export interface PortalOptions {
  db: Db;
  key: SecretKey;
  today?: () => string | undefined;
  /** Submissions and queries per minute per address. */
  publicLimitPerMinute?: number;
  /** Where 补正 files and catalogue attachments are kept (without it, uploads are refused). */
  files?: FileStore | undefined;
  /** The page cache (only when something invalidates it: see http/app.ts). */
  cache?: PageCache | undefined;
}

type Body = Record<string, unknown>;

/** How long the receipt page shows the query password after submission. */
const RECEIPT_PASSWORD_HOURS = 24;
const TOKEN = /^[A-Za-z0-9_-]{22}$/;

function sendPage(reply: FastifyReply, status: number, body: string): FastifyReply {
  return reply.status(status).type('text/html; charset=utf-8').send(body);
}

const bodyOf = (req: FastifyRequest): Body => (typeof req.body === 'object' && req.body !== null ? (req.body as Body) : {});
const field = (body: Body, name: string): string => (typeof body[name] === 'string' ? (body[name] as string) : '');

export async function portalRoutes(app: FastifyInstance, opts: PortalOptions): Promise<void> {
  await app.register(formbody);
  if (opts.cache !== undefined) installPageCache(app, opts.cache);
  const { db, key } = opts;
  const limit = { rateLimit: { max: opts.publicLimitPerMinute ?? 30, timeWindow: 60_000 } };
  const today = () => opts.today?.() ?? todayInChina();
  const agencyOr404 = async (code: string): Promise<AgencyRow | undefined> => (/^[a-z0-9][a-z0-9_-]{1,31}$/.test(code) ? findAgencyByCode(db, code) : undefined);
  const site = (): Promise<SiteSettings> => getSiteSettings(db);
  const agencyOf = (a: AgencyRow) => ({ agency: { code: a.code, name: a.name }, feed: { href: `/agencies/${a.code}/feed.atom`, title: `${a.name}政府信息公开` } });

  const notFound = async (req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
    const path = req.url.split('?')[0] ?? '';
    if (path.startsWith('/api/')) return reply.status(404).type('application/problem+json; charset=utf-8').send(problem(404, 'route_not_found', `没有这个地址：${req.method} ${path}`));
    const hint = path.length > 1 && path.endsWith('/') ? html`<p>网址末尾多了“/”，请试试 <a href="${path.replace(/\/+$/, '')}">${path.replace(/\/+$/, '')}</a>。</p>` : '';
    return sendPage(reply, 404, page({
      site: await site(),
      title: '页面未找到',
      robots: 'noindex',
      crumbs: [{ label: '首页', href: '/' }, { label: '页面未找到' }],
      body: html`<h1>页面未找到</h1><p>您访问的页面不存在，可能已被移动或删除，或网址输入有误。</p>${hint}<ul><li><a href="/">返回首页</a></li><li><a href="/search">搜索政府信息</a></li><li><a href="/status">查询申请办理进度</a></li></ul>`,
    }));
  };

  app.get('/', { config: { portalCache: true } }, async (_req, reply) => {
    const agencies = await listAgencies(db, '/');
    const s = await site();
    return sendPage(reply, 200, page({
      site: s,
      title: '首页',
      nav: 'home',
      tags: { column: { name: '首页', description: `${s.siteName}：各机关的政府信息公开指南、制度、法定主动公开内容、年度报告和依申请公开`, keywords: '政府信息公开,依申请公开,年度报告', type: '首页' } },
      body: html`<h1>${s.siteName}</h1>
<p>查阅各机关主动公开的政府信息和政府信息公开工作年度报告，在线提交政府信息公开申请，凭受理编号查询办理进度。</p>
<div class="box-title"><h2>机关</h2></div>
<table class="list"><caption class="skip">各机关的政府信息公开栏目</caption><thead><tr><th scope="col">机关</th><th scope="col">政府信息公开</th><th scope="col">年度报告</th><th scope="col">依申请公开</th></tr></thead><tbody>
${agencies.map((a) => html`<tr><td style="padding-left:${0.6 + a.depth * 1.2}rem"><a href="/agencies/${a.code}">${a.name}</a></td><td><a href="/agencies/${a.code}/guide">指南</a> · <a href="/agencies/${a.code}/proactive">主动公开</a></td><td><a href="/agencies/${a.code}/reports">查看</a></td><td><a href="/agencies/${a.code}/apply">在线申请</a></td></tr>`)}
</tbody></table>`,
    }));
  });

  await app.register(catalogueRoutes, { db, files: opts.files, notFound });

  app.get<{ Params: { code: string; year: string } }>('/agencies/:code/reports/:year', { config: { portalCache: true } }, async (req, reply) => {
    const agency = await agencyOr404(req.params.code);
    const year = /^\d{4}$/.test(req.params.year) ? Number(req.params.year) : NaN;
    const published = agency && Number.isInteger(year) ? await findPublishedReport(db, agency.id, year) : null;
    if (!agency || !published) return notFound(req, reply);
    const { renderReportHtml } = await import('../report/render/html.ts');
    const title = reportTitle(published.report.agency, year);
    const downloads = (['pdf', 'docx', 'md'] as const).map((f) => html`<a href="/agencies/${agency.code}/reports/${year}/download.${f}">${f.toUpperCase()}</a>`);
    return sendPage(reply, 200, page({
      site: await site(),
      ...agencyOf(agency),
      title,
      nav: 'gk',
      tags: { article: { title, pubDate: `${published.publishedAt} 00:00`, source: agency.name } },
      crumbs: [{ label: '首页', href: '/' }, { label: agency.name, href: `/agencies/${agency.code}` }, { label: '政府信息公开工作年度报告', href: `/agencies/${agency.code}/reports` }, { label: `${year}年度报告` }],
      body: html`<p class="no-print">发布于 ${published.publishedAt} · 下载：${downloads.map((d, i) => (i === 0 ? d : html` · ${d}`))}</p>${raw(renderReportHtml(published.report, { standalone: false }))}`,
    }));
  });

  app.get<{ Params: { code: string; year: string; format: string } }>('/agencies/:code/reports/:year/download.:format', { config: { portalCache: true } }, async (req, reply) => {
    const agency = await agencyOr404(req.params.code);
    const year = /^\d{4}$/.test(req.params.year) ? Number(req.params.year) : NaN;
    const published = agency && Number.isInteger(year) ? await findPublishedReport(db, agency.id, year) : null;
    if (!agency || !published || !isReportFormat(req.params.format)) return notFound(req, reply);
    const { renderReport } = await import('../report/render/index.ts');
    const info = formatInfo(req.params.format);
    const filename = encodeURIComponent(`${reportTitle(published.report.agency, year)}${info.extension}`);
    return reply
      .type(info.mime)
      .header('content-disposition', `attachment; filename*=UTF-8''${filename}`)
      .send(await renderReport(published.report, req.params.format));
  });

  // ---- the online application: GET the form (with a one-time token), POST → 303 to the receipt page
  const applyPage = async (agency: AgencyRow, values: Body, issues: DomainError['issues'], token: string) => {
    const n = new Set(issues.map((i) => i.path)).size;
    return page({
      site: await site(),
      ...agencyOf(agency),
      nav: 'apply',
      robots: 'noindex',
      title: n > 0 ? `错误：${n}处需要修改 - 政府信息公开申请` : '政府信息公开申请',
      crumbs: [{ label: '首页', href: '/' }, { label: agency.name, href: `/agencies/${agency.code}` }, { label: '在线申请' }],
      body: html`<h1>政府信息公开申请</h1><p>受理机关：${agency.name}。依据《中华人民共和国政府信息公开条例》第二十九条，请填写以下内容。申请前可先查阅<a href="/agencies/${agency.code}/guide">政府信息公开指南</a>，或<a href="/agencies/${agency.code}/search">搜索</a>所需信息是否已经主动公开。</p>${renderApplicationForm(`/agencies/${agency.code}/apply`, values, issues, token)}`,
    });
  };
  const newToken = () => randomBytes(16).toString('base64url');

  app.get<{ Params: { code: string } }>('/agencies/:code/apply', async (req, reply) => {
    const agency = await agencyOr404(req.params.code);
    if (!agency) return notFound(req, reply);
    reply.header('cache-control', 'no-store');
    return sendPage(reply, 200, await applyPage(agency, {}, [], newToken()));
  });

  app.post<{ Params: { code: string } }>('/agencies/:code/apply', { config: limit }, async (req, reply) => {
    const agency = await agencyOr404(req.params.code);
    if (!agency) return notFound(req, reply);
    const body = bodyOf(req);
    const given = field(body, 'token');
    const token = TOKEN.test(given) ? given : newToken();
    const receipt = `/agencies/${agency.code}/apply/receipt/${token}`;
    // The token is claimed first: a second POST with it (reload, double click) goes to the same receipt.
    const claimed = await db.insert(portalSubmissions).values({ token, agencyId: agency.id }).onConflictDoNothing().returning({ token: portalSubmissions.token });
    if (claimed.length === 0) return reply.redirect(receipt, 303);
    try {
      const t = opts.today?.();
      const created = await submitApplication(t === undefined ? { db, key } : { db, key, today: t }, { agencyCode: agency.code, input: readApplicationForm(body) });
      await db
        .update(portalSubmissions)
        .set({ applicationId: created.application.id, receiptCode: created.receiptCode, passwordCipher: key.encrypt(created.queryPassword), done: true })
        .where(eq(portalSubmissions.token, token));
      return reply.redirect(receipt, 303);
    } catch (error) {
      await db.delete(portalSubmissions).where(eq(portalSubmissions.token, token));
      if (error instanceof DomainError && error.kind === 'invalid-input') {
        const issues = error.issues.length > 0 ? error.issues : [{ path: 'form', rule: error.code, message: error.message }];
        return sendPage(reply, 400, await applyPage(agency, body, issues, token));
      }
      throw error;
    }
  });

  app.get<{ Params: { code: string; token: string } }>('/agencies/:code/apply/receipt/:token', async (req, reply) => {
    const agency = await agencyOr404(req.params.code);
    if (!agency || !TOKEN.test(req.params.token)) return notFound(req, reply);
    const rows = await db.select().from(portalSubmissions).where(eq(portalSubmissions.token, req.params.token)).limit(1);
    const sub = rows[0];
    if (sub === undefined || sub.agencyId !== agency.id) return notFound(req, reply);
    reply.header('cache-control', 'no-store');
    const fresh = Date.now() - new Date(sub.createdAt).getTime() < RECEIPT_PASSWORD_HOURS * 3600_000;
    const password = sub.done && fresh && sub.passwordCipher !== null ? key.decrypt(sub.passwordCipher) : undefined;
    const body = !sub.done
      ? html`<h1>申请正在提交</h1><p role="status">您的申请正在处理，请稍候刷新本页面。</p>`
      : html`<h1>申请已提交</h1>
<div class="ok" role="status"><p>${agency.name}已收到您的在线申请。工作机构与您确认后，以双方确认之日为收到申请之日（《条例》第三十一条）。</p></div>
<div class="card"><p>受理编号：<span class="code">${sub.receiptCode}</span></p>${password !== undefined ? html`<p>查询密码：<span class="code">${password}</span></p><p>请记下或打印以上信息：凭受理编号和查询密码可查询办理进度、在线补正、撤回申请和获取答复。本页面仅在提交后${RECEIPT_PASSWORD_HOURS}小时内显示查询密码。</p>` : html`<p>出于安全考虑，查询密码已不再显示。</p>`}</div>
<p><a href="/status">查询办理进度</a> · <a href="/agencies/${agency.code}">返回${agency.name}政府信息公开</a></p>`;
    return sendPage(reply, 200, page({ site: await site(), ...agencyOf(agency), nav: 'apply', robots: 'noindex', title: sub.done ? '申请已提交' : '申请正在提交', crumbs: [{ label: '首页', href: '/' }, { label: agency.name, href: `/agencies/${agency.code}` }, { label: '申请已提交' }], body }));
  });

  // ---- the progress query (POST: the password never goes into a URL)
  const statusPage = async (status: number, reply: FastifyReply, body: Raw, title = '申请办理进度查询') =>
    sendPage(reply, status, page({ site: await site(), nav: 'status', robots: 'noindex', title, crumbs: [{ label: '首页', href: '/' }, { label: '办理进度查询' }], body }));
  const statusForm = (values: Body, error?: string) => html`<h1>申请办理进度查询</h1>
${error ? html`<div class="notice" role="alert" tabindex="-1" autofocus>${error}</div>` : ''}
<form class="apply status-form" method="post" action="/status" novalidate>
<div class="field"><label for="f-receiptCode">受理编号<span class="req" aria-hidden="true"> *</span></label><input id="f-receiptCode" name="receiptCode" required aria-required="true" autocomplete="off" value="${field(values, 'receiptCode')}"></div>
<div class="field"><label for="f-queryPassword">查询密码<span class="req" aria-hidden="true"> *</span></label><input id="f-queryPassword" name="queryPassword" type="password" required aria-required="true" autocomplete="off"></div>
<button type="submit">查询</button>
</form>`;
  const credentials = (code: string, password: string) => html`<input type="hidden" name="receiptCode" value="${code}"><input type="hidden" name="queryPassword" value="${password}">`;
  const letterForm = (code: string, password: string) => html`<h2>答复告知书</h2><form method="post" action="/status/letter">${credentials(code, password)}
<button class="primary" type="submit" name="format" value="pdf">下载 PDF</button> <button class="secondary" type="submit" name="format" value="docx">下载 Word</button></form>`;
  const accept = Object.keys(ATTACHMENT_TYPES).filter((e) => e !== 'jpeg' && e !== 'ofd' && e !== 'txt').map((e) => `.${e}`).join(',');
  const supplementForm = (code: string, password: string, items: string | undefined) => html`<section class="card" aria-labelledby="supp-h"><h2 id="supp-h">在线补正</h2>
${items ? html`<p>本机关要求补正：${items}</p>` : ''}
<form class="apply" method="post" action="/status/supplement" enctype="multipart/form-data">${credentials(code, password)}
<div class="field"><label for="f-supplement">补正内容<span class="req" aria-hidden="true"> *</span></label><textarea id="f-supplement" name="text" required aria-required="true" maxlength="2000"></textarea></div>
<div class="field"><label for="f-file">补正材料（可选）</label><div class="hint" id="f-file-hint">PDF、Word、Excel、PNG或JPG，不超过${MAX_ATTACHMENT_BYTES / 1024 / 1024}MB</div><input id="f-file" name="file" type="file" accept="${accept}" aria-describedby="f-file-hint"></div>
<button type="submit">提交补正</button></form></section>`;
  const withdrawForm = (code: string, password: string) => html`<section class="card" aria-labelledby="wd-h"><h2 id="wd-h">撤回申请</h2><p>撤回后本申请办理终止。如仍需要该信息，可重新提交申请。</p>
<form class="apply" method="post" action="/status/withdraw">${credentials(code, password)}
<div class="field"><label for="f-reason">撤回原因（可选）</label><input id="f-reason" name="reason" maxlength="200"></div>
<button class="secondary" type="submit">确认撤回申请</button></form></section>`;

  // Art. 44: an applicant may suggest that what was released to him be published for everyone.
  const suggestForm = (code: string, password: string) => html`<section class="card" aria-labelledby="sg-h"><h2 id="sg-h">建议主动公开</h2><p>如您认为本次公开的信息涉及公众利益、需要公众广泛知晓，可以建议本机关将其转为主动公开（《条例》第四十四条）。</p>
<form class="apply" method="post" action="/status/suggest">${credentials(code, password)}<button class="secondary" type="submit">建议转为主动公开</button></form></section>`;

  const showStatus = async (reply: FastifyReply, code: string, password: string, message?: Raw, status = 200) => {
    const s = await publicStatus(db, key, code, password);
    const found = await findByReceipt(db, key, code, password);
    const events = await loadEvents(db, found.row.id);
    const request = [...events].reverse().find((e) => e.kind === 'supplement-requested');
    const items = typeof request?.payload['items'] === 'string' ? request.payload['items'] : undefined;
    const open = ['submitted', 'processing', 'awaiting_supplement', 'third_party_consultation', 'agency_consultation', 'awaiting_fee'].includes(s.state);
    return statusPage(status, reply, html`<h1>申请办理进度</h1>${message ?? ''}
<div class="card"><p>受理编号：<span class="code">${s.receiptCode}</span></p><p>受理机关：${s.agencyName}</p><p>当前状态：<strong>${s.stateLabel}</strong>${s.outcomeLabel ? html`（${s.outcomeLabel}）` : ''}</p>
${s.receivedOn ? html`<p>收到申请之日：${s.receivedOn}</p>` : ''}${s.dueOn && open ? html`<p>答复期限：${s.dueOn}${s.dueProvisional ? '（暂定：所跨年份的法定节假日安排尚未公布或载入，公布后将重新计算）' : ''}</p>` : ''}</div>
<h2>办理过程</h2><ol>${s.steps.map((st) => html`<li>${st.date ?? ''} ${st.label}</li>`)}</ol>
${s.state === 'awaiting_supplement' ? supplementForm(code, password, items) : ''}
${s.letterAvailable ? letterForm(code, password) : ''}
${s.letterAvailable && (found.row.outcome === 'granted' || found.row.outcome === 'partially_granted') ? suggestForm(code, password) : ''}
${open ? withdrawForm(code, password) : ''}`);
  };

  const statusError = async (reply: FastifyReply, body: Body, error: unknown) => {
    if (error instanceof DomainError && ERROR_KINDS[error.kind].status < 500) return statusPage(ERROR_KINDS[error.kind].status, reply, statusForm(body, error.message), '错误 - 申请办理进度查询');
    throw error;
  };

  app.post('/status/letter', { config: limit }, async (req, reply) => {
    const body = bodyOf(req);
    try {
      const found = await findByReceipt(db, key, field(body, 'receiptCode'), field(body, 'queryPassword'));
      const letter = await getLetter(db, { kind: 'system', name: 'public' }, key, found.row.id);
      if (letter.status !== 'sent') return notFound(req, reply);
      const docx = field(body, 'format') === 'docx';
      const file = docx ? await renderLetterDocx(letter) : await renderLetterPdf(letter);
      return reply
        .type(docx ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' : 'application/pdf')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`答复告知书-${found.row.receiptCode}.${docx ? 'docx' : 'pdf'}`)}`)
        .send(file);
    } catch (error) {
      return statusError(reply, body, error);
    }
  });

  app.get('/status', { config: { portalCache: true } }, async (_req, reply) => statusPage(200, reply, statusForm({})));

  app.post('/status', { config: limit }, async (req, reply) => {
    const body = bodyOf(req);
    const code = field(body, 'receiptCode');
    const password = field(body, 'queryPassword');
    if (code.trim() === '' || password.trim() === '') return statusPage(400, reply, statusForm(body, '请填写受理编号和查询密码。'), '错误 - 申请办理进度查询');
    try {
      return await showStatus(reply, code, password);
    } catch (error) {
      return statusError(reply, body, error);
    }
  });

  // The applicant answers a 补正 online: text (and a file), dated the day it arrives (Art. 31: online).
  app.post('/status/supplement', { config: limit }, async (req, reply) => {
    const body: Body = {};
    let file: { filename: string; data: Buffer } | undefined;
    let tooBig = false;
    if (req.isMultipart?.()) {
      for await (const part of req.parts()) {
        if (part.type === 'file') {
          const data = await part.toBuffer();
          if (part.file.truncated) tooBig = true;
          if (part.filename !== '' && data.length > 0) file = { filename: part.filename, data };
        } else if (typeof part.value === 'string') body[part.fieldname] = part.value;
      }
    } else Object.assign(body, bodyOf(req));
    const code = field(body, 'receiptCode');
    const password = field(body, 'queryPassword');
    const text = field(body, 'text').trim();
    try {
      const found = await findByReceipt(db, key, code, password);
      if (tooBig) throw new AttachmentRejectedError('attachment.size', `文件不能超过${MAX_ATTACHMENT_BYTES / 1024 / 1024}MB`);
      if (text === '' && file === undefined) {
        return await showStatus(reply, code, password, html`<div class="notice" role="alert" tabindex="-1" autofocus>请填写补正内容或上传补正材料。</div>`, 400);
      }
      if (file !== undefined) checkApplicationFile(file.filename, file.data);
      if (opts.files === undefined && file !== undefined) throw new AttachmentRejectedError('attachment.unavailable', '本站暂不接收在线上传的材料，请以文字补正');
      const ctx = { db, key, actor: systemActor('applicant-online'), today: today() };
      await receiveSupplement(ctx, { applicationId: found.row.id, version: found.row.version, date: today(), note: text.slice(0, 2000) || '（见补正材料）' });
      if (file !== undefined && opts.files !== undefined) await addAttachment(ctx, opts.files, { applicationId: found.row.id, filename: file.filename, data: file.data });
      return await showStatus(reply, code, password, html`<div class="ok" role="status"><p>补正已提交（${today()}），答复期限自收到补正之日起重新计算。</p></div>`);
    } catch (error) {
      return stepRefused(reply, body, code, password, error);
    }
  });

  /** A step refused on the status page: its reason shown on the case's page, else the query form's error. */
  async function stepRefused(reply: FastifyReply, body: Body, code: string, password: string, error: unknown): Promise<FastifyReply> {
    if (error instanceof DomainError && error.kind !== 'not-found' && code !== '' && password !== '') {
      try {
        return await showStatus(reply, code, password, html`<div class="notice" role="alert" tabindex="-1" autofocus>${error.message}</div>`, ERROR_KINDS[error.kind].status);
      } catch {
        // fall through to the query form
      }
    }
    return statusError(reply, body, error);
  }

  app.post('/status/suggest', { config: limit }, async (req, reply) => {
    const body = bodyOf(req);
    const code = field(body, 'receiptCode');
    const password = field(body, 'queryPassword');
    try {
      const found = await findByReceipt(db, key, code, password);
      if (found.row.outcome !== 'granted' && found.row.outcome !== 'partially_granted') return await showStatus(reply, code, password, html`<div class="notice" role="alert">只有已公开的信息才能建议转为主动公开。</div>`, 422);
      await suggestProposal({ db, actor: systemActor('applicant-online') }, { agencyCode: found.agencyCode, source: 'applicant', description: (found.row.documentNumber ? `${found.row.documentNumber} ${found.row.description}` : found.row.description).slice(0, 500), applicationIds: [found.row.id] });
      return await showStatus(reply, code, password, html`<div class="ok" role="status"><p>您的建议已提交，本机关将研究是否转为主动公开。</p></div>`);
    } catch (error) {
      return statusError(reply, body, error);
    }
  });

  app.post('/status/withdraw', { config: limit }, async (req, reply) => {
    const body = bodyOf(req);
    const code = field(body, 'receiptCode');
    const password = field(body, 'queryPassword');
    try {
      const found = await findByReceipt(db, key, code, password);
      const reason = field(body, 'reason').trim().slice(0, 200);
      await withdrawApplication({ db, key, actor: systemActor('applicant-online'), today: today() }, { applicationId: found.row.id, version: found.row.version, date: today(), reason: reason || '申请人在线撤回' });
      return await showStatus(reply, code, password, html`<div class="ok" role="status"><p>申请已撤回（${today()}）。</p></div>`);
    } catch (error) {
      return stepRefused(reply, body, code, password, error);
    }
  });

  // Every other GET: the portal's 404 page (JSON problem under /api).
  app.get('/*', async (req, reply) => notFound(req, reply));
}

/** The checks addAttachment makes, done before anything is written. */
function checkApplicationFile(filename: string, data: Buffer): void {
  const ext = filename.includes('.') ? filename.split('.').pop()!.toLowerCase() : '';
  const type = Object.hasOwn(ATTACHMENT_TYPES, ext) ? ATTACHMENT_TYPES[ext as keyof typeof ATTACHMENT_TYPES] : undefined;
  if (type === undefined) throw new AttachmentRejectedError('attachment.type', `不支持的文件类型「.${ext}」，可上传：${Object.keys(ATTACHMENT_TYPES).join('、')}`);
  if (data.length > MAX_ATTACHMENT_BYTES) throw new AttachmentRejectedError('attachment.size', `文件不能超过${MAX_ATTACHMENT_BYTES / 1024 / 1024}MB`);
  if (!type.magic(data)) throw new AttachmentRejectedError('attachment.content', `文件内容与扩展名「.${ext}」不符`);
}

