/**
 * Presence of one instance: what each agent's event socket has open, in memory only (never in the
 * events table, no sequence number, no replay). A change of who is on a ticket is sent at once to
 * every watching agent socket; an entry not refreshed within the TTL is dropped by `sweep`.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { presenceUpdateSchema } from '../../shared/api/index.ts';
import { agentsOn, PRESENCE_MESSAGE_MAX_BYTES, type PresenceEntry } from '../../shared/presence/index.ts';

/** One agent's event socket. */
export interface PresenceSocket {
  readonly agent: { readonly id: number; readonly name: string };
  /** Sends one serialized control message; must not throw. */
  send(json: string): void;
}

interface Held extends PresenceEntry {
  readonly at: number;
}

/**
 * One socket's presence as instances on one PostgreSQL tell each other (NOTIFY, docs/api.md): what
 * it has open now (also each refresh), or that it is gone. `socket` is unique across instances.
 */
export const relayedPresenceSchema = z.union([
  z.strictObject({ socket: z.string().max(100), agent: z.strictObject({ id: z.number().int().positive(), name: z.string().max(500) }), ticketId: z.number().int().positive().nullable(), typing: z.boolean() }),
  z.strictObject({ socket: z.string().max(100), gone: z.literal(true) }),
]);
/** A relayed presence change. */
export type RelayedPresence = z.infer<typeof relayedPresenceSchema>;

/** The presence registry of one instance. */
export interface Presence {
  /** A live agent socket starts watching: it gets the snapshot now and every change after. Returns its stop function. */
  watch(socket: PresenceSocket): () => void;
  /** What `socket` has open now (also a refresh of its entry). */
  update(socket: PresenceSocket, ticketId: number | null, typing: boolean): void;
  /** The socket has closed: its entry goes at once. */
  leave(socket: PresenceSocket): void;
  /** Drops the entries older than the TTL. */
  sweep(): void;
  /** A change another instance relayed (its own are ignored); remote entries expire like local ones. */
  remote(change: RelayedPresence): void;
}

/** Builds the registry over the service's clock; `ttlMs` is how long an entry lives without a refresh. */
export function createPresence(options: { readonly now: () => number; readonly ttlMs: number; readonly publish?: (change: RelayedPresence) => void }): Presence {
  const entries = new Map<PresenceSocket, Held>();
  // Local sockets' names for other instances, and other instances' sockets as stand-ins here.
  const self = randomUUID();
  let counter = 0;
  const keys = new WeakMap<PresenceSocket, string>();
  const keyOf = (socket: PresenceSocket): string => {
    let key = keys.get(socket);
    if (key === undefined) keys.set(socket, (key = `${self}:${++counter}`));
    return key;
  };
  const remotes = new Map<string, PresenceSocket>();
  const isRemote = (socket: PresenceSocket): boolean => !keys.has(socket);
  const set = (socket: PresenceSocket, ticketId: number | null, typing: boolean): void => {
    const before = entries.get(socket)?.ticketId ?? null;
    // Typing is about the open ticket only.
    entries.set(socket, { agent: socket.agent, ticketId, typing: ticketId !== null && typing, at: options.now() });
    tell([before, ticketId].filter((t) => t !== null));
  };
  // What each watcher was last told per ticket, so it hears only real changes (not refreshes or its own moves).
  const watchers = new Map<PresenceSocket, Map<number, string>>();

  const tell = (ticketIds: Iterable<number>): void => {
    const ids = [...new Set(ticketIds)];
    if (ids.length === 0) return;
    for (const [w, told] of watchers) {
      for (const ticketId of ids) {
        const agents = agentsOn(entries.values(), ticketId, w.agent.id);
        const json = JSON.stringify({ type: 'presence', ticketId, agents });
        const last = told.get(ticketId);
        if (last === json || (last === undefined && agents.length === 0)) continue;
        if (agents.length === 0) told.delete(ticketId);
        else told.set(ticketId, json);
        w.send(json);
      }
    }
  };
  const remove = (socket: PresenceSocket): number | null => {
    const held = entries.get(socket);
    entries.delete(socket);
    return held?.ticketId ?? null;
  };

  return {
    watch(socket) {
      const told = new Map<number, string>();
      const open = new Set<number>();
      for (const e of entries.values()) if (e.ticketId !== null) open.add(e.ticketId);
      const tickets = [];
      for (const ticketId of [...open].sort((a, b) => a - b)) {
        const agents = agentsOn(entries.values(), ticketId, socket.agent.id);
        if (agents.length === 0) continue;
        tickets.push({ ticketId, agents });
        told.set(ticketId, JSON.stringify({ type: 'presence', ticketId, agents }));
      }
      watchers.set(socket, told);
      socket.send(JSON.stringify({ type: 'presence.snapshot', tickets }));
      return () => void watchers.delete(socket);
    },
    update(socket, ticketId, typing) {
      const key = keyOf(socket);
      set(socket, ticketId, typing);
      options.publish?.({ socket: key, agent: socket.agent, ticketId, typing });
    },
    leave(socket) {
      watchers.delete(socket);
      const had = entries.has(socket);
      const was = remove(socket);
      if (had) options.publish?.({ socket: keyOf(socket), gone: true });
      if (was !== null) tell([was]);
    },
    remote(change) {
      if (change.socket.startsWith(`${self}:`)) return;
      const known = remotes.get(change.socket);
      if ('gone' in change) {
        remotes.delete(change.socket);
        const was = known === undefined ? null : remove(known);
        if (was !== null) tell([was]);
        return;
      }
      const socket = known ?? { agent: change.agent, send: () => {} };
      remotes.set(change.socket, socket);
      set(socket, change.ticketId, change.typing);
    },
    sweep() {
      const oldest = options.now() - options.ttlMs;
      const gone: number[] = [];
      for (const [socket, held] of entries) {
        if (held.at >= oldest) continue;
        const was = remove(socket);
        if (was !== null) gone.push(was);
        if (!isRemote(socket)) options.publish?.({ socket: keyOf(socket), gone: true });
      }
      for (const [key, socket] of remotes) if (!entries.has(socket)) remotes.delete(key);
      tell(gone);
    },
  };
}

/** A console's presence message read from the socket, or why it is ignored. */
export function readPresenceUpdate(data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean): { readonly ticketId: number | null; readonly typing: boolean } | { readonly ignored: string } {
  if (isBinary) return { ignored: 'binary message' };
  const bytes = Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
  if (bytes.byteLength > PRESENCE_MESSAGE_MAX_BYTES) return { ignored: `message over ${PRESENCE_MESSAGE_MAX_BYTES} bytes` };
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    return { ignored: 'not JSON' };
  }
  const parsed = presenceUpdateSchema.safeParse(json);
  if (!parsed.success) return { ignored: `not a presence message (${parsed.error.issues.map((i) => `${i.path.join('.') || 'message'}: ${i.message}`).join('; ')})` };
  return { ticketId: parsed.data.ticketId, typing: parsed.data.typing };
}
