import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OPEN_STATUSES, TICKET_STATUSES, type TicketStatus } from '../../../../shared/model/index.ts';
import { normalizeText, SIMILARITY_THRESHOLD, similarTickets, stemWord, textSimilarity, type TicketText } from '../../../../shared/tickets/similar.ts';
import { PAIRS } from './similar-fixture.ts';

const open = (id: number, subject: string, body = '', status: TicketStatus = 'new') => ({ id, subject, body, status });

describe('normalizeText', () => {
  it('folds case, ё, compatibility forms and apostrophes; punctuation is a space', () => {
    expect(normalizeText('Ёлка: ЗВОНКИ — «обрываются»!!')).toBe('елка звонки обрываются');
    expect(normalizeText('П’ятниця, пʼятниця і п\'ятниця')).toBe('пятниця пятниця і пятниця');
    expect(normalizeText('Ｃａｌｌｓ\u00a0are   dropping...')).toBe('calls are dropping');
  });
});

describe('stemWord', () => {
  it('joins the forms of a word in each language', () => {
    expect(stemWord('работает')).toBe(stemWord('работал'));
    expect(stemWord('автодозвон')).toBe(stemWord('автодозвона'));
    expect(stemWord('обрываются')).toBe(stemWord('обрывается'));
    expect(stemWord('працює')).toBe(stemWord('працював'));
    expect(stemWord('автодзвін')).toBe(stemWord('автодзвону'));
    expect(stemWord('dropping')).toBe('drop');
    expect(stemWord('dropped')).toBe('drop');
    expect(stemWord('calls')).toBe('call');
    expect(stemWord('recordings')).toBe('record');
    expect(stemWord('statistics')).toBe(stemWord('statistic'));
  });
});

describe('similarTickets: the examples of the issue (R15)', () => {
  it.each([
    ['не работает автодозвон', 'Автодозвон не работал'],
    ['не працює автодзвін', 'автодзвін не працював'],
    ['calls are dropping', 'call dropped'],
  ])('"%s" finds "%s"', (draft, existing) => {
    const found = similarTickets({ subject: draft, body: '' }, [open(1, existing), open(2, 'Смена тарифа с января'), open(3, 'Invoice for December')]);
    expect(found.map((m) => m.ticket.id)).toEqual([1]);
  });

  it('ranks the closer match first, and never offers a resolved or merged ticket', () => {
    const found = similarTickets({ subject: 'Не работает автодозвон', body: 'Кампания стоит с утра' }, [
      open(1, 'Автодозвон не работал', 'Операторы без звонков'),
      open(2, 'Не работает автодозвон', 'Кампания стоит с утра', 'resolved'),
      open(3, 'Автодозвон не работает', 'Кампания стоит с утра', 'in_work'),
      open(4, 'Не работает автодозвон', 'Кампания стоит', 'merged'),
    ]);
    expect(found.map((m) => m.ticket.id)).toEqual([3, 1]);
    expect(found[0]?.score).toBeGreaterThan(found[1]?.score ?? 1);
  });

  it('offers nothing for an empty draft or one of punctuation only', () => {
    expect(similarTickets({ subject: '', body: '' }, [open(1, 'Автодозвон')])).toEqual([]);
    expect(similarTickets({ subject: '?!', body: '…' }, [open(1, '?!')])).toEqual([]);
  });
});

describe('the fixture of realistic pairs (ru, uk, en)', () => {
  const scored = PAIRS.map((p) => ({ ...p, score: textSimilarity(p.a, p.b) }));
  const same = scored.filter((p) => p.same);
  const different = scored.filter((p) => !p.same);

  it('has each language and both answers', () => {
    for (const lang of ['ru', 'uk', 'en'] as const) {
      expect(same.filter((p) => p.lang === lang).length).toBeGreaterThanOrEqual(8);
      expect(different.filter((p) => p.lang === lang).length).toBeGreaterThanOrEqual(5);
    }
  });

  it.each(same.map((p) => [p.lang, p.a.subject, p.b.subject, p] as const))('%s: "%s" is the same problem as "%s"', (_l, _a, _b, p) => {
    expect(p.score).toBeGreaterThanOrEqual(SIMILARITY_THRESHOLD);
  });

  it.each(different.map((p) => [p.lang, p.a.subject, p.b.subject, p] as const))('%s: "%s" is not the same problem as "%s"', (_l, _a, _b, p) => {
    expect(p.score).toBeLessThan(SIMILARITY_THRESHOLD);
  });

  it('leaves a margin on both sides of the threshold', () => {
    const lowestSame = Math.min(...same.map((p) => p.score));
    const highestDifferent = Math.max(...different.map((p) => p.score));
    expect(lowestSame - SIMILARITY_THRESHOLD).toBeGreaterThanOrEqual(0.05);
    expect(SIMILARITY_THRESHOLD - highestDifferent).toBeGreaterThanOrEqual(0.05);
  });
});

// Words of realistic tickets in the three languages, with stop words among them.
const WORDS = [...new Set(PAIRS.flatMap((p) => normalizeText(`${p.a.subject} ${p.a.body} ${p.b.subject} ${p.b.body}`).split(' ')))];
const wordsArb = fc.array(fc.constantFrom(...WORDS), { minLength: 0, maxLength: 12 });
const textArb: fc.Arbitrary<TicketText> = fc.record({ subject: wordsArb.map((w) => w.join(' ')), body: wordsArb.map((w) => w.join(' ')) });
const PUNCTUATION = [' ', ', ', '! ', ' — ', '? ', '... ', ': ', ' «', '» ', '\n', '  '];
const capitalize = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

/** The same words, with other capitals and other punctuation between them. */
const restyled = (text: string, styles: readonly number[]): string =>
  text
    .split(' ')
    .map((w, i) => {
      const style = styles[i % Math.max(1, styles.length)] ?? 0;
      const word = style % 3 === 0 ? w : style % 3 === 1 ? w.toUpperCase() : capitalize(w);
      return word + (PUNCTUATION[style % PUNCTUATION.length] ?? ' ');
    })
    .join('');

describe('similarity (fast-check)', () => {
  it('is symmetric and within 0..1', () => {
    fc.assert(
      fc.property(textArb, textArb, (a, b) => {
        const s = textSimilarity(a, b);
        expect(s).toBe(textSimilarity(b, a));
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });

  it('ignores case and punctuation', () => {
    fc.assert(
      fc.property(textArb, textArb, fc.array(fc.nat(40), { minLength: 1, maxLength: 8 }), (a, b, styles) => {
        const styledA = { subject: restyled(a.subject, styles), body: restyled(a.body, [...styles].reverse()) };
        expect(textSimilarity(styledA, b)).toBeCloseTo(textSimilarity(a, b), 12);
      }),
      { numRuns: 300 },
    );
  });

  it('always offers an open ticket with the very text of the draft, with the top score', () => {
    const anyText = fc.record({ subject: fc.string({ maxLength: 40 }), body: fc.string({ maxLength: 80 }) });
    fc.assert(
      fc.property(fc.oneof(textArb, anyText), fc.constantFrom(...OPEN_STATUSES), (draft, status) => {
        fc.pre(normalizeText(`${draft.subject} ${draft.body}`) !== '');
        const found = similarTickets(draft, [{ id: 7, ...draft, status }]);
        expect(found).toEqual([{ ticket: { id: 7, ...draft, status }, score: 1 }]);
      }),
      { numRuns: 300 },
    );
  });

  it('never offers a closed ticket, and ranks what it offers', () => {
    const candidateArb = fc.record({ id: fc.integer({ min: 1, max: 10_000 }), status: fc.constantFrom(...TICKET_STATUSES) }).chain((c) => textArb.map((t) => ({ ...c, ...t })));
    fc.assert(
      fc.property(textArb, fc.array(candidateArb, { maxLength: 12 }), (draft, candidates) => {
        const closedCopy = { id: 99_999, ...draft, status: 'resolved' as const };
        const found = similarTickets(draft, [...candidates, closedCopy], { limit: 100 });
        for (const m of found) {
          expect(OPEN_STATUSES).toContain(m.ticket.status);
          expect(m.score).toBeGreaterThanOrEqual(SIMILARITY_THRESHOLD);
        }
        expect(found.map((m) => m.score)).toEqual([...found.map((m) => m.score)].sort((x, y) => y - x));
      }),
      { numRuns: 300 },
    );
  });
});
