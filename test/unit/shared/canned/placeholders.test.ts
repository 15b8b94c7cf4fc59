import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fillPlaceholders, PLACEHOLDERS, supportHoursText, unknownPlaceholders, type PlaceholderValues } from '../../../../shared/canned/placeholders.ts';

const values: PlaceholderValues = { customer: 'Olena Koval', ticket: '1042', supportHours: 'Mon–Fri 09:00–18:00 (Europe/Kyiv)', agent: 'Anna' };
const KYIV = { zone: 'Europe/Kyiv', open: '09:00', close: '18:00', workdays: [1, 2, 3, 4, 5] };

describe('fillPlaceholders', () => {
  it('fills every placeholder, each wherever it appears', () => {
    expect(fillPlaceholders('Dear {customer}, ticket #{ticket} is with {agent}. We work {supportHours}. Thanks, {customer}!', values)).toBe(
      'Dear Olena Koval, ticket #1042 is with Anna. We work Mon–Fri 09:00–18:00 (Europe/Kyiv). Thanks, Olena Koval!',
    );
  });

  it('leaves other braces as text', () => {
    expect(fillPlaceholders('JSON {"a": 1} and { customer } and {}', values)).toBe('JSON {"a": 1} and { customer } and {}');
  });

  it('inserts values as they are: a value that looks like a placeholder is not filled again', () => {
    expect(fillPlaceholders('Hi {customer}', { ...values, customer: '{ticket} $& $1' })).toBe('Hi {ticket} $& $1');
  });

  it('a body with only known placeholders leaves none behind once filled (property)', () => {
    const piece = fc.oneof(fc.string().map((s) => s.replace(/[{}]/g, '')), fc.constantFrom(...PLACEHOLDERS.map((p) => `{${p}}`)));
    fc.assert(
      fc.property(fc.array(piece), fc.record({ customer: fc.string(), ticket: fc.string(), supportHours: fc.string(), agent: fc.string() }), (pieces, vs) => {
        const body = pieces.join('');
        expect(unknownPlaceholders(body)).toEqual([]);
        const expected = pieces.map((p) => (p.startsWith('{') ? vs[p.slice(1, -1) as keyof PlaceholderValues] : p)).join('');
        expect(fillPlaceholders(body, vs)).toBe(expected);
      }),
    );
  });
});

describe('unknownPlaceholders', () => {
  it('names each unknown placeholder once, in order of first use', () => {
    expect(unknownPlaceholders('Hi {name}, {customer}, {order_id} and {name} again; {Customer}')).toEqual(['name', 'order_id', 'Customer']);
  });

  it('finds none in a body of known placeholders and plain braces', () => {
    expect(unknownPlaceholders('{customer} {ticket} {supportHours} {agent} {} { x } {1a}')).toEqual([]);
  });
});

describe('supportHoursText', () => {
  it('says the working weekdays, hours and zone in the reply language', () => {
    expect(supportHoursText(KYIV, 'en')).toBe('Mon–Fri 09:00–18:00 (Europe/Kyiv)');
    expect(supportHoursText(KYIV, 'uk')).toBe('пн–пт 09:00–18:00 (Europe/Kyiv)');
    expect(supportHoursText(KYIV, 'ru')).toBe('пн–пт 09:00–18:00 (Europe/Kyiv)');
  });

  it('lists days that form no run of three', () => {
    expect(supportHoursText({ ...KYIV, workdays: [6, 1, 3, 2, 5] }, 'en')).toBe('Mon–Wed, Fri, Sat 09:00–18:00 (Europe/Kyiv)');
    expect(supportHoursText({ ...KYIV, workdays: [1, 7], open: '00:00', close: '24:00' }, 'en')).toBe('Mon, Sun 00:00–24:00 (Europe/Kyiv)');
  });
});
