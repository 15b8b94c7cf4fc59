// One implementation in one process time zone (the parent sets TZ): answers every workload's inputs
// in order within a time budget and prints them as JSON lines, so answers given before a hang or a
// kill still count. Run by bench/sla-libraries.bench.ts:
// `node worker.ts <implementation> <seconds> [<workload> <index>]` starts at that workload's input (after a hang).
import { createCalendar } from '../../shared/sla/index.ts';
import { ENGINE_NAME as ENGINE } from './names.ts';
import { libraryImplementations, type WorkingTimeImplementation } from './implementations.ts';
import { BENCH_CALENDAR, MINUTE, workloads } from './workloads.ts';
const [name = '', budget = '3', resumeWorkload, resumeIndex = '0'] = process.argv.slice(2);
const budgetMs = Number(budget) * 1000;

function engine(): WorkingTimeImplementation {
  const calendar = createCalendar(BENCH_CALENDAR);
  return {
    name: ENGINE,
    addMinutes: (from, minutes) => calendar.addWorkingTime(from, minutes * MINUTE),
    minutesBetween: (from, to) => calendar.workingTimeBetween(from, to) / MINUTE,
  };
}

const implementation = name === ENGINE ? engine() : libraryImplementations(BENCH_CALENDAR).find((i) => i.name === name);
if (!implementation) throw new Error(`No implementation named ${name}`);
const call = (id: string, a: number, b: number): number =>
  id === 'betweenUpToYear' ? implementation.minutesBetween(a, b) : implementation.addMinutes(a, b);

const write = (line: object) => process.stdout.write(`${JSON.stringify(line)}\n`);
const all = workloads();
const first = Math.max(0, all.findIndex((w) => w.id === resumeWorkload));
for (const [n, workload] of all.entries()) {
  if (n < first) continue;
  const inputs = n === first ? workload.inputs.slice(Number(resumeIndex)) : workload.inputs;
  // First pass: every input once, each answer printed as it comes (a call that hangs is then
  // known exactly) and only the time inside the calls counted.
  let callMs = 0;
  let calls = 0;
  write({ workload: workload.id, answers: [] });
  for (const [a, b] of inputs) {
    const before = performance.now();
    const answer = call(workload.id, a, b);
    callMs += performance.now() - before;
    calls++;
    write({ workload: workload.id, answers: [answer] });
    if (callMs > budgetMs) break;
  }
  // Fast implementations then repeat whole passes for half a second, timed as one loop, so their
  // rate is not measured on a few milliseconds with a clock read around every call.
  let repeatCalls = 0;
  const repeatStart = performance.now();
  while (calls === inputs.length && inputs.length > 0 && performance.now() - repeatStart < 500 && callMs < 500) {
    for (const [a, b] of inputs) call(workload.id, a, b);
    repeatCalls += inputs.length;
  }
  const repeatSeconds = (performance.now() - repeatStart) / 1000;
  const rate = repeatCalls > 0 ? { calls: repeatCalls, seconds: repeatSeconds } : { calls, seconds: callMs / 1000 };
  write({ workload: workload.id, answers: [], ...rate, done: true });
}
