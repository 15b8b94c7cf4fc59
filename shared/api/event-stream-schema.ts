/**
 * Every message of the /api/v1/events WebSocket as one schema: the events (a union on `type`) and
 * the stream's control messages. Published as JSON Schema for clients generated in other languages.
 */
import { z } from 'zod';
import { presenceSchema, presenceSnapshotSchema, serviceEventSchema, streamLiveSchema, streamResetSchema } from './index.ts';

/** One message on the event stream. */
export const streamMessageSchema = z.union([serviceEventSchema, streamLiveSchema, streamResetSchema, presenceSchema, presenceSnapshotSchema]);

let cached: Record<string, unknown> | undefined;

/** The stream's messages as JSON Schema (draft 2020-12), as GET /api/v1/events/schema.json serves it. */
export function eventStreamJsonSchema(): Record<string, unknown> {
  cached ??= {
    ...z.toJSONSchema(streamMessageSchema, { target: 'draft-2020-12', io: 'output' }),
    title: 'DutyDesk event stream message',
    description: 'One WebSocket message of GET /api/v1/events: an event (its data decided by its type) or a control message (type stream.*, or presence and presence.snapshot to agents). See docs/api.md.',
  };
  return cached;
}
