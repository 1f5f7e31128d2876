/**
 * The standalone HTML report printed by Chromium (what an office gets from 打印 → 另存为 PDF): page numbers
 * from the @page margin boxes, odd pages at the right and even at the left; no heading left at the foot
 * of a page; a seven-digit roll-up with every figure on one line inside its cell.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { getDocumentProxy } from 'unpdf';
import { renderReportHtml } from '../../src/report/render/html.ts';
import { draftNarrative, withDraft } from '../../src/report/draft/draftNarrative.ts';
import { collectBrowserErrors, launchBrowser, seriousAxeViolations, type TestBrowser } from '../support/browser.ts';
import { fullReport2021, rollUpReport } from '../support/reportFixtures.ts';

interface Item {
  str: string;
  x: number;
  y: number;
  page: number;
}

async function printed(html: string): Promise<{ items: Item[]; pages: number }> {
  const page = await tb.browser.newPage();
  await page.setContent(html);
  const pdf = await page.pdf({ preferCSSPageSize: true });
  await page.close();
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const items: Item[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    for (const item of (await (await doc.getPage(p)).getTextContent()).items) {
      if ('str' in item && item.str.trim() !== '') items.push({ str: item.str.trim(), x: item.transform[4] as number, y: item.transform[5] as number, page: p });
    }
  }
  return { items, pages: doc.numPages };
}

let tb: TestBrowser;
before(async () => {
  tb = await launchBrowser();
});
after(async () => tb.close());

describe('the HTML report printed', () => {
  it('numbers odd pages at the right and even pages at the left, and leaves no heading at the foot of a page', async () => {
    const report = fullReport2021();
    const { items, pages } = await printed(renderReportHtml(withDraft(report, draftNarrative(report)), { standalone: true }));
    assert.ok(pages >= 2, `${pages} pages`);
    for (let p = 1; p <= pages; p++) {
      const number = items.find((i) => i.page === p && i.str.replace(/\s/g, '') === `—${p}—`);
      assert.ok(number, `no page number on page ${p}`);
      if (p % 2 === 1) assert.ok(number.x > 595 / 2, `page ${p}: number at x ${number.x}`);
      else assert.ok(number.x < 595 / 3, `page ${p}: number at x ${number.x}`);
    }
    // a section heading is followed on its page by what it heads
    for (const heading of items.filter((i) => /^[一二三四五六]、/.test(i.str))) {
      const below = items.filter((i) => i.page === heading.page && i.y < heading.y - 1 && !/^—/.test(i.str));
      assert.ok(below.length > 0, `${heading.str} stands alone at the foot of page ${heading.page}`);
    }
  });

  it('passes axe with no serious or critical violation, and logs no error', async () => {
    const report = fullReport2021();
    const page = await tb.browser.newPage();
    const errors = collectBrowserErrors(page);
    await page.setContent(renderReportHtml(withDraft(report, draftNarrative(report)), { standalone: true }));
    assert.deepEqual(await seriousAxeViolations(page), []);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('prints a seven-digit roll-up with every figure whole on one line', async () => {
    const report = rollUpReport();
    const { items } = await printed(renderReportHtml(report, { standalone: true }));
    const strings = new Set(items.map((i) => i.str));
    for (const figure of ['16790152', '15308668', '1481484', '4938280', '3950624']) assert.ok(strings.has(figure), `${figure} is not printed whole`);
  });
});
