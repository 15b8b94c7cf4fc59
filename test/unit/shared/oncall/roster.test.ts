import { describe, expect, it } from 'vitest';
import { lastHandOverDate, onCallAt, type OnCallOverride, type Roster, type Rotation } from '../../../../shared/oncall/index.ts';
import { createCalendar } from '../../../../shared/sla/index.ts';

const kyiv = createCalendar();
const at = (iso: string): number => Date.parse(iso);
const HANDOVERS = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, time: '18:00' })).concat([{ weekday: 1, time: '09:00' }]);
const rotation = (agents: number[], start = '2026-11-23', rotateAt = { weekday: 1, time: '09:00' }): Rotation => ({ agents, start, handovers: HANDOVERS, rotateAt });
const roster = (primary: Rotation, secondary: Rotation, overrides: OnCallOverride[] = []): Roster => ({ layers: { primary, secondary }, overrides });
const who = (r: Roster, t: number) => {
  const a = onCallAt(r, kyiv, t);
  return [a.primary, a.secondary];
};

describe('onCallAt: weekly rotation', () => {
  const r = roster(rotation([1, 2, 3]), rotation([4, 5]));

  it('nobody before the first hand-over on or after the start date; agent 1 from Monday 09:00 Kyiv', () => {
    expect(who(r, at('2026-11-23T06:59:59.999Z'))).toEqual([null, null]);
    expect(who(r, at('2026-11-23T07:00:00Z'))).toEqual([1, 4]);
    expect(onCallAt(r, kyiv, at('2026-11-22T12:00:00Z')).until).toBe(at('2026-11-23T07:00:00Z'));
  });

  it('passes to the next agent exactly at 09:00 Monday and wraps round the list', () => {
    expect(who(r, at('2026-11-30T06:59:59.999Z'))).toEqual([1, 4]);
    expect(who(r, at('2026-11-30T07:00:00Z'))).toEqual([2, 5]);
    expect(who(r, at('2026-12-07T07:00:00Z'))).toEqual([3, 4]);
    expect(who(r, at('2026-12-14T07:00:00Z'))).toEqual([1, 5]);
  });

  it('a start date mid-week starts at the next rotation hand-over', () => {
    const mid = roster(rotation([7], '2026-11-25'), rotation([]));
    expect(who(mid, at('2026-11-29T12:00:00Z'))).toEqual([null, null]);
    expect(who(mid, at('2026-11-30T07:00:00Z'))).toEqual([7, null]);
  });

  it('rotation at 18:00 Friday: the hand-over instant belongs to the new agent', () => {
    const fri = roster(rotation([1, 2], '2026-11-23', { weekday: 5, time: '18:00' }), rotation([]));
    expect(who(fri, at('2026-11-27T15:59:59.999Z'))).toEqual([null, null]);
    expect(who(fri, at('2026-11-27T16:00:00Z'))).toEqual([1, null]);
    expect(who(fri, at('2026-12-04T16:00:00Z'))).toEqual([2, null]);
  });

  it('answers until and the next 14 days as segments, the last one cut at the horizon', () => {
    const t = at('2026-11-25T10:00:00Z');
    const a = onCallAt(r, kyiv, t);
    expect(a).toEqual({
      at: t,
      afterHours: false,
      primary: 1,
      secondary: 4,
      until: at('2026-11-30T07:00:00Z'),
      next: [
        { from: at('2026-11-30T07:00:00Z'), to: at('2026-12-07T07:00:00Z'), primary: 2, secondary: 5 },
        { from: at('2026-12-07T07:00:00Z'), to: t + 14 * 86_400_000, primary: 3, secondary: 4 },
      ],
    });
  });

  it('afterHours is the support calendar\'s view (18:00 Kyiv closes, 09:00 opens; weekends closed)', () => {
    expect(onCallAt(r, kyiv, at('2026-11-25T15:59:59.999Z')).afterHours).toBe(false);
    expect(onCallAt(r, kyiv, at('2026-11-25T16:00:00Z')).afterHours).toBe(true);
    expect(onCallAt(r, kyiv, at('2026-11-26T07:00:00Z')).afterHours).toBe(false);
    expect(onCallAt(r, kyiv, at('2026-11-28T10:00:00Z')).afterHours).toBe(true);
  });

  it('an empty layer is null throughout', () => {
    const a = onCallAt(roster(rotation([]), rotation([])), kyiv, at('2026-11-25T10:00:00Z'));
    expect([a.primary, a.secondary, a.until, a.next]).toEqual([null, null, null, []]);
  });
});

describe('onCallAt: overrides and swaps', () => {
  const base = [rotation([1, 2]), rotation([3, 4])] as const;

  it('an override wins over the rotation over [from, to) only', () => {
    const o: OnCallOverride = { layer: 'primary', agentId: 9, from: at('2026-11-25T16:00:00Z'), to: at('2026-11-26T07:00:00Z') };
    const r = roster(...base, [o]);
    expect(who(r, o.from - 1)).toEqual([1, 3]);
    expect(who(r, o.from)).toEqual([9, 3]);
    expect(who(r, o.to - 1)).toEqual([9, 3]);
    expect(who(r, o.to)).toEqual([1, 3]);
    const a = onCallAt(r, kyiv, at('2026-11-25T10:00:00Z'));
    expect(a.until).toBe(o.from);
    expect(a.next.slice(0, 2)).toEqual([
      { from: o.from, to: o.to, primary: 9, secondary: 3 },
      { from: o.to, to: at('2026-11-30T07:00:00Z'), primary: 1, secondary: 3 },
    ]);
  });

  it('an override naming the rota agent changes nothing visible', () => {
    const r = roster(...base, [{ layer: 'primary', agentId: 1, from: at('2026-11-25T16:00:00Z'), to: at('2026-11-26T07:00:00Z') }]);
    expect(onCallAt(r, kyiv, at('2026-11-25T10:00:00Z')).until).toBe(at('2026-11-30T07:00:00Z'));
  });

  it('a swap is two overrides: the agents trade places and go back after', () => {
    const from = at('2026-11-27T16:00:00Z');
    const to = at('2026-11-28T16:00:00Z');
    const r = roster(...base, [
      { layer: 'primary', agentId: 3, from, to },
      { layer: 'secondary', agentId: 1, from, to },
    ]);
    expect(who(r, from - 1)).toEqual([1, 3]);
    expect(who(r, from)).toEqual([3, 1]);
    expect(who(r, to)).toEqual([1, 3]);
  });

  it('an override reaching into an empty or not yet started layer still answers', () => {
    const r = roster(rotation([1], '2027-01-04'), rotation([]), [{ layer: 'secondary', agentId: 5, from: at('2026-11-25T00:00:00Z'), to: at('2026-11-26T00:00:00Z') }]);
    expect(who(r, at('2026-11-25T12:00:00Z'))).toEqual([null, 5]);
  });
});

describe('onCallAt: DST nights in Kyiv (2026)', () => {
  it('spring forward (2026-03-29, 03:00 -> 04:00): a 03:30 hand-over happens once, at the jump', () => {
    const r = roster(rotation([1, 2], '2026-03-22', { weekday: 7, time: '03:30' }), rotation([]));
    // 2026-03-22 03:30 EET = 01:30Z; the next 03:30 does not exist, so the rotation passes at 04:00 EEST = 01:00Z.
    expect(who(r, at('2026-03-22T01:30:00Z'))).toEqual([1, null]);
    expect(who(r, at('2026-03-29T00:59:59.999Z'))).toEqual([1, null]);
    expect(who(r, at('2026-03-29T01:00:00Z'))).toEqual([2, null]);
    const a = onCallAt(r, kyiv, at('2026-03-28T12:00:00Z'));
    expect(a.until).toBe(at('2026-03-29T01:00:00Z'));
    // The week after: 03:30 EEST = 00:30Z.
    expect(a.next[0]).toEqual({ from: at('2026-03-29T01:00:00Z'), to: at('2026-04-05T00:30:00Z'), primary: 2, secondary: null });
  });

  it('spring forward: a Monday 09:00 rotation stays at 09:00 wall clock, so that week is 167 hours', () => {
    const r = roster(rotation([1, 2], '2026-03-23'), rotation([]));
    const a = onCallAt(r, kyiv, at('2026-03-23T07:00:00Z'));
    expect([a.primary, a.until]).toEqual([1, at('2026-03-30T06:00:00Z')]);
    expect((a.until ?? 0) - a.at).toBe(167 * 3_600_000);
  });

  it('fall back (2026-10-25, 04:00 -> 03:00): a 03:30 hand-over happens once, at the first 03:30', () => {
    const r = roster(rotation([1, 2], '2026-10-18', { weekday: 7, time: '03:30' }), rotation([]));
    // First 03:30 (EEST) = 00:30Z; the repeated 03:30 (EET) = 01:30Z must not rotate again.
    expect(who(r, at('2026-10-25T00:29:59.999Z'))).toEqual([1, null]);
    expect(who(r, at('2026-10-25T00:30:00Z'))).toEqual([2, null]);
    expect(who(r, at('2026-10-25T01:30:00Z'))).toEqual([2, null]);
    const a = onCallAt(r, kyiv, at('2026-10-25T00:30:00Z'));
    expect(a.until).toBe(at('2026-11-01T01:30:00Z'));
    expect((a.until ?? 0) - a.at).toBe(169 * 3_600_000);
  });

  it('fall back: a Monday 09:00 rotation after the night is 169 hours after the one before', () => {
    const r = roster(rotation([1, 2], '2026-10-19'), rotation([]));
    const a = onCallAt(r, kyiv, at('2026-10-19T06:00:00Z'));
    expect([a.primary, a.until]).toEqual([1, at('2026-10-26T07:00:00Z')]);
  });
});

describe('lastHandOverDate', () => {
  it('is the date of the latest hand-over at or before the instant, in the zone', () => {
    const monday9 = { weekday: 1, time: '09:00' };
    expect(lastHandOverDate('Europe/Kyiv', monday9, at('2026-11-25T10:00:00Z'))).toBe('2026-11-23');
    expect(lastHandOverDate('Europe/Kyiv', monday9, at('2026-11-23T07:00:00Z'))).toBe('2026-11-23');
    expect(lastHandOverDate('Europe/Kyiv', monday9, at('2026-11-23T06:59:59.999Z'))).toBe('2026-11-16');
    // Sunday 23:30 UTC is already Monday 01:30 in Kyiv, before 09:00: last week's Monday.
    expect(lastHandOverDate('Europe/Kyiv', monday9, at('2026-11-29T23:30:00Z'))).toBe('2026-11-23');
    expect(lastHandOverDate('Europe/Kyiv', { weekday: 5, time: '18:00' }, at('2026-11-28T01:00:00Z'))).toBe('2026-11-27');
  });
});
