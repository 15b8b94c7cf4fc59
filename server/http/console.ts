import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { CONSOLE_CSP } from '../../shared/csp.ts';

/** Serves the built renderer (out/renderer): the console at `/` for agents without the desktop app, the portal at `/portal` for customers. */
export async function registerConsole(app: FastifyInstance, root: string): Promise<void> {
  // The console's files are public (the sign-in screen is among them); in a scope of their own so
  // no other route becomes public with them.
  await app.register(async (scope) => {
    scope.addHook('onRoute', (route) => {
      route.config = { ...route.config, public: true };
    });
    await registerStatic(scope, root);
    // The customer portal is one page; its screens live in the hash (renderer/portal/route.ts).
    scope.get('/portal', { schema: { hide: true } }, (_request, reply) => reply.sendFile('portal.html'));
  });
}

async function registerStatic(app: FastifyInstance, root: string): Promise<void> {
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    index: ['index.html'],
    setHeaders: (reply) => {
      reply.header('content-security-policy', CONSOLE_CSP);
      reply.header('x-content-type-options', 'nosniff');
      reply.header('referrer-policy', 'no-referrer');
    },
  });
}
