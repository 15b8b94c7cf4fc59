/** Node's WebSocket as the event stream's SocketLike, telling when each message arrives (before the stream parses it). */
import type { SocketLike } from '../../shared/client/event-stream.ts';

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
