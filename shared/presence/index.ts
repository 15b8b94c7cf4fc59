/**
 * Presence: which agents have a ticket open and who is typing a reply, so two agents do not answer
 * one customer. Ephemeral: held in the service's memory per event socket, never stored or replayed.
 * The timings live here so the service and the consoles agree on them.
 */

/** How often a console re-sends what it has open, so the service knows it is still there. */
export const PRESENCE_REFRESH_MS = 10_000;
/** An entry not refreshed for this long is dropped (a console that died without closing its socket). */
export const PRESENCE_TTL_MS = 25_000;
/** How often the service looks for expired entries. */
export const PRESENCE_SWEEP_MS = 5_000;
/** "Typing" ends this long after the last keystroke (or at once when the text is sent or emptied). */
export const TYPING_IDLE_MS = 4_000;
/** The largest presence message the service reads (bytes of JSON); longer ones are ignored. */
export const PRESENCE_MESSAGE_MAX_BYTES = 256;

import type { z } from 'zod';
import type { presenceSchema, presenceSnapshotSchema } from '../api/index.ts';

/** A presence control message of the event stream: one ticket's change, or the snapshot at going live. */
export type PresenceMessage = z.infer<typeof presenceSchema> | z.infer<typeof presenceSnapshotSchema>;

/** What a console tells the service: the ticket it has open (null: none) and whether the agent types a reply there. */
export interface PresenceState {
  readonly ticketId: number | null;
  readonly typing: boolean;
}

/** One agent on a ticket, as other agents see them. */
export interface PresentAgent {
  readonly id: number;
  readonly name: string;
  readonly typing: boolean;
}

/** What one console (one event socket) has open. */
export interface PresenceEntry {
  readonly agent: { readonly id: number; readonly name: string };
  readonly ticketId: number | null;
  readonly typing: boolean;
}

/**
 * The agents on `ticketId` as `viewerId` sees them: one line per agent however many windows they
 * have open (typing if any of them types), never the viewer themself, ordered by name.
 */
export function agentsOn(entries: Iterable<PresenceEntry>, ticketId: number, viewerId: number): PresentAgent[] {
  const byAgent = new Map<number, PresentAgent>();
  for (const e of entries) {
    if (e.ticketId !== ticketId || e.agent.id === viewerId) continue;
    const seen = byAgent.get(e.agent.id);
    byAgent.set(e.agent.id, { id: e.agent.id, name: e.agent.name, typing: e.typing || (seen?.typing ?? false) });
  }
  return [...byAgent.values()].sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id);
}
