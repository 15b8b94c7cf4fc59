import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { eventsQuerySchema } from '../../../shared/api/index.ts';
import type { AppDeps } from '../app.ts';
import { sessionOf, tokenOf } from '../auth.ts';
import { readPresenceUpdate, type PresenceSocket } from '../../events/presence.ts';

/** The close code a socket gets when its session ends (logout, expiry): the client signs in again. */
export const SESSION_ENDED = 4401;
/** The close code when the replay or subscription fails on the service: the client reconnects. */
export const INTERNAL_ERROR = 1011;
/** Open event sockets one session (token) may hold on one instance; more get HTTP 429 before the upgrade. */
export const MAX_SOCKETS_PER_SESSION = 5;
/** Open event sockets one user may hold on one instance, across sessions; more get HTTP 429. */
export const MAX_SOCKETS_PER_USER = 20;

/** How many event sockets one session and one user may hold open. */
export interface SocketLimits {
  readonly perSession: number;
  readonly perUser: number;
}

/** Counts open sockets per key; a slot is taken before the upgrade and given back when its TCP socket closes. */
function createSocketCounter() {
  const open = new Map<string, number>();
  return {
    count: (key: string): number => open.get(key) ?? 0,
    take(keys: readonly string[], release: (give: () => void) => void): void {
      for (const k of keys) open.set(k, (open.get(k) ?? 0) + 1);
      let given = false;
      release(() => {
        if (given) return;
        given = true;
        for (const k of keys) {
          const n = (open.get(k) ?? 1) - 1;
          if (n <= 0) open.delete(k);
          else open.set(k, n);
        }
      });
    },
  };
}

/** GET /api/v1/events: the WebSocket event stream with ?since replay. */
export function registerEventRoutes(root: FastifyInstance, deps: AppDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const limits = deps.eventSocketLimits;
  const sockets = createSocketCounter();
  app.get('/api/v1/events', {
    websocket: true,
    // Authenticated by the hook before the upgrade (a bad token gets a plain 401); browsers cannot
    // set headers on a WebSocket, so the token may come as ?token=.
    config: { queryToken: true },
    schema: {
      summary: 'WebSocket: every event the caller may see, in global sequence; ?since=N replays the events after N first',
      querystring: eventsQuerySchema,
    },
    // One client cannot hold the service with sockets: the excess is refused before the upgrade.
    preHandler: async (request, reply) => {
      const session = sessionOf(request);
      const keys = [`session:${session.tokenHash}`, `user:${session.user.kind}:${session.user.id}`] as const;
      if (sockets.count(keys[0]) >= limits.perSession || sockets.count(keys[1]) >= limits.perUser) {
        const [scope, max] = sockets.count(keys[0]) >= limits.perSession ? ['session', limits.perSession] : ['user', limits.perUser];
        return reply.code(429).send({ error: 'too_many_requests', message: `too many event sockets: at most ${max} per ${scope} are open at once; close one first` });
      }
      sockets.take(keys, (give) => request.raw.socket.once('close', give));
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
    const send = (json: string): void => (closed ? undefined : socket.send(json));
    // Agents' sockets take part in presence (docs/api.md); customers' never do.
    const user = session.user;
    const present: PresenceSocket | null = user.kind === 'agent' ? { agent: { id: user.id, name: user.name }, send } : null;
    let ignored = 0;
    socket.on('close', () => {
      closed = true;
      clearInterval(check);
      offLogout();
      unsubscribe?.();
      if (present !== null) deps.presence.leave(present);
      if (ignored > 0) request.log.info(`event socket closed after ${ignored} ignored client message(s)`);
    });
    // The only message a client may send is an agent's presence; anything else is ignored (the first logged).
    socket.on('message', (data, isBinary) => {
      if (closed) return;
      const update = present === null ? { ignored: 'customers send no presence' } : readPresenceUpdate(data, isBinary);
      if ('ignored' in update) {
        if (ignored++ === 0) request.log.warn(`event socket: ignored a client message: ${update.ignored}`);
        return;
      }
      if (present !== null) deps.presence.update(present, update.ticketId, update.typing);
    });
    deps.hub
      .subscribe({ user, send, active: () => !closed }, request.query.since)
      .then((off) => {
        if (closed) {
          off();
          return;
        }
        // Live now: an agent learns who is where, then every change.
        const unwatch = present === null ? undefined : deps.presence.watch(present);
        unsubscribe = () => {
          off();
          unwatch?.();
        };
      })
      // The hub has logged the cause; the client reconnects and replays again.
      .catch(() => {
        if (!closed) socket.close(INTERNAL_ERROR, 'the event replay failed; reconnect');
      });
  });
}
