/**
 * The parser's cost: reports per second for text, HTML and PDF input (the fixtures; the PDF is the
 * seed report rendered by report/render) and for the constructed variants (text, Markdown, HTML),
 * and the time for 1,000 text reports made by varying the fixtures (agency names, years, separators,
 * figures in the prose), on one core.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { extractHtml } from '../src/report/parse/extract/html.ts';
import { parseReportBytes } from '../src/report/parse/parseFile.ts';
import { parseExtracted, parseReportText } from '../src/report/parse/parseReport.ts';
import { renderReport } from '../src/report/render/index.ts';
import { parseReportData } from '../src/report/validateReport.ts';

const fixture = (name: string) => readFileSync(new URL(`../test/fixtures/reports/${name}`, import.meta.url), 'utf8');

/**
 * Wall time, and CPU time (user + system of this process): on a shared machine the wall clock counts
 * other people's work too, so the rate per core is taken from the CPU time.
 */
interface Timing {
  wall: number;
  cpu: number;
}

function rate(label: string, n: number, t: Timing): string {
  return `parse ${label.padEnd(5)}: ${(t.wall / n).toFixed(2)} ms/report wall, ${((1000 * n) / t.wall).toFixed(1)} reports/s; ` +
    `${(t.cpu / n).toFixed(2)} ms CPU, ${((1000 * n) / t.cpu).toFixed(1)} reports/s per core (${n} runs)`;
}

async function time(n: number, fn: (i: number) => unknown): Promise<Timing> {
  await fn(0);
  const start = performance.now();
  const cpu = process.cpuUsage();
  for (let i = 0; i < n; i++) await fn(i);
  const used = process.cpuUsage(cpu);
  return { wall: performance.now() - start, cpu: (used.user + used.system) / 1000 };
}

/** The i-th variant of a fixture text: another agency, separators and prose figures changed. */
function variant(text: string, i: number): string {
  let out = text.replaceAll('国家信访局', `第${i}号机关`).replaceAll('平潭综合实验区', `第${i}号实验区`);
  if (i % 3 === 1) out = out.replaceAll('\t', '  ');
  if (i % 3 === 2) out = out.replaceAll('\t', ' | ');
  return out.replace(/(\d+)件/g, (_, d: string) => `${Number(d) + (i % 7)}件`);
}

export async function run(): Promise<string[]> {
  const lines: string[] = [];
  const texts = [fixture('seed-2020.txt'), fixture('pingtan-2022.txt')];
  const html = fixture('pingtan-zrzy-2023.html');

  lines.push(rate('text', 300, await time(300, (i) => parseReportText(texts[i % 2]!))));
  lines.push(rate('html', 200, await time(200, () => parseExtracted(extractHtml(html)))));

  // the constructed variants (test/fixtures/reports/variants): every layout the parser is tested on
  const variantDir = new URL('../test/fixtures/reports/variants/', import.meta.url);
  const variants = readdirSync(variantDir).filter((f) => /\.(txt|md|html?)$/.test(f) && f !== 'README.md').map((f) => ({ name: f, bytes: readFileSync(new URL(f, variantDir)) }));
  lines.push(rate('vars', 10 * variants.length, await time(10 * variants.length, (i) => parseReportBytes(variants[i % variants.length]!.bytes, variants[i % variants.length]!.name))));

  const seed = parseReportData(JSON.parse(fixture('seed-2020.expected.json')));
  const pdf = new Uint8Array(await renderReport(seed, 'pdf'));
  lines.push(rate('pdf', 40, await time(40, () => parseReportBytes(pdf, 'seed-2020.pdf'))));
  const full = parseReportData(JSON.parse(fixture('pingtan-zrzy-2023.expected.json')));
  const pdf2021 = new Uint8Array(await renderReport(full, 'pdf'));
  lines.push(rate('pdf21', 40, await time(40, () => parseReportBytes(pdf2021, 'pingtan-zrzy-2023.pdf'))));

  const corpus = Array.from({ length: 1000 }, (_, i) => variant(texts[i % 2]!, i));
  let failed = 0;
  const start = performance.now();
  for (const text of corpus) {
    try {
      parseReportText(text);
    } catch {
      failed++;
    }
  }
  const ms = performance.now() - start;
  lines.push(`1,000 text reports: ${(ms / 1000).toFixed(2)} s (${failed} failed)`);
  return lines;
}
