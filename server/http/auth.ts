/**
 * Authentication as one hook: every route is private unless it says `config: { public: true }`.
 * The hook puts the caller's session on the request before anything else runs (no body is even
 * parsed for an unknown caller); routes may narrow who may call them with `config: { roles }`,
 * checked once the request is valid (so bad input is a 400 for every caller). A caller with a
 * temporary password gets 403 password_change_required from every route that does not say
 * `config: { allowWithTemporaryPassword: true }`.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Role, User } from '../../shared/model/index.ts';
import type { Session, Sessions } from '../auth/sessions.ts';
import { forbidden, passwordChangeRequired } from '../domain/errors.ts';

/** Who a route may be for: an agent role, or customers. */
export type Audience = Role | 'customer';
/** Every agent role: routes for agents only. */
export const AGENTS: readonly Audience[] = ['agent', 'manager', 'admin'];

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Answers without a token (the public list: clock, info, sign-in, the OpenAPI document, console assets). */
    public?: boolean;
    /** Only these may call it (403 for others); default: anyone signed in. */
    roles?: readonly Audience[];
    /** Also takes the token from `?token=` (WebSocket clients cannot set headers). */
    queryToken?: boolean;
    /** Open to a caller who holds a temporary password (everything else answers 403 password_change_required). */
    allowWithTemporaryPassword?: boolean;
  }
  interface FastifyRequest {
    /** The caller's session: set by the authentication hook on every non-public route. */
    session: Session | null;
  }
}

/** The bearer token of a request: the Authorization header, or `?token=` where the route allows it. */
export function tokenOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  const match = header === undefined ? null : /^Bearer\s+(\S+)$/i.exec(header);
  if (match?.[1] !== undefined) return match[1];
  if (request.routeOptions.config.queryToken !== true) return undefined;
  const query = request.query as { token?: unknown } | undefined;
  return typeof query?.token === 'string' ? query.token : undefined;
}

/** The session the hook found; only private routes call it, so its absence is a wiring fault. */
export function sessionOf(request: FastifyRequest): Session {
  if (request.session === null) throw new Error(`${request.method} ${request.routeOptions.url ?? ''}: no session on a route that needs one`);
  return request.session;
}

const audienceOf = (user: User): Audience => (user.kind === 'agent' ? user.role : 'customer');
const describe = (roles: readonly Audience[]): string => (roles.every((r) => AGENTS.includes(r)) && roles.length === AGENTS.length ? 'agents' : roles.join(', '));

/** Installs the authentication hook. */
export function registerAuth(app: FastifyInstance, sessions: Sessions): void {
  app.decorateRequest('session', null);
  app.addHook('onRequest', async (request) => {
    // Unknown paths answer 404 alike for everyone.
    if (request.is404) return;
    const { config } = request.routeOptions;
    if (config.public === true) return;
    request.session = await sessions.authenticate(tokenOf(request));
    // A temporary password opens only what changing it needs: the session itself and the change.
    if (request.session.mustChangePassword && config.allowWithTemporaryPassword !== true) throw passwordChangeRequired();
  });
  // The role check runs after validation, so bad input is a 400 for every signed-in caller alike
  // (what the document allows is public); a valid request from the wrong role is a 403.
  app.addHook('preHandler', async (request) => {
    const roles = request.routeOptions.config.roles;
    if (roles === undefined || request.session === null) return;
    if (!roles.includes(audienceOf(request.session.user))) {
      throw forbidden(`${request.method} ${request.routeOptions.url ?? ''} is for ${describe(roles)} only`);
    }
  });
}

/** A route as the access list sees it. */
export interface RouteAccess {
  readonly method: string;
  readonly url: string;
  readonly public: boolean;
  /** The route's `config.roles`, when it narrows who may call it. */
  readonly roles: readonly Audience[] | undefined;
  /** Whether a caller with a temporary password may call it. */
  readonly allowWithTemporaryPassword: boolean;
}

/** Records every route's access as it is registered (for the test that checks the public list). */
export function recordRouteAccess(app: FastifyInstance): readonly RouteAccess[] {
  const routes: RouteAccess[] = [];
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    // Read when asked: hooks of inner scopes (the console's) still set `public` after this one.
    for (const method of methods) routes.push({ method, url: route.url, get public() { return route.config?.public === true; }, get roles() { return route.config?.roles; }, get allowWithTemporaryPassword() { return route.config?.allowWithTemporaryPassword === true; } });
  });
  return routes;
}
