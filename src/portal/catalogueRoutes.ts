/**
 * The 政府信息公开 pages of an agency (国办公开办函〔2019〕61号): the home with the four columns and the
 * 依申请公开 entry, the generated 指南, 制度, 法定主动公开内容 by Art. 20 item with filters and paging, the
 * document page with its metadata block, the reports list, search (per agency and installation-wide),
 * the Atom feed and the sitemap. A column with nothing in it says why.
 */
import { controlCharactersAsSpaces } from '../shared/text.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { findAgencyByCode, listAgencies, type AgencyRow } from '../agencies/agencies.ts';
import { currentGuide } from '../catalogue/guide.ts';
import { loadDocument, toDocumentView } from '../catalogue/documents.ts';
import type { DocumentView } from '../catalogue/documents.ts';
import { DocumentNotFoundError } from '../catalogue/errors.ts';
import { countByItem, documentAttachments, interpretationLinks, listDocuments, listTopics, listYears, searchDocuments } from '../catalogue/queries.ts';
import { getSiteSettings } from '../catalogue/siteSettings.ts';
import type { Db } from '../db/open.ts';
import { ART20_ITEMS, EMPTY_COLUMN_NOTE, isArt20Item, isValidity, platformColumn, reportTitle } from '../law/index.ts';
import type { FileStore } from '../requests/fileStore.ts';
import { bodyText, documentHref, documentList, filterForm, linkedList, metadataBlock, pager } from './catalogueViews.ts';
import type { FilterValues } from './catalogueViews.ts';
import { esc, html, type Raw } from './html.ts';
import { page, type PageOptions } from './layout.ts';
import { listPublishedReports } from './publishedReports.ts';

export interface CatalogueRouteOptions {
  db: Db;
  files?: FileStore | undefined;
  notFound: (req: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply>;
}

type Query = Record<string, unknown>;

const one = (q: Query, k: string): string | undefined => {
  const v = q[k];
  const s = Array.isArray(v) ? v[0] : v;
  return typeof s === 'string' && s.trim() !== '' ? s.trim() : undefined;
};

/** Filters from the query string; values that are not allowed are ignored (a list, never an error). */
export function readFilters(q: Query): FilterValues & { page: number } {
  const year = Number(one(q, 'year'));
  const pageNo = Number(one(q, 'page'));
  const item = one(q, 'item');
  const validity = one(q, 'validity');
  const topic = one(q, 'topic');
  return {
    item: isArt20Item(item) ? item : undefined,
    validity: isValidity(validity) ? validity : undefined,
    topic: topic !== undefined && topic.length <= 60 ? topic : undefined,
    year: Number.isInteger(year) && year >= 1949 && year <= 2200 ? year : undefined,
    q: (() => {
      const v = q['q'];
      const s = Array.isArray(v) ? v[0] : v;
      return typeof s === 'string' ? controlCharactersAsSpaces(s.slice(0, 100)) : undefined;
    })(),
    page: Number.isInteger(pageNo) && pageNo >= 1 && pageNo <= 100_000 ? pageNo : 1,
  };
}

const send = (reply: FastifyReply, body: string, type = 'text/html; charset=utf-8') => reply.status(200).type(type).send(body);

function pubDate(d: DocumentView): string {
  return `${d.publishedOn ?? d.writtenOn} 00:00`;
}

export async function catalogueRoutes(app: FastifyInstance, opts: CatalogueRouteOptions): Promise<void> {
  const { db } = opts;
  const agencyOr404 = async (code: string): Promise<AgencyRow | undefined> => (/^[a-z0-9][a-z0-9_-]{1,31}$/.test(code) ? findAgencyByCode(db, code) : undefined);
  const base = async (agency: AgencyRow): Promise<Pick<PageOptions, 'site' | 'agency' | 'feed'>> => ({
    site: await getSiteSettings(db),
    agency: { code: agency.code, name: agency.name },
    feed: { href: `/agencies/${agency.code}/feed.atom`, title: `${agency.name}政府信息公开` },
  });
  const gkCrumbs = (agency: AgencyRow) => [
    { label: '首页', href: '/' },
    { label: agency.name, href: `/agencies/${agency.code}` },
  ];
  const columnTags = (agency: AgencyRow, id: Parameters<typeof platformColumn>[0], description: string) => {
    const c = platformColumn(id);
    return { column: { name: c.label, description, keywords: `${agency.name},${c.label},政府信息公开`, type: c.columnType } };
  };

  // ---- the agency home: the four columns, the newest documents, the application entry
  app.get<{ Params: { code: string } }>('/agencies/:code', { config: { portalCache: true } }, async (req, reply) => {
    const agency = await agencyOr404(req.params.code);
    if (!agency) return opts.notFound(req, reply);
    const [latest, system, reports, guide] = await Promise.all([
      listDocuments(db, { agencyId: agency.id, column: 'proactive', pageSize: 8 }),
      listDocuments(db, { agencyId: agency.id, column: 'system', pageSize: 5 }),
      listPublishedReports(db, agency.id),
      currentGuide(db, agency.id, agency.name),
    ]);
    const b = await base(agency);
    const card = (id: Parameters<typeof platformColumn>[0], href: string, text: Raw | string) => html`<section class="col-card" aria-labelledby="c-${id}"><h2 id="c-${id}"><a href="${href}">${platformColumn(id).label}</a></h2><p>${text}</p></section>`;
    return send(reply, page({
      ...b,
      title: '政府信息公开',
      nav: 'gk',
      crumbs: gkCrumbs(agency),
      tags: { column: { name: '政府信息公开', description: `${agency.name}政府信息公开平台：指南、制度、法定主动公开内容、年度报告和依申请公开`, keywords: `${agency.name},政府信息公开`, type: '信息公开目录' } },
      body: html`<h1>${agency.name}政府信息公开</h1>
<div class="columns">
${card('guide', `/agencies/${agency.code}/guide`, html`信息分类与编排、获取方式、工作机构联系方式、申请渠道${guide.revisedOn ? html`（${guide.revisedOn}修订）` : ''}`)}
${card('system', `/agencies/${agency.code}/system`, `本机关政府信息公开工作的规定与制度（${system.total}件）`)}
${card('proactive', `/agencies/${agency.code}/proactive`, `按《条例》第二十条分类的主动公开内容（${latest.total}件）`)}
${card('reports', `/agencies/${agency.code}/reports`, reports.length > 0 ? `${reports.length}个年度，最新：${reports[0]!.year}年` : '暂无已发布的年度报告')}
</div>
<section class="col-card" aria-labelledby="c-apply"><h2 id="c-apply"><a href="/agencies/${agency.code}/apply">依申请公开</a></h2><p>公民、法人或者其他组织可以向本机关申请获取政府信息。<a href="/agencies/${agency.code}/apply">在线提交申请</a> · <a href="/status">查询办理进度</a> · <a href="/agencies/${agency.code}/guide#apply">申请渠道与须知</a></p></section>
<div class="box-title"><h2>最新主动公开</h2><a href="/agencies/${agency.code}/proactive">更多</a></div>
${latest.items.length > 0 ? documentList(latest.items) : html`<p class="empty">${guide.settings.emptyColumnNote || EMPTY_COLUMN_NOTE}</p>`}
<div class="box-title"><h2>政府信息公开制度</h2><a href="/agencies/${agency.code}/system">更多</a></div>
${system.items.length > 0 ? documentList(system.items) : html`<p class="empty">本机关的政府信息公开制度尚未在本平台发布。</p>`}`,
    }));
  });

  // ---- 指南
  app.get<{ Params: { code: string } }>('/agencies/:code/guide', { config: { portalCache: true } }, async (req, reply) => {
    const agency = await agencyOr404(req.params.code);
    if (!agency) return opts.notFound(req, reply);
    const [guide, counts] = await Promise.all([currentGuide(db, agency.id, agency.name), countByItem(db, agency.id)]);
    const g = guide.settings;
    // Art. 12's elements are always listed; one not set yet says so instead of disappearing.
    const dd = (label: string, value: string, href?: string, always = true) => (value === '' && !always ? '' : html`<dt>${label}</dt><dd>${value === '' ? '（本机关尚未设置）' : href ? html`<a href="${href}">${value}</a>` : value}</dd>`);
    return send(reply, page({
      ...(await base(agency)),
      title: platformColumn('guide').label,
      nav: 'gk',
      crumbs: [...gkCrumbs(agency), { label: platformColumn('guide').label }],
      tags: columnTags(agency, 'guide', `${agency.name}政府信息公开指南`),
      body: html`<article class="guide"><h1>${agency.name}政府信息公开指南</h1>
<p class="hint">${guide.revisedOn ? `本指南于${guide.revisedOn}修订（第${guide.version}版）。` : '本指南依据本机关设置生成，尚未修订。'}</p>
<p>${g.introduction}</p>
<h2>一、主动公开</h2>
<h3>（一）公开范围与分类</h3>
<p>本机关依照《中华人民共和国政府信息公开条例》第十九条至第二十一条主动公开政府信息。本平台设“政府信息公开指南”“政府信息公开制度”“法定主动公开内容”“政府信息公开工作年度报告”四个栏目。法定主动公开内容按《条例》第二十条分为以下类别：</p>
<ul>${ART20_ITEMS.map((i) => html`<li><a href="/agencies/${agency.code}/proactive?item=${i.id}">${i.numeral}${i.column}</a>：${i.text}（${counts.get(i.id) ?? 0}件）</li>`)}</ul>
<h3>（二）编排体系</h3>
<p>每条信息编有索引号（格式为“机关代码/年份-顺序号”，在本机关内唯一），并载明名称、发布机构、发文字号、成文日期、发布日期、主题分类、有效性和内容概述。各类别内按发布日期由近及远排列，可按主题分类、年份和有效性筛选，并可全文检索。</p>
<h3>（三）获取方式</h3>
<p>${g.howToObtain}</p>
<p>主动公开的政府信息应当自该政府信息形成或者变更之日起20个工作日内予以公开。</p>
<h2 id="apply">二、依申请公开</h2>
<h3>（一）受理机构</h3>
<dl>${dd('机构名称', g.officeName)}${dd('办公地址', g.address)}${dd('邮政编码', g.postalCode, undefined, false)}${dd('办公时间', g.hours)}${dd('联系电话', g.phone)}${dd('传真号码', g.fax)}${dd('电子邮箱', g.email, g.email ? `mailto:${g.email}` : undefined, false)}${dd('互联网联系方式', g.website)}</dl>
<h3>（二）申请渠道</h3>
<ol>${g.channels.map((c) => html`<li><strong>${c.name}</strong>：${c.how}${c.name === '在线申请' ? html`（<a href="/agencies/${agency.code}/apply">进入在线申请</a>）` : ''}</li>`)}</ol>
<h3>（三）申请内容</h3>
<p>申请应当包括：申请人的姓名或者名称、身份证明、联系方式；申请公开的政府信息的名称、文号或者便于行政机关查询的其他特征性描述；申请公开的政府信息的形式要求，包括获取信息的方式、途径（《条例》第二十九条）。</p>
<h3>（四）办理与答复</h3>
<p>${g.handling}</p>
<h2>三、监督与救济</h2>
<p>${g.remedies}</p>
</article>`,
    }));
  });

  // ---- a list column (制度 or 法定主动公开内容)
  const listColumn = async (req: FastifyRequest<{ Params: { code: string }; Querystring: Query }>, reply: FastifyReply, column: 'system' | 'proactive') => {
    const agency = await agencyOr404(req.params.code);
    if (!agency) return opts.notFound(req, reply);
    const f = readFilters(req.query ?? {});
    const item = column === 'proactive' ? f.item : undefined;
    const [result, topics, years, counts, guide] = await Promise.all([
      listDocuments(db, { agencyId: agency.id, column, item, topic: f.topic, year: f.year, validity: f.validity, page: f.page, pageSize: 20 }),
      listTopics(db, agency.id),
      listYears(db, agency.id),
      countByItem(db, agency.id),
      currentGuide(db, agency.id, agency.name),
    ]);
    const col = platformColumn(column);
    const itemDef = item !== undefined ? ART20_ITEMS.find((i) => i.id === item) : undefined;
    const heading = itemDef ? `${itemDef.numeral}${itemDef.column}` : col.label;
    const filtered = f.topic !== undefined || f.year !== undefined || f.validity !== undefined;
    const href = `/agencies/${agency.code}/${column}`;
    const side =
      column === 'proactive'
        ? html`<nav class="side" aria-label="法定主动公开内容类别"><h2>法定主动公开内容</h2><ul><li><a href="${href}"${item === undefined ? html` aria-current="page"` : ''}>全部</a></li>${ART20_ITEMS.map((i) => html`<li><a href="${href}?item=${i.id}"${item === i.id ? html` aria-current="page"` : ''}>${i.numeral}${i.column} <span class="n">(${counts.get(i.id) ?? 0})</span></a></li>`)}</ul></nav>`
        : html`<nav class="side" aria-label="政府信息公开栏目"><h2>政府信息公开</h2><ul><li><a href="/agencies/${agency.code}/guide">政府信息公开指南</a></li><li><a href="${href}" aria-current="page">政府信息公开制度</a></li><li><a href="/agencies/${agency.code}/proactive">法定主动公开内容</a></li><li><a href="/agencies/${agency.code}/reports">政府信息公开工作年度报告</a></li></ul></nav>`;
    const emptyText = filtered ? '没有符合筛选条件的信息，请调整筛选条件。' : column === 'system' ? '本机关的政府信息公开制度尚未在本平台发布。' : guide.settings.emptyColumnNote || EMPTY_COLUMN_NOTE;
    return send(reply, page({
      ...(await base(agency)),
      title: heading,
      nav: 'gk',
      crumbs: [...gkCrumbs(agency), ...(itemDef ? [{ label: col.label, href }, { label: heading }] : [{ label: col.label }])],
      tags: { column: { name: heading, description: itemDef ? itemDef.text : `${agency.name}${col.label}`, keywords: `${agency.name},${heading}`, type: column === 'system' ? '政策文件' : col.columnType } },
      body: html`<div class="layout2">${side}<div>
<h1>${heading}</h1>${itemDef ? html`<p class="hint">《条例》第二十条第${itemDef.numeral}项：${itemDef.text}</p>` : ''}
${filterForm(href, f, { years, topics, showItem: false, showQuery: false, keepItem: true })}
<p class="hint" role="status">共 ${result.total} 条${result.pages > 1 ? `，第 ${result.page}/${result.pages} 页` : ''}</p>
${result.items.length > 0 ? documentList(result.items) : html`<p class="empty">${emptyText}</p>`}
${pager(href, { item, topic: f.topic, year: f.year, validity: f.validity }, result.page, result.pages)}
</div></div>`,
    }));
  };
  app.get<{ Params: { code: string }; Querystring: Query }>('/agencies/:code/system', { config: { portalCache: true } }, (req, reply) => listColumn(req, reply, 'system'));
  app.get<{ Params: { code: string }; Querystring: Query }>('/agencies/:code/proactive', { config: { portalCache: true } }, (req, reply) => listColumn(req, reply, 'proactive'));

  // ---- the document page
  app.get<{ Params: { code: string; id: string } }>('/agencies/:code/documents/:id', { config: { portalCache: true } }, async (req, reply) => {
    const agency = await agencyOr404(req.params.code);
    if (!agency) return opts.notFound(req, reply);
    let found;
    try {
      found = await loadDocument(db, 'public', req.params.id);
    } catch (err) {
      if (err instanceof DocumentNotFoundError) return opts.notFound(req, reply);
      throw err;
    }
    if (found.agencyCode !== agency.code) return opts.notFound(req, reply);
    const d = toDocumentView(found.doc, found.agencyCode);
    const [links, files] = await Promise.all([interpretationLinks(db, d.id, true), documentAttachments(db, [d.id])]);
    const col = platformColumn(d.column === 'system' ? 'system' : 'proactive');
    const colHref = `/agencies/${agency.code}/${d.column === 'system' ? 'system' : 'proactive'}`;
    return send(reply, page({
      ...(await base(agency)),
      title: d.title,
      nav: 'gk',
      crumbs: [...gkCrumbs(agency), { label: col.label, href: colHref }, { label: d.title }],
      tags: { article: { title: d.title, pubDate: pubDate(d), source: d.publisher, keywords: d.keywords, description: d.summary } },
      body: html`<article class="article">
${metadataBlock(d)}
<h1>${d.title}</h1>${d.docNumber ? html`<p style="text-align:center">${d.docNumber}</p>` : ''}
${d.validity !== 'valid' ? html`<p class="notice">本文件${d.validityLabel}${d.validityChangedOn ? `（${d.validityChangedOn}）` : ''}，仅供查阅。</p>` : ''}
<div class="body">${bodyText(d.body)}</div>
${files.length > 0 ? html`<section class="card" aria-label="附件"><h2>附件</h2><ul>${files.map((a) => html`<li><a href="/agencies/${agency.code}/documents/${d.id}/attachments/${a.id}" download>${a.filename}</a>（${(a.size / 1024).toFixed(0)} KB）</li>`)}</ul></section>` : ''}
${linkedList('政策解读', links.interpretations, agency.code)}${linkedList('被解读文件', links.interprets, agency.code)}
<p class="no-print"><a href="${colHref}">返回${col.label}</a></p>
</article>`,
    }));
  });

  app.get<{ Params: { code: string; id: string; attachmentId: string } }>('/agencies/:code/documents/:id/attachments/:attachmentId', async (req, reply) => {
    const agency = await agencyOr404(req.params.code);
    if (!agency || opts.files === undefined) return opts.notFound(req, reply);
    try {
      const found = await loadDocument(db, 'public', req.params.id);
      if (found.agencyCode !== agency.code) return opts.notFound(req, reply);
    } catch (err) {
      if (err instanceof DocumentNotFoundError) return opts.notFound(req, reply);
      throw err;
    }
    const a = (await documentAttachments(db, [req.params.id])).find((x) => x.id === req.params.attachmentId);
    if (a === undefined) return opts.notFound(req, reply);
    return reply
      .type(a.mediaType)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(a.filename)}`)
      .header('x-content-type-options', 'nosniff')
      .send(await opts.files.get(a.sha256));
  });

  // ---- every year's annual report
  app.get<{ Params: { code: string } }>('/agencies/:code/reports', { config: { portalCache: true } }, async (req, reply) => {
    const agency = await agencyOr404(req.params.code);
    if (!agency) return opts.notFound(req, reply);
    const reports = await listPublishedReports(db, agency.id);
    const label = platformColumn('reports').label;
    return send(reply, page({
      ...(await base(agency)),
      title: label,
      nav: 'gk',
      crumbs: [...gkCrumbs(agency), { label }],
      tags: columnTags(agency, 'reports', `${agency.name}历年政府信息公开工作年度报告`),
      body: html`<h1>${label}</h1>
${reports.length === 0 ? html`<p class="empty">本机关尚未发布政府信息公开工作年度报告。年度报告于每年1月31日前（县级以上人民政府为3月31日前）公布。</p>` : html`<ul class="doclist">${reports.map((r) => html`<li><a href="/agencies/${agency.code}/reports/${r.year}">${reportTitle(agency.name, r.year)}</a><span class="date">${r.publishedAt}</span></li>`)}</ul>`}`,
    }));
  });

  // ---- search
  const searchPage = async (req: FastifyRequest<{ Querystring: Query }>, reply: FastifyReply, agency: AgencyRow | undefined) => {
    const f = readFilters(req.query ?? {});
    const q = (f.q ?? '').trim();
    const action = agency ? `/agencies/${agency.code}/search` : '/search';
    const [result, topics, years] = await Promise.all([
      q === '' ? undefined : searchDocuments(db, q, { agencyId: agency?.id, item: f.item, topic: f.topic, year: f.year, validity: f.validity, page: f.page, pageSize: 20 }),
      agency ? listTopics(db, agency.id) : Promise.resolve([] as string[]),
      listYears(db, agency?.id),
    ]);
    const site = await getSiteSettings(db);
    const heading = q === '' ? '搜索' : `“${q}”的搜索结果`;
    return send(reply, page({
      site,
      ...(agency ? { agency: { code: agency.code, name: agency.name }, feed: { href: `/agencies/${agency.code}/feed.atom`, title: `${agency.name}政府信息公开` } } : {}),
      title: heading,
      nav: agency ? 'gk' : 'search',
      query: q,
      robots: 'noindex',
      crumbs: agency ? [...gkCrumbs(agency), { label: '搜索' }] : [{ label: '首页', href: '/' }, { label: '搜索' }],
      body: html`<h1>${heading}</h1>
<p class="hint">${agency ? `在${agency.name}` : '在全站'}的主动公开信息中检索标题、正文、发文字号、索引号和主题分类；两个字即可检索，例如“信访”。</p>
${filterForm(action, f, { years, topics, showItem: true, showQuery: true })}
${result === undefined ? html`<p>请输入要搜索的词语。</p>` : html`<p class="hint" role="status">共找到 ${result.total} 条${result.pages > 1 ? `，第 ${result.page}/${result.pages} 页` : ''}</p>
${result.items.length > 0 ? documentList(result.items, { terms: [...result.terms, q] }) : html`<p class="empty">没有找到与“${q}”相关的信息。请换用其他词语，或减少筛选条件。</p>`}
${pager(action, { q, item: f.item, topic: f.topic, year: f.year, validity: f.validity }, result.page, result.pages)}`}`,
    }));
  };
  app.get<{ Querystring: Query }>('/search', { config: { portalCache: true, searchText: true } }, (req, reply) => searchPage(req, reply, undefined));
  app.get<{ Params: { code: string }; Querystring: Query }>('/agencies/:code/search', { config: { portalCache: true, searchText: true } }, async (req, reply) => {
    const agency = await agencyOr404(req.params.code);
    if (!agency) return opts.notFound(req, reply);
    return searchPage(req, reply, agency);
  });

  // ---- Atom feed per agency, sitemap
  app.get<{ Params: { code: string } }>('/agencies/:code/feed.atom', { config: { portalCache: true } }, async (req, reply) => {
    const agency = await agencyOr404(req.params.code);
    if (!agency) return opts.notFound(req, reply);
    const docs = await listDocuments(db, { agencyId: agency.id, pageSize: 50 });
    const origin = siteOrigin(req);
    const updated = docs.items[0]?.updatedAt ? new Date(docs.items[0].updatedAt).toISOString() : new Date(0).toISOString();
    const x = (s: string) => esc(s);
    const entries = docs.items.map((d) => `<entry><title>${x(d.title)}</title><id>${x(origin + documentHref(d))}</id><link rel="alternate" type="text/html" href="${x(origin + documentHref(d))}"/><published>${d.publishedOn}T00:00:00+08:00</published><updated>${new Date(d.updatedAt).toISOString()}</updated><author><name>${x(d.publisher)}</name></author><summary>${x(d.summary || d.title)}</summary></entry>`);
    return send(reply, `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN"><title>${x(agency.name)}政府信息公开</title><id>${x(`${origin}/agencies/${agency.code}`)}</id><link rel="self" href="${x(`${origin}/agencies/${agency.code}/feed.atom`)}"/><link rel="alternate" type="text/html" href="${x(`${origin}/agencies/${agency.code}`)}"/><updated>${updated}</updated>${entries.join('')}</feed>\n`, 'application/atom+xml; charset=utf-8');
  });

  app.get('/sitemap.xml', { config: { portalCache: true } }, async (req, reply) => {
    const origin = siteOrigin(req);
    const urls: string[] = [`${origin}/`];
    for (const a of await listAgencies(db, '/')) {
      for (const p of ['', '/guide', '/system', '/proactive', '/reports']) urls.push(`${origin}/agencies/${a.code}${p}`);
      const agency = await findAgencyByCode(db, a.code);
      if (!agency) continue;
      for (const r of await listPublishedReports(db, agency.id)) urls.push(`${origin}/agencies/${a.code}/reports/${r.year}`);
      for (let p = 1; ; p++) {
        const docs = await listDocuments(db, { agencyId: agency.id, page: p, pageSize: 100 });
        for (const d of docs.items) urls.push(origin + documentHref(d));
        if (p >= docs.pages || urls.length > 45_000) break;
      }
    }
    return send(reply, `<?xml version="1.0" encoding="utf-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls.map((u) => `<url><loc>${esc(u)}</loc></url>`).join('')}</urlset>\n`, 'application/xml; charset=utf-8');
  });
}

/** The origin for absolute URLs in feeds: the site domain when set, else the request's host. */
function siteOrigin(req: FastifyRequest): string {
  const host = typeof req.headers.host === 'string' && /^[a-zA-Z0-9.:[\]-]+$/.test(req.headers.host) ? req.headers.host : 'localhost';
  return `${req.protocol}://${host}`;
}
