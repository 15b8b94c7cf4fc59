import type { FastifyRequest } from 'fastify';
import type { Session, Sessions } from '../auth/sessions.ts';

/** The bearer token of a REST request: the Authorization header only (query tokens end up in logs). */
export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  const match = header === undefined ? null : /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1];
}

/** The session of a REST request, or a 401. */
export function requireSession(sessions: Sessions, request: FastifyRequest): Promise<Session> {
  return sessions.authenticate(bearerToken(request));
}
