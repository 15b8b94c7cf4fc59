/** The one table `npm run bench` ends with (bench/summary.ts): each target from its result file. */
import { describe, expect, it } from 'vitest';
import { summaryRows } from '../../../bench/summary.ts';

describe('summaryRows', () => {
  it('says met or MISSED against each target, and "not run" for a benchmark without results', () => {
    const results: Record<string, unknown> = {
      console: { queueRowsMs: { defaultPage1000: { p50: 12, p95: 31.2 } } },
      'outage-burst': {
        runs: [
          { run: 'sqlite', consoles: 200, deliveryFrom: 'command', deliveryToAllMs: { p99: 41 }, eventRefetches: 0, mismatches: 0, serviceCpu: { perEventMs: 2.5 } },
          { run: 'postgres-2', consoles: 200, deliveryFrom: 'commit', deliveryToAllMs: { p99: 52 }, idleStreamMs: [{ p99: 18.2 }, { p99: 19 }], eventRefetches: 0, mismatches: 0, serviceCpu: { perEventMs: 4 } },
        ],
      },
      sla: { addWorkingTime20min: { engine: { opsPerSecond: 8_000_000 } } },
      'console-frames': {
        frames: [
          { name: 'ticking (idle)', frames: { p95: 16.8, p95WithinBudget: true } },
          { name: 'scrolling', frames: { p95: 33.3, p95WithinBudget: false } },
        ],
      },
    };
    const rows = summaryRows((name) => results[name]);
    const row = (benchmark: string, measure: string) => rows.find((r) => r.benchmark.startsWith(benchmark) && r.measure.startsWith(measure));
    expect(row('1. outage burst, sqlite', 'event delivery p99')).toMatchObject({ measure: "event delivery p99, the command's instant to all 200 consoles", figure: '41 ms', target: '<= 50 ms', verdict: 'met' });
    expect(row('1. outage burst, postgres-2', 'event delivery p99')).toMatchObject({ measure: 'event delivery p99, the commit to all 200 consoles', figure: '52 ms', verdict: 'MISSED' });
    expect(row('1. outage burst, postgres-2', 'event delivery p99 to an idle stream')).toMatchObject({ figure: '18.2 ms / 19 ms', verdict: 'reported' });
    expect(row('1. outage burst, sqlite', 'full-list reads')).toMatchObject({ figure: '0', verdict: 'met' });
    expect(row('1. outage burst, sqlite', "every console's rows")).toMatchObject({ verdict: 'met' });
    expect(row('2. queue, 10,000 open', 'default view')).toMatchObject({ figure: '31.2 ms', verdict: 'MISSED' });
    // Steady 60 fps reads 16.6-16.8 ms in Chromium's 0.1-ms timestamps: the frames bench's own verdict counts.
    expect(row('3. Chromium', 'frame time p95, ticking')).toMatchObject({ figure: '16.8 ms', verdict: 'met' });
    expect(row('3. Chromium', 'frame time p95, scrolling')).toMatchObject({ figure: '33.3 ms', verdict: 'MISSED' });
    expect(row('4.', 'service start-up')).toMatchObject({ verdict: 'not run' });
    expect(row('5. SLA beside the libraries', 'all')).toMatchObject({ verdict: 'not run' });
    expect(row('SLA engine', 'addWorkingTime')).toMatchObject({ figure: '8,000,000 calls/s', verdict: 'met' });
  });
});
