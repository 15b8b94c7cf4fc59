// `npm run bench`: SLA engine throughput beside the brute-force oracle, measured in the same run.
// Results go to bench/results/sla.json. A benchmark, not a test: nothing here fails on speed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCalendar, evaluateSla, type SlaEvent, type SlaEventType, type TicketKind } from '../shared/sla/index.ts';
import { bruteCalendar } from '../test/support/brute-calendar.ts';
import { runFacts } from './run-facts.ts';

const MINUTE = 60_000;
const YEAR_START = Date.parse('2026-01-01T00:00:00Z');
const YEAR = 365 * 86_400_000;

// A fixed-seed generator, so every run measures the same inputs.
let seed = 20_260_609;
const random = (): number => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const minuteIn = (from: number, span: number): number => from + Math.floor((random() * span) / MINUTE) * MINUTE;

interface Measure {
  readonly ops: number;
  readonly seconds: number;
  readonly opsPerSecond: number;
}
function measure(ops: number, run: (i: number) => unknown): Measure {
  let sink = 0;
  const start = performance.now();
  for (let i = 0; i < ops; i++) if (run(i) !== undefined) sink++;
  const seconds = (performance.now() - start) / 1000;
  if (sink < 0) console.log(sink);
  return { ops, seconds: Number(seconds.toFixed(4)), opsPerSecond: Number((ops / seconds).toPrecision(4)) };
}

const config = { zone: 'Europe/Kyiv', open: '09:00', close: '18:00', workdays: [1, 2, 3, 4, 5], holidays: [], extraWorkdays: [] };
const calendar = createCalendar(config);
const brute = bruteCalendar(config);

// Inputs: whole-minute instants over 2026, so the oracle can answer exactly.
const froms = Array.from({ length: 1_000_000 }, () => minuteIn(YEAR_START, YEAR));
const coldCalendar = createCalendar(config);
const cold = measure(1, () => coldCalendar.workingTimeBetween(YEAR_START, YEAR_START + YEAR));
// Warm the day cache over the year, as a running service would.
calendar.workingTimeBetween(YEAR_START - 7 * 86_400_000, YEAR_START + YEAR + 7 * 86_400_000);

const add20 = measure(froms.length, (i) => calendar.addWorkingTime(froms[i] as number, 20 * MINUTE));
const add20Brute = measure(300, (i) => brute.addWorkingTime(froms[i] as number, 20 * MINUTE));
for (let i = 0; i < 300; i++) {
  const from = froms[i] as number;
  if (calendar.addWorkingTime(from, 20 * MINUTE) !== brute.addWorkingTime(from, 20 * MINUTE)) throw new Error(`Engine and oracle disagree at ${from}`);
}

const yearStarts = froms.slice(0, 20_000);
const yearLong = measure(yearStarts.length, (i) => calendar.workingTimeBetween(yearStarts[i] as number, (yearStarts[i] as number) + YEAR));
const yearLongBrute = measure(1, () => brute.workingTimeBetween(YEAR_START, YEAR_START + YEAR));

// 100,000 tickets with realistic histories: filed, maybe asked, answered, taken, escalated, resolved.
const kinds: readonly TicketKind[] = ['problem', 'bug', 'question', 'suggestion'];
const tickets = Array.from({ length: 100_000 }, () => {
  let t = minuteIn(YEAR_START, YEAR);
  const events: SlaEvent[] = [{ type: 'created', at: t }];
  const steps = Math.floor(random() * 6);
  for (let s = 0; s < steps; s++) {
    t += Math.floor(random() * 600) * MINUTE;
    const type: SlaEventType = pick(['taken', 'question_asked', 'customer_replied', 'agent_replied', 'escalated', 'resolved', 'reopened']);
    events.push({ type, at: t });
  }
  return { kind: pick(kinds), events, now: t + Math.floor(random() * 120) * MINUTE };
});
const deadlines = measure(tickets.length, (i) => {
  const ticket = tickets[i];
  return ticket && evaluateSla(ticket, ticket.now, { calendar }).dueAt;
});

const results = {
  ...runFacts(),
  target: 'addWorkingTime with 20-minute targets: at least 1,000,000 calls/s on one core',
  addWorkingTime20min: { engine: add20, bruteForce: add20Brute, speedup: Math.round(add20.opsPerSecond / add20Brute.opsPerSecond) },
  workingTimeBetweenOneYear: {
    engine: yearLong,
    bruteForce: yearLongBrute,
    speedup: Math.round(yearLong.opsPerSecond / yearLongBrute.opsPerSecond),
    coldFirstCallSeconds: cold.seconds,
  },
  evaluateSla100kTickets: deadlines,
};
const dir = join(import.meta.dirname, 'results');
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'sla.json'), `${JSON.stringify(results, null, 2)}\n`);

const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 2 });
console.log(`addWorkingTime (20 min):        ${fmt(add20.opsPerSecond)} ops/s   brute force ${fmt(add20Brute.opsPerSecond)} ops/s`);
console.log(`workingTimeBetween (one year):  ${fmt(yearLong.opsPerSecond)} ops/s   brute force ${fmt(yearLongBrute.opsPerSecond)} ops/s`);
console.log(`evaluateSla (100,000 tickets):  ${fmt(deadlines.opsPerSecond)} tickets/s (${deadlines.seconds} s)`);
console.log(`first year-long call on a cold calendar: ${cold.seconds} s`);
console.log(`target 1,000,000 addWorkingTime/s: ${add20.opsPerSecond >= 1_000_000 ? 'met' : 'NOT met'}; written to bench/results/sla.json`);
