/**
 * Presence across instances on one PostgreSQL: each instance NOTIFYs its sockets' changes on a
 * channel of their own (nothing is stored) and applies the others'. Notifications go out one at a
 * time, so another instance sees one socket's changes in the order they happened.
 */
import { sql } from 'kysely';
import type { Db } from '../db/index.ts';
import { relayedPresenceSchema, type RelayedPresence } from './presence.ts';

/** The NOTIFY channel of presence (ephemeral; the events channel is apart). */
export const PRESENCE_CHANNEL = 'dutydesk_presence';

/** Sends presence changes to the other instances. */
export function createPresencePublisher(db: Db, onError: (error: unknown) => void): (change: RelayedPresence) => void {
  let chain: Promise<unknown> = Promise.resolve();
  return (change) => {
    chain = chain.then(() => sql`select pg_notify(${PRESENCE_CHANNEL}, ${JSON.stringify(change)})`.execute(db.kysely)).catch(onError);
  };
}

/** A notification's payload as a relayed change, or null when it is not one (logged by the caller). */
export function readRelayedPresence(payload: string): RelayedPresence | null {
  try {
    const parsed = relayedPresenceSchema.safeParse(JSON.parse(payload));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
