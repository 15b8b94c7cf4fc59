// `npm run bench`: every benchmark in turn (each its own process, its own output), then one table
// of the targets from their results (bench/results/*.json): the figure, the target, met or missed.
// Nothing fails on speed; a benchmark that crashes is reported and the rest still run.
// One benchmark alone: node bench/run.ts console scale (names as in BENCHES).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { summaryRows, type SummaryRow } from './summary.ts';

/** The benchmarks, in the order they run. */
const BENCHES = ['sla', 'sla-libraries', 'console', 'replay-flood', 'bundle', 'console-frames', 'scale', 'outage-burst'] as const;

const only = process.argv.slice(2);
const chosen = only.length === 0 ? BENCHES : BENCHES.filter((b) => only.includes(b));
const seconds: Record<string, number> = {};
const failed: string[] = [];
const start = performance.now();
for (const name of chosen) {
  console.log(`\n=== ${name} (bench/${name}.bench.ts) ===`);
  const t = performance.now();
  const run = spawnSync(process.execPath, [join(import.meta.dirname, `${name}.bench.ts`)], { stdio: 'inherit' });
  seconds[name] = Math.round((performance.now() - t) / 1000);
  if (run.status !== 0) failed.push(`${name} (exit ${run.status ?? run.signal})`);
}

const read = (name: string): unknown => {
  const file = join(import.meta.dirname, 'results', `${name}.json`);
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
};
const rows: SummaryRow[] = summaryRows(read);
const width = (k: keyof SummaryRow) => Math.max(k.length, ...rows.map((r) => r[k].length));
const columns: (keyof SummaryRow)[] = ['benchmark', 'measure', 'figure', 'target', 'verdict'];
const line = (cells: Record<keyof SummaryRow, string>) => `| ${columns.map((c) => cells[c].padEnd(width(c))).join(' | ')} |`;
console.log(`\n=== targets (${Math.round((performance.now() - start) / 1000)} s in all: ${chosen.map((n) => `${n} ${seconds[n]} s`).join(', ')}) ===`);
console.log(line({ benchmark: 'benchmark', measure: 'measure', figure: 'figure', target: 'target', verdict: 'verdict' }));
console.log(`|${columns.map((c) => '-'.repeat(width(c) + 2)).join('|')}|`);
for (const r of rows) console.log(line(r));
if (failed.length > 0) console.log(`\nbenchmarks that did not finish: ${failed.join(', ')}`);
