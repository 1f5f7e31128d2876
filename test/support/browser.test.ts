import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { collectBrowserErrors, launchBrowser, seriousAxeViolations } from './browser.ts';
import type { TestBrowser } from './browser.ts';

// The browser helper itself: a page with an unlabelled input and no language fails axe, a good page passes.
let tb: TestBrowser;
const pages: Record<string, string> = {
  '/good': '<!doctype html><html lang="zh-CN"><head><title>好</title></head><body><main><h1>公开</h1><label>姓名<input name="n"></label></main></body></html>',
  '/bad': '<!doctype html><html><head><title>坏</title></head><body><input name="n"><img src="x.png"></body></html>',
};
const server = createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(pages[req.url ?? ''] ?? '');
});
let base = '';

before(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  tb = await launchBrowser();
});
after(async () => {
  await tb.close();
  server.closeAllConnections();
  server.close();
});

test('axe finds the serious violations of a bad page and none on a good one', async () => {
  const page = await tb.browser.newPage();
  const errors = collectBrowserErrors(page);
  await page.goto(`${base}/good`);
  assert.deepEqual(await seriousAxeViolations(page), []);
  await page.goto(`${base}/bad`);
  const ids = (await seriousAxeViolations(page)).map((v) => v.id).sort();
  assert.ok(ids.includes('image-alt') && ids.includes('label'), ids.join(','));
  assert.deepEqual(errors.filter((e) => !e.includes('x.png') && !e.includes('404')), []);
  await page.close();
});
