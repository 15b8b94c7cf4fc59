import { describe, expect, it } from 'vitest';
import { agentsOn, type PresenceEntry } from '../../../../shared/presence/index.ts';

const boris = { id: 2, name: 'Boris Ivanov' };
const anna = { id: 1, name: 'Anna Kovalenko' };
const olga = { id: 3, name: 'Olga Shevchenko' };
const entry = (agent: PresenceEntry['agent'], ticketId: number | null, typing = false): PresenceEntry => ({ agent, ticketId, typing });

describe('who is on a ticket, as one agent sees it', () => {
  it('one line per agent (typing if any window types), never the viewer, by name', () => {
    const entries = [entry(olga, 5), entry(boris, 5, true), entry(boris, 5), entry(anna, 5, true), entry(anna, 6), entry(olga, null)];
    expect(agentsOn(entries, 5, anna.id)).toEqual([
      { ...boris, typing: true },
      { ...olga, typing: false },
    ]);
    expect(agentsOn(entries, 5, olga.id).map((a) => a.name)).toEqual(['Anna Kovalenko', 'Boris Ivanov']);
    expect(agentsOn(entries, 6, anna.id)).toEqual([]);
    expect(agentsOn(entries, 7, anna.id)).toEqual([]);
  });
});
