/**
 * The portal's page frame: one accessible, printable layout (lang zh-CN, skip link, landmarks, visible
 * focus, no JavaScript needed). Pages pass their title, breadcrumbs and body.
 */
import { html, raw, type Raw } from './html.ts';
import { REPORT_CSS } from '../report/render/html.ts';

export const PORTAL_NAME = '政府信息公开';

const CSS = `
:root { --ink: #1f1f1f; --muted: #595959; --accent: #a8071a; --line: #d9d9d9; --bg: #fafafa; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff; font: 16px/1.7 "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif; }
a { color: #0b4aa2; } a:focus, button:focus, input:focus, select:focus, textarea:focus { outline: 3px solid #ffbf47; outline-offset: 2px; }
.skip { position: absolute; left: -9999px; } .skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem; z-index: 2; }
header.site { background: var(--accent); color: #fff; } header.site .inner, main, footer .inner { max-width: 1100px; margin: 0 auto; padding: 0 1rem; }
header.site .inner { display: flex; flex-wrap: wrap; align-items: baseline; gap: 1.5rem; padding-top: .8rem; padding-bottom: .8rem; }
header.site a { color: #fff; text-decoration: none; } header.site .brand { font-size: 1.4rem; font-weight: 700; }
header.site nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: 1.2rem; margin: 0; padding: 0; }
nav.crumbs { font-size: .9rem; color: var(--muted); margin: 1rem 0; } nav.crumbs ol { list-style: none; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: .4rem; }
nav.crumbs li + li::before { content: "›"; margin-right: .4rem; }
h1 { font-size: 1.6rem; margin: .5rem 0 1rem; }
.card { border: 1px solid var(--line); background: var(--bg); padding: 1rem 1.2rem; margin: 1rem 0; border-radius: 4px; }
.notice { border-left: 4px solid var(--accent); background: #fff1f0; padding: .8rem 1rem; }
.ok { border-left: 4px solid #237804; background: #f6ffed; padding: .8rem 1rem; }
form .field { margin: .9rem 0; } form label { display: block; font-weight: 600; } form .hint { color: var(--muted); font-size: .9rem; }
form input, form select, form textarea { font: inherit; width: 100%; max-width: 36rem; padding: .45rem .6rem; border: 1px solid #8c8c8c; border-radius: 3px; }
form textarea { min-height: 7rem; } form .error { color: var(--accent); font-weight: 600; } form [aria-invalid="true"] { border-color: var(--accent); border-width: 2px; }
fieldset { border: 1px solid var(--line); margin: 1rem 0; padding: .5rem 1rem 1rem; } legend { font-weight: 700; padding: 0 .3rem; }
button { font: inherit; background: var(--accent); color: #fff; border: 0; padding: .6rem 1.6rem; border-radius: 3px; cursor: pointer; }
table.list { border-collapse: collapse; width: 100%; } table.list th, table.list td { border: 1px solid var(--line); padding: .4rem .6rem; text-align: left; }
.code { font-family: ui-monospace, "SFMono-Regular", monospace; font-size: 1.2rem; letter-spacing: .05em; }
footer { border-top: 1px solid var(--line); margin-top: 3rem; color: var(--muted); font-size: .9rem; } footer .inner { padding-top: 1rem; padding-bottom: 2rem; }
@media print { header.site nav, nav.crumbs, footer, .no-print { display: none; } header.site { background: none; color: #000; } header.site a { color: #000; } }
${REPORT_CSS}
`;

export interface Crumb {
  label: string;
  href?: string;
}

export function page(options: { title: string; crumbs?: Crumb[]; body: Raw }): string {
  const crumbs = options.crumbs ?? [];
  return html`<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title} - ${PORTAL_NAME}</title>
<style>${raw(CSS)}</style>
</head>
<body>
<a class="skip" href="#main">跳到正文</a>
<header class="site"><div class="inner">
<a class="brand" href="/">${PORTAL_NAME}</a>
<nav aria-label="主导航"><ul>
<li><a href="/">机关列表</a></li>
<li><a href="/status">申请办理进度查询</a></li>
</ul></nav>
</div></header>
<main id="main">
${crumbs.length > 0 ? html`<nav class="crumbs" aria-label="当前位置"><ol>${crumbs.map((c, i) => (c.href && i < crumbs.length - 1 ? html`<li><a href="${c.href}">${c.label}</a></li>` : html`<li aria-current="page">${c.label}</li>`))}</ol></nav>` : ''}
${options.body}
</main>
<footer><div class="inner">依据《中华人民共和国政府信息公开条例》公开。本页面不使用脚本，可直接打印。</div></footer>
</body>
</html>
`.__html;
}
