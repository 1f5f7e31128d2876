/**
 * The staff console: the first-load size (gzip) of what /console/ loads before the workbench (index.html,
 * the entry chunk and its preloads, the CSS, the workbench route's chunks), and the time from opening
 * /console/ logged in until the workbench shows its cases, in Chromium.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchBrowser } from '../test/support/browser.ts';
import { startConsoleServer } from '../test/support/consoleServer.ts';

const DIST = path.resolve('console/dist');

function gz(file: string): number {
  return gzipSync(readFileSync(file), { level: 9 }).length;
}

export async function run(): Promise<string[]> {
  const server = await startConsoleServer();
  const tb = await launchBrowser();
  const lines: string[] = [];
  try {
    const context = await tb.browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    const loaded = new Set<string>();
    page.on('request', (r) => {
      const u = new URL(r.url());
      if (u.pathname.startsWith('/console/')) loaded.add(u.pathname);
    });
    await page.goto(`${server.origin}/console/`);
    await page.getByLabel('用户名').fill('clerk');
    await page.getByLabel('密码').fill(server.password);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByText('期限中止').first().waitFor();

    const files = [...loaded].map((p) => (p === '/console/' ? 'index.html' : p.replace('/console/', ''))).filter((f) => f !== 'favicon.svg');
    const bytes = files.map((f) => ({ f, size: gz(path.join(DIST, f)) }));
    const total = bytes.reduce((a, b) => a + b.size, 0);
    const entry = bytes.filter((b) => b.f === 'index.html' || /assets\/(index|rolldown-runtime)-/.test(b.f)).reduce((a, b) => a + b.size, 0);
    lines.push(`first load up to the workbench: ${(total / 1024).toFixed(0)} KB gzip in ${files.length} files (entry + CSS ${(entry / 1024).toFixed(0)} KB)`);

    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      await page.goto(`${server.origin}/console/`);
      // the counts arrive with the cases: the stopped-clock tab names the demo's 补正 case
      await page.getByRole('tab', { name: /期限中止（[1-9]/ }).waitFor();
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    lines.push(`time until the workbench shows its cases (logged in, warm cache): median ${times[2]?.toFixed(0)} ms, max ${times[4]?.toFixed(0)} ms`);
  } finally {
    await tb.close();
    await server.close();
  }
  return lines;
}
