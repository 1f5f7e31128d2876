import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseReportData } from '../../src/report/validateReport.ts';
import type { ReportData } from '../../src/report/reportData.ts';

/** Absolute path of a file under test/fixtures/. */
export function fixturePath(relative: string): string {
  return fileURLToPath(new URL(`../fixtures/${relative}`, import.meta.url));
}

export function readFixtureJson(relative: string): unknown {
  return JSON.parse(readFileSync(fixturePath(relative), 'utf8'));
}

/** The seed's figures (国家信访局 2020), validated and completed. */
export function seedReport(): ReportData {
  return parseReportData(readFixtureJson('reports/seed-2020.expected.json'));
}

type JsonObject = Record<string, unknown>;

/** Set (or with `undefined`, delete) a value at a dotted path inside a JSON document; row ids keep their dot. */
export function setPath(doc: unknown, path: string[], value: unknown): void {
  let node = doc as JsonObject;
  for (const key of path.slice(0, -1)) node = node[key] as JsonObject;
  const last = path[path.length - 1]!;
  if (value === undefined) delete node[last];
  else node[last] = value;
}
