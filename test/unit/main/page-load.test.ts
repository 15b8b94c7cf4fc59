import { describe, expect, it } from 'vitest';
import { loadPage } from '../../../main/page-load.ts';

/** A load that fails `failures` times, then succeeds; records every log line, wait and give-up. */
function run(failures: number, delaysMs?: readonly number[]) {
  const seen: string[] = [];
  let calls = 0;
  const done = loadPage({
    load: async () => {
      calls++;
      if (calls <= failures) throw new Error(`ERR_FAILED (${calls})`);
    },
    wait: async (ms) => void seen.push(`wait ${ms}`),
    log: (message, error) => seen.push(`${message}: ${(error as Error).message}`),
    giveUp: (error) => seen.push(`give up: ${(error as Error).message}`),
    ...(delaysMs === undefined ? {} : { delaysMs }),
  });
  return { done, seen, calls: () => calls };
}

describe('loadPage', () => {
  it('loads once when the page loads', async () => {
    const r = run(0);
    expect(await r.done).toBe(true);
    expect(r.seen).toEqual([]);
  });

  it('logs a failed load and retries after a wait', async () => {
    const r = run(2);
    expect(await r.done).toBe(true);
    expect(r.calls()).toBe(3);
    expect(r.seen).toEqual([
      'DutyDesk: the console page failed to load (attempt 1); retrying in 250 ms: ERR_FAILED (1)',
      'wait 250',
      'DutyDesk: the console page failed to load (attempt 2); retrying in 1000 ms: ERR_FAILED (2)',
      'wait 1000',
    ]);
  });

  it('gives up after the last attempt, says so, and hands the error on', async () => {
    const r = run(10, [5]);
    expect(await r.done).toBe(false);
    expect(r.calls()).toBe(2);
    expect(r.seen.slice(-2)).toEqual(['DutyDesk: the console page failed to load after 2 attempts: ERR_FAILED (2)', 'give up: ERR_FAILED (2)']);
  });
});
