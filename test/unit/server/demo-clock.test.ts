import { describe, expect, it } from 'vitest';
import { clockFrom, parseInstant, startAt } from '../../../server/demo-clock.ts';

describe('demo clock', () => {
  it('starts at the instant and runs forward with the real clock', () => {
    let real = 1_000_000;
    const now = startAt(Date.parse('2026-11-28T00:00:00Z'), () => real);
    expect(new Date(now()).toISOString()).toBe('2026-11-28T00:00:00.000Z');
    real += 90_000;
    expect(new Date(now()).toISOString()).toBe('2026-11-28T00:01:30.000Z');
  });

  it('parses instants with an offset, to the millisecond', () => {
    expect(parseInstant('2026-11-28T02:00:00+02:00')).toBe(Date.parse('2026-11-28T00:00:00Z'));
    expect(parseInstant('2026-11-28T00:00Z')).toBe(Date.parse('2026-11-28T00:00:00Z'));
    expect(parseInstant('2026-11-28T00:00:00.250Z')).toBe(Date.parse('2026-11-28T00:00:00.250Z'));
  });

  it.each(['tomorrow', '', '2026-11-28', '2026-11-28T00:00:00', '2026-02-30T00:00:00Z', '2026-11-28T25:00:00Z', '1764288000000'])('refuses %j with a clear message', (text) => {
    expect(() => parseInstant(text)).toThrow(/is not an ISO 8601 instant with an offset/);
  });

  it('is the real clock without --clock, and refuses --clock without demo data', () => {
    const real = (): number => 42;
    expect(clockFrom(undefined, false, real)).toEqual({ now: real, kind: 'real' });
    expect(clockFrom(undefined, true, real).kind).toBe('real');
    expect(() => clockFrom('2026-11-28T00:00:00Z', false, real)).toThrow('--clock is only allowed with --demo (demo data) or on a database without accounts (a trial)');
    const demo = clockFrom('2026-11-28T00:00:00Z', true, real);
    expect(demo.kind).toBe('demo');
    expect(demo.now()).toBe(Date.parse('2026-11-28T00:00:00Z'));
  });
});
