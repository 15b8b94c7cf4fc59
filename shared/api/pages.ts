/**
 * The paging part of the contract (docs/oncall.md, "Paging"): GET /api/v1/pages and
 * POST /api/v1/pages/:id/ack. Self-contained (index.ts re-exports it and builds the page events from it).
 */
import { z } from 'zod';
import type { Page, PageRef } from '../model/index.ts';
import { PAGE_LEVELS, PAGE_REASONS, PAGE_STATES } from '../paging/ladder.ts';

const id = z.number().int().positive();
const instant = z.number().int().describe('epoch milliseconds');
const ids = z.array(id).readonly();

/** The page an event is about. */
export const pageRefSchema = z.object({
  id,
  level: z.enum(PAGE_LEVELS),
  attempt: z.number().int().positive(),
  paged: ids.describe('the agents this rung pages'),
  reason: z.enum(PAGE_REASONS),
}) satisfies z.ZodType<PageRef>;

/** A page. */
export const pageSchema = z.object({
  id,
  ticketId: id,
  state: z.enum(PAGE_STATES),
  level: z.enum(PAGE_LEVELS),
  attempt: z.number().int().positive(),
  paged: ids.describe('the agents the current rung pages'),
  notified: ids.describe('everyone paged so far; any of them may acknowledge'),
  reason: z.enum(PAGE_REASONS),
  nextAt: instant.nullable().describe('when the ladder acts next (escalation or reminder)'),
  acknowledgedBy: z.object({ id, name: z.string() }).nullable(),
  acknowledgedAt: instant.nullable(),
  createdAt: instant,
  closedAt: instant.nullable(),
}) satisfies z.ZodType<Page>;

/** GET /api/v1/pages query: `open` (default) is every page not closed, acknowledged or not. */
export const pageListQuerySchema = z.strictObject({ state: z.enum(['open', 'all']).default('open') });
/** GET /api/v1/pages response, newest first. */
export const pageListResponseSchema = z.object({ pages: z.array(pageSchema).readonly() });
/** :id of a page. */
export const pageParamsSchema = z.strictObject({
  id: z.string().regex(/^[1-9][0-9]{0,9}$/, 'must be a decimal page number').refine((s) => Number(s) <= 2_147_483_647, 'must be a decimal page number from 1 to 2147483647').transform(Number),
});
/** POST /api/v1/pages/:id/ack response: the page as it now is. */
export const pageResponseSchema = z.object({ page: pageSchema });
