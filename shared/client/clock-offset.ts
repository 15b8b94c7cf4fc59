/**
 * How far the ticket service's clock is ahead of ours, from one round trip (NTP's estimate: the
 * server read its clock halfway through). Countdowns add it, so a desktop whose clock is off does
 * not show wrong deadlines.
 */
export async function measureClockOffset(readServerNow: () => Promise<number>, now: () => number): Promise<number> {
  const sent = now();
  const server = await readServerNow();
  const received = now();
  return Math.round(server - (sent + received) / 2);
}
