/**
 * The portal's page frame: one accessible, printable layout (lang zh-CN, skip link, landmarks, visible
 * focus, no JavaScript). The header carries the site name and a search box; the footer and the page
 * tags (SiteName, SiteIDCode, ColumnName …, ArticleTitle, PubDate, ContentSource) come from the
 * installation settings (portal.md §1); unset items are left out.
 */
import { html, raw, type Raw } from './html.ts';
import { REPORT_CSS } from '../report/render/html.ts';
import { DEFAULT_SITE_SETTINGS, type SiteSettings } from '../catalogue/siteSettings.ts';

export const PORTAL_NAME = '政府信息公开';

const SANS = '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "SimHei", "Heiti SC", sans-serif';
const SERIF = '"Noto Serif CJK SC", "Source Han Serif SC", "SimSun", "Songti SC", "STSong", serif';

const CSS = `
:root { --ink: #1f1f1f; --muted: #575757; --red: #a8151b; --red-dark: #8a0f14; --blue: #1b4b8f; --line: #dcdcdc; --bg: #f7f7f7; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff; font: 16px/1.75 ${SANS}; display: flex; flex-direction: column; min-height: 100vh; }
a { color: #0b4aa2; } a:hover { color: var(--red); }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible, summary:focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; }
.skip { position: absolute; left: -9999px; } .skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem; z-index: 2; }
.wrap { max-width: 1180px; margin: 0 auto; padding: 0 1rem; }
header.site { background: linear-gradient(180deg, #b3161d 0%, var(--red) 60%, var(--red-dark) 100%); color: #fff; border-bottom: 4px solid #d9a441; }
header.site .wrap { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: .8rem 2rem; padding-top: 1.1rem; padding-bottom: 1.1rem; }
header.site .brand { color: #fff; text-decoration: none; font-family: ${SERIF}; font-weight: 700; font-size: 1.9rem; letter-spacing: .12em; line-height: 1.3; }
header.site .brand small { display: block; font-family: ${SANS}; font-weight: 400; font-size: .85rem; letter-spacing: .05em; opacity: .95; }
form.search { display: flex; gap: 0; flex: 0 1 26rem; min-width: 15rem; }
form.search input { flex: 1; min-width: 0; font: inherit; padding: .45rem .7rem; border: 1px solid #fff; border-radius: 3px 0 0 3px; }
form.search button { font: inherit; background: var(--blue); color: #fff; border: 1px solid #fff; border-left: 0; padding: .45rem 1.1rem; border-radius: 0 3px 3px 0; cursor: pointer; }
nav.main { background: var(--blue); } nav.main ul { list-style: none; display: flex; flex-wrap: wrap; margin: 0 auto; padding: 0 .5rem; max-width: 1180px; }
nav.main a { display: block; color: #fff; text-decoration: none; padding: .6rem 1.1rem; font-size: 1.05rem; } nav.main a:hover, nav.main a[aria-current="page"] { background: #0f3a75; color: #fff; }
nav.crumbs { font-size: .9rem; color: var(--muted); margin: 1rem 0; } nav.crumbs ol { list-style: none; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: .4rem; }
nav.crumbs li + li::before { content: "›"; margin-right: .4rem; }
/* the page between the menus grows, so the footer sits at the bottom of a short page */
.page { flex: 1 0 auto; width: 100%; box-sizing: border-box; }
h1 { font-family: ${SANS}; font-size: 1.65rem; margin: .5rem 0 1rem; color: #222; }
h2 { font-size: 1.25rem; } .article h1 { font-family: ${SERIF}; text-align: center; font-size: 1.8rem; color: #111; }
.columns { display: grid; grid-template-columns: repeat(auto-fit, minmax(17rem, 1fr)); gap: 1rem; margin: 1rem 0 1.5rem; }
.col-card { border: 1px solid var(--line); border-top: 3px solid var(--red); background: #fff; padding: 0 1rem 1rem; }
.col-card h2 { margin: .7rem 0 .4rem; font-size: 1.15rem; } .col-card h2 a { color: var(--red); text-decoration: none; } .col-card p { margin: .3rem 0; color: var(--muted); font-size: .95rem; }
.box-title { border-bottom: 2px solid var(--red); display: flex; justify-content: space-between; align-items: baseline; margin: 1.4rem 0 .6rem; }
.box-title h2 { margin: 0; padding: .2rem .8rem; background: var(--red); color: #fff; font-size: 1.05rem; font-weight: 600; }
ul.doclist { list-style: none; margin: 0; padding: 0; } ul.doclist li { display: flex; justify-content: space-between; gap: 1rem; border-bottom: 1px dashed var(--line); padding: .45rem .2rem; }
ul.doclist li .date { color: var(--muted); white-space: nowrap; font-variant-numeric: tabular-nums; }
ul.doclist li .meta { display: block; color: var(--muted); font-size: .85rem; }
.layout2 { display: grid; grid-template-columns: 15rem 1fr; gap: 1.5rem; } @media (max-width: 760px) { .layout2 { grid-template-columns: 1fr; } .layout2 > nav.side { order: 2; } }
nav.side { border: 1px solid var(--line); background: var(--bg); align-self: start; } nav.side h2 { margin: 0; padding: .5rem .8rem; background: var(--blue); color: #fff; font-size: 1rem; }
nav.side ul { list-style: none; margin: 0; padding: .3rem 0; } nav.side a { display: block; padding: .3rem .8rem; text-decoration: none; font-size: .95rem; } nav.side a[aria-current="page"] { background: #fff; color: var(--red); font-weight: 700; border-left: 3px solid var(--red); }
nav.side .n { color: var(--muted); font-size: .85rem; }
table.meta { width: 100%; border-collapse: collapse; background: var(--bg); margin: 1rem 0 1.5rem; font-size: .95rem; } table.meta th, table.meta td { border: 1px solid var(--line); padding: .45rem .7rem; text-align: left; vertical-align: top; } table.meta th { width: 7.5rem; white-space: nowrap; color: #333; background: #eef2f8; font-weight: 600; }
.article .body { font-family: ${SERIF}; font-size: 1.1rem; line-height: 2; } .article .body p { text-indent: 2em; margin: 0 0 .8em; }
.badge { display: inline-block; padding: 0 .45rem; border-radius: 3px; font-size: .8rem; border: 1px solid currentColor; margin-left: .4rem; vertical-align: 2px; } .badge.valid { color: #1d6b24; } .badge.invalid { color: #a8151b; }
mark { background: #fff1a8; color: inherit; padding: 0 .1em; }
.card { border: 1px solid var(--line); background: var(--bg); padding: 1rem 1.2rem; margin: 1rem 0; border-radius: 4px; }
.notice { border-left: 4px solid var(--red); background: #fff1f0; padding: .8rem 1rem; margin: 1rem 0; }
.ok { border-left: 4px solid #237804; background: #f6ffed; padding: .8rem 1rem; }
.empty { border: 1px dashed #b7b7b7; background: var(--bg); padding: 1rem; color: #444; }
form.filters { display: flex; flex-wrap: wrap; gap: .6rem 1rem; align-items: end; background: var(--bg); border: 1px solid var(--line); padding: .7rem 1rem; margin: .8rem 0; }
form.filters label { display: block; font-size: .85rem; color: var(--muted); } form.filters select, form.filters input { font: inherit; padding: .3rem .4rem; border: 1px solid #8c8c8c; border-radius: 3px; background: #fff; max-width: 100%; } form.filters > div { min-width: 0; max-width: 100%; }
form.filters button { font: inherit; background: var(--blue); color: #fff; border: 0; padding: .35rem 1.1rem; border-radius: 3px; cursor: pointer; }
nav.pager ul { list-style: none; display: flex; flex-wrap: wrap; gap: .4rem; padding: 0; margin: 1.2rem 0; } nav.pager a, nav.pager span { display: inline-block; min-width: 2.4rem; text-align: center; padding: .25rem .6rem; border: 1px solid var(--line); text-decoration: none; } nav.pager [aria-current="page"] { background: var(--blue); color: #fff; border-color: var(--blue); }
form.apply .field { margin: .9rem 0; } form.apply label { display: block; font-weight: 600; } .hint { color: var(--muted); font-size: .9rem; }
form.apply input, form.apply select, form.apply textarea { font: inherit; width: 100%; max-width: 36rem; padding: .45rem .6rem; border: 1px solid #8c8c8c; border-radius: 3px; background: #fff; }
form.apply textarea { min-height: 7rem; } .error { color: var(--red); font-weight: 600; } [aria-invalid="true"] { border-color: var(--red) !important; border-width: 2px !important; }
.req { color: var(--red); }
fieldset { border: 1px solid var(--line); margin: 1rem 0; padding: .5rem 1rem 1rem; } legend { font-weight: 700; padding: 0 .3rem; }
button.primary, form.apply button, .status-form button { font: inherit; background: var(--red); color: #fff; border: 0; padding: .6rem 1.6rem; border-radius: 3px; cursor: pointer; }
button.secondary, form.apply button.secondary { font: inherit; background: #fff; color: var(--red); border: 1px solid var(--red); padding: .5rem 1.2rem; border-radius: 3px; cursor: pointer; }
table.list { border-collapse: collapse; width: 100%; } table.list th, table.list td { border: 1px solid var(--line); padding: .4rem .6rem; text-align: left; } table.list th { background: #eef2f8; } table.list td:not(:first-child) a { white-space: nowrap; }
.code { font-family: ui-monospace, "SFMono-Regular", monospace; font-size: 1.2rem; letter-spacing: .05em; }
.guide h2 { border-left: 4px solid var(--red); padding-left: .6rem; margin-top: 1.6rem; } .guide dl { display: grid; grid-template-columns: max-content 1fr; gap: .3rem 1rem; } .guide dt { font-weight: 600; } .guide dd { margin: 0; }
footer.site { background: #f0f0f0; border-top: 3px solid var(--red); margin-top: 3rem; color: #333; font-size: .9rem; } footer.site .wrap { padding-top: 1.2rem; padding-bottom: 1.6rem; text-align: center; }
footer.site p { margin: .25rem 0; } footer.site a { color: #333; } footer.site .sep { margin: 0 .5rem; color: #999; }
@media (max-width: 600px) { header.site .brand { font-size: 1.45rem; } nav.main a { padding: .5rem .7rem; font-size: 1rem; } ul.doclist li { flex-direction: column; gap: 0; } .guide dl { grid-template-columns: 1fr; } form.filters > div.wide { flex: 1 1 100%; } form.filters > div.wide select, form.filters > div.wide input { width: 100%; } }
@media print { header.site form, nav.main, nav.crumbs, footer.site, .no-print, form.filters, nav.pager, nav.side { display: none; } header.site { background: none; color: #000; } header.site .brand { color: #000; } .layout2 { display: block; } }
${REPORT_CSS}
`;

export interface Crumb {
  label: string;
  href?: string;
}

export interface PageTags {
  /** column pages: ColumnName, ColumnDescription, ColumnKeywords, ColumnType */
  column?: { name: string; description: string; keywords: string; type: string };
  /** article pages: ArticleTitle, PubDate (YYYY-MM-DD HH:MM), ContentSource, Keywords, Description */
  article?: { title: string; pubDate: string; source: string; keywords?: string; description?: string };
}

export interface PageOptions {
  title: string;
  site?: SiteSettings;
  crumbs?: Crumb[];
  body: Raw;
  tags?: PageTags;
  /** the agency's Atom feed, linked as rel=alternate */
  feed?: { href: string; title: string };
  /** the agency the page belongs to: its search scope and navigation */
  agency?: { code: string; name: string };
  /** which main navigation entry is current */
  nav?: 'home' | 'gk' | 'apply' | 'status' | 'search';
  /** the search box's current query */
  query?: string;
  robots?: string;
}

function meta(name: string, content: string | undefined): Raw | string {
  return content === undefined || content === '' ? '' : html`<meta name="${name}" content="${content}">\n`;
}

export function page(options: PageOptions): string {
  const site = options.site ?? DEFAULT_SITE_SETTINGS;
  const crumbs = options.crumbs ?? [];
  const a = options.agency;
  const searchAction = a !== undefined ? `/agencies/${a.code}/search` : '/search';
  const cur = (n: PageOptions['nav']) => (options.nav === n ? raw(' aria-current="page"') : '');
  const t = options.tags ?? {};
  const psbDigits = /\d{14}/.exec(site.psb)?.[0];
  const footerLines: Raw[] = [];
  const parts1 = [site.sponsor ? html`主办单位：${site.sponsor}` : '', site.organizer ? html`承办单位：${site.organizer}` : ''].filter((x) => x !== '');
  if (parts1.length > 0) footerLines.push(html`<p>${parts1.map((p, i) => (i === 0 ? p : html`<span class="sep" aria-hidden="true">|</span>${p}`))}</p>`);
  const contact = [site.contactAddress ? html`地址：${site.contactAddress}` : '', site.contactPhone ? html`电话：${site.contactPhone}` : '', site.contactEmail ? html`邮箱：<a href="mailto:${site.contactEmail}">${site.contactEmail}</a>` : ''].filter((x) => x !== '');
  if (contact.length > 0) footerLines.push(html`<p>联系方式：${contact.map((p, i) => (i === 0 ? p : html`<span class="sep" aria-hidden="true">|</span>${p}`))}</p>`);
  const ids = [
    site.siteIdCode ? html`网站标识码：${site.siteIdCode}` : '',
    site.icp ? html`<a href="https://beian.miit.gov.cn/" rel="noopener">${site.icp}</a>` : '',
    site.psb && psbDigits ? html`<a href="http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=${psbDigits}" rel="noopener">${site.psb}</a>` : '',
  ].filter((x) => x !== '');
  if (ids.length > 0) footerLines.push(html`<p>${ids.map((p, i) => (i === 0 ? p : html`<span class="sep" aria-hidden="true">|</span>${p}`))}</p>`);
  footerLines.push(html`<p>${site.errorReportUrl ? html`<a href="${site.errorReportUrl}" rel="noopener">我为政府网站找错</a><span class="sep" aria-hidden="true">|</span>` : ''}<a href="/sitemap.xml">网站地图</a><span class="sep" aria-hidden="true">|</span>依据《中华人民共和国政府信息公开条例》公开。本网站不使用脚本，可直接打印。</p>`);
  return html`<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${options.title} - ${a !== undefined ? `${a.name} - ` : ''}${site.siteName}</title>
${meta('SiteName', site.siteName)}${meta('SiteDomain', site.siteDomain)}${meta('SiteIDCode', site.siteIdCode)}${t.column ? html`${meta('ColumnName', t.column.name)}${meta('ColumnDescription', t.column.description)}${meta('ColumnKeywords', t.column.keywords)}${meta('ColumnType', t.column.type)}` : ''}${t.article ? html`${meta('ArticleTitle', t.article.title)}${meta('PubDate', t.article.pubDate)}${meta('ContentSource', t.article.source)}${meta('Keywords', t.article.keywords)}${meta('Description', t.article.description)}` : ''}${meta('robots', options.robots)}${options.feed ? html`<link rel="alternate" type="application/atom+xml" title="${options.feed.title}" href="${options.feed.href}">\n` : ''}<style>${raw(CSS)}</style>
</head>
<body>
<a class="skip" href="#main">跳到正文</a>
<header class="site"><div class="wrap">
<a class="brand" href="${a !== undefined ? `/agencies/${a.code}` : '/'}">${a !== undefined ? a.name : site.siteName}<small>${a !== undefined ? '政府信息公开' : '政府信息公开平台'}</small></a>
<form class="search" role="search" method="get" action="${searchAction}"><label for="q" class="skip">搜索${a !== undefined ? a.name : '全站'}的政府信息</label><input id="q" name="q" type="search" maxlength="100" value="${options.query ?? ''}" placeholder="搜索标题、正文、文号、索引号"><button type="submit">搜索</button></form>
</div></header>
<nav class="main" aria-label="主导航"><ul>
<li><a href="/"${cur('home')}>首页</a></li>
${a !== undefined ? html`<li><a href="/agencies/${a.code}"${cur('gk')}>政府信息公开</a></li><li><a href="/agencies/${a.code}/apply"${cur('apply')}>依申请公开</a></li>` : ''}
<li><a href="/status"${cur('status')}>办理进度查询</a></li>
<li><a href="/search"${cur('search')}>全站搜索</a></li>
</ul></nav>
<div class="wrap page">
${crumbs.length > 0 ? html`<nav class="crumbs" aria-label="当前位置"><ol>${crumbs.map((c, i) => (c.href && i < crumbs.length - 1 ? html`<li><a href="${c.href}">${c.label}</a></li>` : html`<li aria-current="page">${c.label}</li>`))}</ol></nav>` : ''}
<main id="main" tabindex="-1">
${options.body}
</main>
</div>
<footer class="site"><div class="wrap">
${footerLines}
</div></footer>
</body>
</html>
`.__html;
}
