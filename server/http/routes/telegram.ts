import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { emptyRequestSchema, errorResponseSchema, telegramMessageParamsSchema, telegramRetryResponseSchema, telegramStatusResponseSchema } from '../../../shared/api/index.ts';
import { ADMINISTRATORS } from '../../../shared/auth/roles.ts';
import type { TelegramService } from '../../domain/telegram-service.ts';
import { sessionOf, type Audience } from '../auth.ts';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema };
const ADMINS: readonly Audience[] = ADMINISTRATORS;

/** /api/v1/admin/telegram: the Telegram status channel's outbox (R11, docs/telegram.md), for admins. */
export function registerTelegramRoutes(root: FastifyInstance, deps: { readonly telegram: TelegramService }): void {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get('/api/v1/admin/telegram', {
    config: { roles: ADMINS },
    schema: {
      operationId: 'adminTelegramStatus',
      summary: 'Whether a bot token is configured (never the token), how many messages are queued and failed, and the newest failed ones (admins)',
      response: { 200: telegramStatusResponseSchema, ...errors },
    },
  }, async () => deps.telegram.status());

  app.post('/api/v1/admin/telegram/:id/retry', {
    config: { roles: ADMINS },
    schema: {
      operationId: 'adminRetryTelegramMessage',
      summary: "Queue a failed Telegram message again, for the client's chat as set now (admins); 404 no such message, 409 not failed, no token on this service, or no chat",
      params: telegramMessageParamsSchema,
      body: emptyRequestSchema,
      response: { 200: telegramRetryResponseSchema, ...errors },
    },
  }, async (request) => deps.telegram.retry(sessionOf(request).actor, request.params.id));
}
