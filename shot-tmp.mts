import { launchBrowser, seriousAxeViolations } from './test/support/browser.ts';
import { readFileSync } from 'node:fs';
const base = 'http://' + readFileSync('/tmp/gkport', 'utf8').trim();
const b = await launchBrowser();
const pages: [string, string][] = [['home', '/'], ['agency', '/agencies/gjxfj'], ['guide', '/agencies/gjxfj/guide'], ['proactive', '/agencies/gjxfj/proactive?page=2'], ['empty', '/agencies/gjxfj/proactive?item=10'], ['system', '/agencies/gjxfj/system'], ['reports', '/agencies/gjxfj/reports'], ['report', '/agencies/gjxfj/reports/2020'], ['search', '/search?q=信访'], ['apply', '/agencies/gjxfj/apply'], ['status', '/status'], ['404', '/agencies/gjxfj/']];
for (const w of [1366, 390]) {
  const ctx = await b.browser.newContext({ viewport: { width: w, height: 900 } });
  const page = await ctx.newPage();
  for (const [name, url] of pages) {
    await page.goto(base + url);
    const v = await seriousAxeViolations(page);
    if (v.length) console.log(w, name, JSON.stringify(v.map((x) => [x.id, x.nodes.slice(0, 2)])));
    await page.screenshot({ path: `/tmp/shots/${name}-${w}.png`, fullPage: w === 390 ? false : true });
  }
  // document page
  await page.goto(base + '/agencies/gjxfj/proactive?item=1');
  await page.click('ul.doclist a');
  const v = await seriousAxeViolations(page);
  if (v.length) console.log(w, 'doc', JSON.stringify(v));
  await page.screenshot({ path: `/tmp/shots/doc-${w}.png`, fullPage: true });
  await ctx.close();
}
await b.close();
