import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { eventsQuerySchema } from '../../../shared/api/index.ts';
import type { Session } from '../../auth/sessions.ts';
import type { AppDeps } from '../app.ts';
import { bearerToken } from '../auth.ts';

const sessionsByRequest = new WeakMap<FastifyRequest, Session>();

/** GET /api/v1/events: the WebSocket event stream with ?since replay. */
export function registerEventRoutes(root: FastifyInstance, deps: AppDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.get('/api/v1/events', {
    websocket: true,
    schema: {
      summary: 'WebSocket: every event the caller may see, in global sequence; ?since=N replays the events after N first',
      querystring: eventsQuerySchema,
    },
    // Authenticate before the upgrade, so a bad token gets a plain 401 response.
    preValidation: async (request) => {
      const query = request.query as { token?: string };
      const session = await deps.sessions.authenticate(bearerToken(request) ?? query.token);
      sessionsByRequest.set(request, session);
    },
  }, (socket, request) => {
    const session = sessionsByRequest.get(request);
    if (session === undefined) {
      socket.close(1008, 'unauthenticated');
      return;
    }
    let unsubscribe: (() => void) | undefined;
    let closed = false;
    socket.on('close', () => {
      closed = true;
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
