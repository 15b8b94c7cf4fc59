/**
 * One more event stream, alone in its worker thread, that only notes when each event arrives: what
 * the service's delivery costs when the receiving side is idle (the 200 simulated consoles share
 * two threads, so there an event also waits for the consoles before it).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { stampedStream } from './stamped-socket.ts';

/** What the parent gives the probe. */
export interface ProbeInput {
  readonly url: string;
  readonly token: string;
}

/** Per event: seq and arrival minus `at`, ms. */
export type ProbeReport = ReadonlyArray<readonly [seq: number, ms: number]>;

const { url, token } = workerData as ProbeInput;
const seen: [number, number][] = [];
const stream = stampedStream({
  url,
  token: () => token,
  onEvent: (event, arrivedAt) => {
    seen.push([event.seq, arrivedAt - event.at]);
  },
  onState: (state) => {
    if (state.status === 'online') parentPort?.postMessage('online');
  },
});
stream.start();
parentPort?.on('message', (m: 'report') => {
  if (m !== 'report') return;
  stream.stop();
  parentPort?.postMessage(seen satisfies ProbeReport);
});
