/**
 * The public portal (公众): server-rendered pages, usable without JavaScript — the agencies, each
 * agency's published annual reports (as pages and as PDF/DOCX/Markdown downloads), the online
 * application form, and the progress query with the receipt code. Routes only read the request, call
 * the domain and render; errors become pages that say what to fix.
 */
import formbody from '@fastify/formbody';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { findAgencyByCode, listAgencies, type AgencyRow } from '../agencies/agencies.ts';
import type { Db } from '../db/open.ts';
import type { SecretKey } from '../db/secretKey.ts';
import { reportTitle } from '../law/index.ts';
import { formatInfo, isReportFormat } from '../report/render/formats.ts';
import { getLetter } from '../requests/letters.ts';
import { findByReceipt, publicStatus } from '../requests/publicStatus.ts';
import { renderLetterDocx, renderLetterPdf } from '../requests/renderLetter.ts';
import { submitApplication } from '../requests/submitApplication.ts';
import { DomainError } from '../shared/domainError.ts';
import { ERROR_KINDS } from '../shared/errorKinds.ts';
import { readApplicationForm, renderApplicationForm } from './applicationForm.ts';
import { html, raw } from './html.ts';
import { page, PORTAL_NAME } from './layout.ts';
import { findPublishedReport, listPublishedReports } from './publishedReports.ts';

export interface PortalOptions {
  db: Db;
  key: SecretKey;
  today?: () => string | undefined;
  /** Submissions and queries per minute per address. */
  publicLimitPerMinute?: number;
}

type Body = Record<string, unknown>;

function sendPage(reply: FastifyReply, status: number, body: string): FastifyReply {
  return reply.status(status).type('text/html; charset=utf-8').send(body);
}

function notFound(reply: FastifyReply, what: string): FastifyReply {
  return sendPage(reply, 404, page({ title: '未找到', crumbs: [{ label: '首页', href: '/' }, { label: '未找到' }], body: html`<h1>未找到</h1><p>${what}</p><p><a href="/">返回首页</a></p>` }));
}

export async function portalRoutes(app: FastifyInstance, opts: PortalOptions): Promise<void> {
  await app.register(formbody);
  const { db, key } = opts;
  const limit = { rateLimit: { max: opts.publicLimitPerMinute ?? 30, timeWindow: 60_000 } };
  const agencyOr404 = async (code: string): Promise<AgencyRow | undefined> => (/^[a-z0-9][a-z0-9_-]{1,31}$/.test(code) ? findAgencyByCode(db, code) : undefined);

  app.get('/', async (_req, reply) => {
    const agencies = await listAgencies(db, '/');
    return sendPage(reply, 200, page({
      title: '首页',
      body: html`<h1>${PORTAL_NAME}</h1>
<p>查阅各机关主动公开的政府信息公开工作年度报告，在线提交政府信息公开申请，凭受理编号查询办理进度。</p>
<h2>机关</h2>
<table class="list"><thead><tr><th scope="col">机关</th><th scope="col">年度报告</th><th scope="col">依申请公开</th></tr></thead><tbody>
${agencies.map((a) => html`<tr><td style="padding-left:${0.6 + a.depth * 1.2}rem"><a href="/agencies/${a.code}">${a.name}</a></td><td><a href="/agencies/${a.code}#reports">查看</a></td><td><a href="/agencies/${a.code}/apply">在线申请</a></td></tr>`)}
</tbody></table>`,
    }));
  });

  app.get<{ Params: { code: string } }>('/agencies/:code', async (req, reply) => {
    const agency = await agencyOr404(req.params.code);
    if (!agency) return notFound(reply, `没有代码为“${req.params.code}”的机关。`);
    const reports = await listPublishedReports(db, agency.id);
    return sendPage(reply, 200, page({
      title: agency.name,
      crumbs: [{ label: '首页', href: '/' }, { label: agency.name }],
      body: html`<h1>${agency.name}</h1>
<section class="card" aria-labelledby="apply-h"><h2 id="apply-h">依申请公开</h2><p>公民、法人或者其他组织可以向本机关申请获取政府信息。</p><p><a href="/agencies/${agency.code}/apply">在线提交申请</a> · <a href="/status">查询办理进度</a></p></section>
<section id="reports" aria-labelledby="reports-h"><h2 id="reports-h">政府信息公开工作年度报告</h2>
${reports.length === 0 ? html`<p>暂无已发布的年度报告。</p>` : html`<ul>${reports.map((r) => html`<li><a href="/agencies/${agency.code}/reports/${r.year}">${reportTitle(agency.name, r.year)}</a>（发布于 ${r.publishedAt}）</li>`)}</ul>`}
</section>`,
    }));
  });

  app.get<{ Params: { code: string; year: string } }>('/agencies/:code/reports/:year', async (req, reply) => {
    const agency = await agencyOr404(req.params.code);
    const year = Number(req.params.year);
    const published = agency && Number.isInteger(year) ? await findPublishedReport(db, agency.id, year) : null;
    if (!agency || !published) return notFound(reply, '该年度报告尚未发布。');
    const { renderReportHtml } = await import('../report/render/html.ts');
    const title = reportTitle(published.report.agency, year);
    const downloads = (['pdf', 'docx', 'md'] as const).map((f) => html`<a href="/agencies/${agency.code}/reports/${year}/download.${f}">${f.toUpperCase()}</a>`);
    return sendPage(reply, 200, page({
      title,
      crumbs: [{ label: '首页', href: '/' }, { label: agency.name, href: `/agencies/${agency.code}` }, { label: `${year}年度报告` }],
      body: html`<p class="no-print">发布于 ${published.publishedAt} · 下载：${downloads.map((d, i) => (i === 0 ? d : html` · ${d}`))}</p>${raw(renderReportHtml(published.report, { standalone: false }))}`,
    }));
  });

  app.get<{ Params: { code: string; year: string; format: string } }>('/agencies/:code/reports/:year/download.:format', async (req, reply) => {
    const agency = await agencyOr404(req.params.code);
    const year = Number(req.params.year);
    const published = agency && Number.isInteger(year) ? await findPublishedReport(db, agency.id, year) : null;
    if (!agency || !published || !isReportFormat(req.params.format)) return notFound(reply, '该年度报告或格式不存在。');
    const { renderReport } = await import('../report/render/index.ts');
    const info = formatInfo(req.params.format);
    const filename = encodeURIComponent(`${reportTitle(published.report.agency, year)}${info.extension}`);
    return reply
      .type(info.mime)
      .header('content-disposition', `attachment; filename*=UTF-8''${filename}`)
      .send(await renderReport(published.report, req.params.format));
  });

  const applyPage = (agency: AgencyRow, values: Body, issues: DomainError['issues']) =>
    page({
      title: `向${agency.name}申请政府信息公开`,
      crumbs: [{ label: '首页', href: '/' }, { label: agency.name, href: `/agencies/${agency.code}` }, { label: '在线申请' }],
      body: html`<h1>政府信息公开申请</h1><p>受理机关：${agency.name}。依据《中华人民共和国政府信息公开条例》第二十九条，请填写以下内容。</p>${renderApplicationForm(`/agencies/${agency.code}/apply`, values, issues)}`,
    });

  app.get<{ Params: { code: string } }>('/agencies/:code/apply', async (req, reply) => {
    const agency = await agencyOr404(req.params.code);
    if (!agency) return notFound(reply, `没有代码为“${req.params.code}”的机关。`);
    return sendPage(reply, 200, applyPage(agency, {}, []));
  });

  app.post<{ Params: { code: string }; Body: Body }>('/agencies/:code/apply', { config: limit }, async (req, reply) => {
    const agency = await agencyOr404(req.params.code);
    if (!agency) return notFound(reply, `没有代码为“${req.params.code}”的机关。`);
    const body = typeof req.body === 'object' && req.body !== null ? req.body : {};
    try {
      const today = opts.today?.();
      const created = await submitApplication(today === undefined ? { db, key } : { db, key, today }, { agencyCode: agency.code, input: readApplicationForm(body) });
      return sendPage(reply, 201, page({
        title: '申请已提交',
        crumbs: [{ label: '首页', href: '/' }, { label: agency.name, href: `/agencies/${agency.code}` }, { label: '申请已提交' }],
        body: html`<h1>申请已提交</h1>
<div class="ok" role="status"><p>${agency.name}已收到您的在线申请。工作机构与您确认后，以双方确认之日为收到申请之日（《条例》第三十一条）。</p></div>
<div class="card"><p>受理编号：<span class="code">${created.receiptCode}</span></p><p>查询密码：<span class="code">${created.queryPassword}</span></p><p>请保存以上信息，它们只显示这一次。</p></div>
<p><a href="/status">查询办理进度</a></p>`,
      }));
    } catch (error) {
      if (error instanceof DomainError && error.kind === 'invalid-input') return sendPage(reply, 400, applyPage(agency, body, error.issues.length > 0 ? error.issues : [{ path: 'form', rule: error.code, message: error.message }]));
      throw error;
    }
  });

  const statusPage = (status: number, reply: FastifyReply, body: ReturnType<typeof html>) =>
    sendPage(reply, status, page({ title: '申请办理进度查询', crumbs: [{ label: '首页', href: '/' }, { label: '办理进度查询' }], body }));
  const statusForm = (values: Body, error?: string) => html`<h1>申请办理进度查询</h1>
${error ? html`<div class="notice" role="alert">${error}</div>` : ''}
<form method="post" action="/status" novalidate>
<div class="field"><label for="f-receiptCode">受理编号</label><input id="f-receiptCode" name="receiptCode" required aria-required="true" value="${typeof values['receiptCode'] === 'string' ? values['receiptCode'] : ''}"></div>
<div class="field"><label for="f-queryPassword">查询密码</label><input id="f-queryPassword" name="queryPassword" type="password" required aria-required="true"></div>
<button type="submit">查询</button>
</form>`;

  // The password travels again in the form the applicant just posted it with; it is never put in a URL.
  const letterForm = (code: string, password: string) => html`<h2>答复告知书</h2><form method="post" action="/status/letter">
<input type="hidden" name="receiptCode" value="${code}"><input type="hidden" name="queryPassword" value="${password}">
<button type="submit" name="format" value="pdf">下载 PDF</button> <button type="submit" name="format" value="docx">下载 Word</button></form>`;

  app.post<{ Body: Body }>('/status/letter', { config: limit }, async (req, reply) => {
    const body = typeof req.body === 'object' && req.body !== null ? req.body : {};
    const field = (name: string) => (typeof body[name] === 'string' ? (body[name] as string) : '');
    try {
      const found = await findByReceipt(db, field('receiptCode'), field('queryPassword'));
      const letter = await getLetter(db, { kind: 'system', name: 'public' }, key, found.row.id);
      if (letter.status !== 'sent') return notFound(reply, '答复告知书尚未送达。');
      const docx = field('format') === 'docx';
      const file = docx ? await renderLetterDocx(letter) : await renderLetterPdf(letter);
      return reply
        .type(docx ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' : 'application/pdf')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`答复告知书-${found.row.receiptCode}.${docx ? 'docx' : 'pdf'}`)}`)
        .send(file);
    } catch (error) {
      if (error instanceof DomainError && ERROR_KINDS[error.kind].status < 500) return statusPage(ERROR_KINDS[error.kind].status, reply, statusForm(body, error.message));
      throw error;
    }
  });

  app.get('/status', async (_req, reply) => statusPage(200, reply, statusForm({})));

  app.post<{ Body: Body }>('/status', { config: limit }, async (req, reply) => {
    const body = typeof req.body === 'object' && req.body !== null ? req.body : {};
    const code = typeof body['receiptCode'] === 'string' ? body['receiptCode'] : '';
    const password = typeof body['queryPassword'] === 'string' ? body['queryPassword'] : '';
    if (code.trim() === '' || password.trim() === '') return statusPage(400, reply, statusForm(body, '请填写受理编号和查询密码。'));
    try {
      const s = await publicStatus(db, code, password);
      return statusPage(200, reply, html`<h1>申请办理进度</h1>
<div class="card"><p>受理编号：<span class="code">${s.receiptCode}</span></p><p>受理机关：${s.agencyName}</p><p>当前状态：<strong>${s.stateLabel}</strong>${s.outcomeLabel ? html`（${s.outcomeLabel}）` : ''}</p>
${s.receivedOn ? html`<p>收到申请之日：${s.receivedOn}</p>` : ''}${s.dueOn ? html`<p>答复期限：${s.dueOn}${s.dueProvisional ? '（暂定：所跨年份的法定节假日安排尚未公布或载入，公布后将重新计算）' : ''}</p>` : ''}</div>
<h2>办理过程</h2><ol>${s.steps.map((st) => html`<li>${st.date ?? ''} ${st.label}</li>`)}</ol>
${s.letterAvailable ? letterForm(code, password) : ''}`);
    } catch (error) {
      if (error instanceof DomainError && ERROR_KINDS[error.kind].status < 500) return statusPage(ERROR_KINDS[error.kind].status, reply, statusForm(body, error.message));
      throw error;
    }
  });
}
