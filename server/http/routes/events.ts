import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { eventsQuerySchema } from '../../../shared/api/index.ts';
import type { AppDeps } from '../app.ts';
import { sessionOf, tokenOf } from '../auth.ts';

/** The close code a socket gets when its session ends (logout, expiry): the client signs in again. */
export const SESSION_ENDED = 4401;

/** GET /api/v1/events: the WebSocket event stream with ?since replay. */
export function registerEventRoutes(root: FastifyInstance, deps: AppDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.get('/api/v1/events', {
    websocket: true,
    // Authenticated by the hook before the upgrade (a bad token gets a plain 401); browsers cannot
    // set headers on a WebSocket, so the token may come as ?token=.
    config: { queryToken: true },
    schema: {
      summary: 'WebSocket: every event the caller may see, in global sequence; ?since=N replays the events after N first',
      querystring: eventsQuerySchema,
    },
  }, (socket, request) => {
    const session = sessionOf(request);
    const token = tokenOf(request) ?? '';
    let unsubscribe: (() => void) | undefined;
    let closed = false;
    const end = (): void => {
      if (!closed) socket.close(SESSION_ENDED, 'session ended; sign in again');
    };
    // A socket lives no longer than its session: ended here at once, elsewhere (another instance,
    // expiry) at the next check.
    const offLogout = deps.sessions.onLogout((hash) => hash === session.tokenHash && end());
    const check = setInterval(() => {
      deps.sessions.authenticate(token).catch(end);
    }, deps.sessionCheckMs);
    check.unref();
    socket.on('close', () => {
      closed = true;
      clearInterval(check);
      offLogout();
      unsubscribe?.();
    });
    // Clients only listen; anything they send is ignored.
    socket.on('message', () => {});
    deps.hub
      .subscribe({ user: session.user, send: (json) => (closed ? undefined : socket.send(json)) }, request.query.since)
      .then((off) => {
        if (closed) off();
        else unsubscribe = off;
      })
      .catch(() => socket.close(1011, 'internal error'));
  });
}
