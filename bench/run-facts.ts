/** What every result file of `npm run bench` starts with: when, and on what machine and Node it ran. */
import { cpus } from 'node:os';

export function runFacts(): { date: string; node: string; cpu: string; cores: number } {
  return { date: new Date().toISOString(), node: process.version, cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length };
}
