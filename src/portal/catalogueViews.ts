/** Pieces of the catalogue pages: document lists, the pager, filters, highlighting, the metadata block. */
import { ART20_ITEMS, VALIDITY, VALIDITY_LABELS } from '../law/catalogue.ts';
import type { DocumentView } from '../catalogue/documents.ts';
import type { LinkedDocument } from '../catalogue/queries.ts';
import { esc, html, raw, type Raw } from './html.ts';

/** `text` escaped, with every occurrence of a query word in `<mark>`. */
export function highlight(text: string, terms: readonly string[]): Raw {
  const words = [...new Set(terms.filter((t) => t.length > 0))].sort((a, b) => b.length - a.length).slice(0, 12);
  if (words.length === 0) return raw(esc(text));
  const re = new RegExp(`(${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`, 'giu');
  return raw(text.split(re).map((part, i) => (i % 2 === 1 ? `<mark>${esc(part)}</mark>` : esc(part))).join(''));
}

/** A short excerpt of `body` around the first query word. */
export function snippet(body: string, terms: readonly string[], length = 110): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  const lower = flat.toLowerCase();
  let at = -1;
  for (const t of terms) {
    const i = lower.indexOf(t.toLowerCase());
    if (i >= 0 && (at < 0 || i < at)) at = i;
  }
  const start = Math.max(0, at - 30);
  const out = flat.slice(start, start + length);
  return `${start > 0 ? '…' : ''}${out}${start + length < flat.length ? '…' : ''}`;
}

export function documentHref(d: { agencyCode: string; id: string }): string {
  return `/agencies/${d.agencyCode}/documents/${d.id}`;
}

export function validityBadge(d: DocumentView): Raw | string {
  if (d.kind !== 'rule' && d.kind !== 'normative' && d.validity === 'valid') return '';
  return html`<span class="badge ${d.validity === 'valid' ? 'valid' : 'invalid'}">${d.validityLabel}</span>`;
}

export function documentList(items: readonly DocumentView[], options: { terms?: readonly string[]; showAgency?: boolean; agencyNames?: ReadonlyMap<string, string> } = {}): Raw {
  const terms = options.terms ?? [];
  return html`<ul class="doclist">${items.map(
    (d) => html`<li><div><a href="${documentHref(d)}">${highlight(d.title, terms)}</a>${validityBadge(d)}<span class="meta">${d.docNumber ? html`${highlight(d.docNumber, terms)} · ` : ''}索引号 ${d.indexNumber} · ${d.publisher}${terms.length > 0 && d.body ? html`<br>${highlight(snippet(d.body, terms), terms)}` : ''}</span></div><span class="date">${d.publishedOn ?? ''}</span></li>`,
  )}</ul>`;
}

/** Page links keeping the other query parameters. */
export function pager(base: string, params: Record<string, string | number | undefined>, page: number, pages: number): Raw | string {
  if (pages <= 1) return '';
  const href = (p: number) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
    if (p > 1) q.set('page', String(p));
    const s = q.toString();
    return s === '' ? base : `${base}?${s}`;
  };
  const shown = new Set([1, pages, page - 2, page - 1, page, page + 1, page + 2].filter((p) => p >= 1 && p <= pages));
  const list = [...shown].sort((a, b) => a - b);
  const links: Raw[] = [];
  if (page > 1) links.push(html`<li><a href="${href(page - 1)}" rel="prev">上一页</a></li>`);
  list.forEach((p, i) => {
    if (i > 0 && p - list[i - 1]! > 1) links.push(html`<li><span aria-hidden="true">…</span></li>`);
    links.push(p === page ? html`<li><span aria-current="page">${p}</span></li>` : html`<li><a href="${href(p)}" aria-label="第${p}页">${p}</a></li>`);
  });
  if (page < pages) links.push(html`<li><a href="${href(page + 1)}" rel="next">下一页</a></li>`);
  return html`<nav class="pager" aria-label="分页"><ul>${links}</ul></nav>`;
}

export interface FilterValues {
  item?: string | undefined;
  topic?: string | undefined;
  year?: number | undefined;
  validity?: string | undefined;
  q?: string | undefined;
}

export function filterForm(action: string, values: FilterValues, options: { years: readonly number[]; topics: readonly string[]; showItem: boolean; showQuery: boolean; keepItem?: boolean }): Raw {
  const sel = (a: string | number | undefined, b: string | number) => (a !== undefined && String(a) === String(b) ? raw(' selected') : '');
  return html`<form class="filters" method="get" action="${action}" aria-label="筛选">
${options.showQuery ? html`<div class="wide"><label for="fq">关键词</label><input id="fq" name="q" type="search" maxlength="100" value="${values.q ?? ''}"></div>` : ''}
${options.keepItem && values.item ? html`<input type="hidden" name="item" value="${values.item}">` : ''}
${options.showItem ? html`<div class="wide"><label for="fi">类别（第二十条）</label><select id="fi" name="item"><option value="">全部</option>${ART20_ITEMS.map((i) => html`<option value="${i.id}"${sel(values.item, i.id)}>${i.numeral}${i.column}</option>`)}</select></div>` : ''}
<div><label for="ft">主题分类</label><select id="ft" name="topic"><option value="">全部</option>${options.topics.map((t) => html`<option${sel(values.topic, t)}>${t}</option>`)}</select></div>
<div><label for="fy">发布年份</label><select id="fy" name="year"><option value="">全部</option>${options.years.map((y) => html`<option value="${y}"${sel(values.year, y)}>${y}年</option>`)}</select></div>
<div><label for="fv">有效性</label><select id="fv" name="validity"><option value="">全部</option>${VALIDITY.map((v) => html`<option value="${v}"${sel(values.validity, v)}>${VALIDITY_LABELS[v]}</option>`)}</select></div>
<div><button type="submit">筛选</button></div>
</form>`;
}

export function metadataBlock(d: DocumentView): Raw {
  const row = (label: string, value: string | Raw) => html`<tr><th scope="row">${label}</th><td>${value}</td></tr>`;
  return html`<table class="meta" aria-label="文件信息"><tbody>
${row('索引号', d.indexNumber)}${row('名称', d.title)}${row('发布机构', d.publisher)}${d.docNumber ? row('发文字号', d.docNumber) : ''}
${row('成文日期', d.writtenOn)}${row('发布日期', d.publishedOn ?? '')}${row('主题分类', d.topic)}${row('类别', html`${d.itemLabel}（${d.kindLabel}）`)}
${row('有效性', html`${d.validityLabel}${d.validityChangedOn && d.validity !== 'valid' ? html`（${d.validityChangedOn}起）` : ''}`)}${row('公开方式', '主动公开')}
${d.keywords ? row('主题词', d.keywords) : ''}${d.summary ? row('内容概述', d.summary) : ''}
</tbody></table>`;
}

/** Body text: paragraphs at blank lines (or single line breaks); everything escaped. */
export function bodyText(body: string): Raw {
  const paras = body.split(/\n\s*\n|\r?\n/).map((p) => p.trim()).filter((p) => p !== '');
  return html`${paras.map((p) => html`<p>${p}</p>`)}`;
}

export function linkedList(title: string, docs: readonly LinkedDocument[], agencyCode: string): Raw | string {
  if (docs.length === 0) return '';
  return html`<section class="card" aria-label="${title}"><h2>${title}</h2><ul>${docs.map((d) => html`<li><a href="${documentHref({ agencyCode, id: d.id })}">${d.title}</a>（${d.publishedOn ?? ''}）</li>`)}</ul></section>`;
}
