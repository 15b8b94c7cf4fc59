/** `--paging-ack <minutes>`: the paging ladder's ack timeout from the command line (docs/operations.md). */
import type { PagingSettings } from '../shared/paging/ladder.ts';

/**
 * The paging settings a `--paging-ack` value asks for: none when absent (the default, 5 minutes);
 * throws a message for the user when it is not a number of minutes from 1 (the service refuses less).
 */
export function pagingFromFlag(text: string | undefined): Partial<PagingSettings> {
  if (text === undefined) return {};
  const minutes = /^\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : Number.NaN;
  if (!(minutes >= 1)) throw new Error(`--paging-ack ${JSON.stringify(text)} must be a number of minutes, at least 1`);
  return { ackTimeoutMs: Math.round(minutes * 60_000) };
}
