/** Node's WebSocket as the event stream's SocketLike, telling when each message arrives (before the stream parses it). */
import { createEventStream, type ConnectionState, type EventStream, type SocketLike } from '../../shared/client/event-stream.ts';
import type { ServiceEvent } from '../../shared/model/index.ts';

export function stampedSocket(socket: WebSocket, note: (ms: number) => void): SocketLike {
  const s: SocketLike = {
    onopen: null,
    onmessage: null,
    onclose: null,
    onerror: null,
    close: (code, reason) => socket.close(code, reason),
    send: (data) => socket.send(data),
  };
  socket.onopen = () => s.onopen?.(undefined as never);
  socket.onmessage = (e) => {
    note(Date.now());
    s.onmessage?.({ data: e.data });
  };
  socket.onclose = (e) => s.onclose?.({ code: e.code, reason: e.reason });
  socket.onerror = () => s.onerror?.(undefined as never);
  return s;
}

/** An event stream over Node's WebSocket that hands each event with the instant its message arrived. */
export function stampedStream(options: {
  readonly url: string;
  readonly token: () => string | null;
  readonly onEvent: (event: ServiceEvent, arrivedAt: number) => void;
  readonly onState: (state: ConnectionState) => void;
}): EventStream {
  let arrivedAt = 0;
  return createEventStream({
    baseUrl: options.url,
    token: options.token,
    openSocket: (u) =>
      stampedSocket(new WebSocket(u), (ms) => {
        arrivedAt = ms;
      }),
    now: Date.now,
    schedule: (run, ms) => {
      const t = setTimeout(run, ms);
      return () => clearTimeout(t);
    },
    onEvent: (event) => options.onEvent(event, arrivedAt),
    onState: options.onState,
  });
}
