import { create } from 'zustand';
import type { PresenceMessage, PresentAgent } from '../../../shared/presence/index.ts';

interface PresenceStore {
  /** Other agents per ticket, as the service last said; tickets nobody else has open are absent. */
  readonly others: Readonly<Record<number, readonly PresentAgent[]>>;
  /** The ticket where this agent types a reply now, or null. */
  readonly typingOn: number | null;
  readonly actions: {
    presenceReceived(message: PresenceMessage): void;
    /** The stream is down: what we knew may be stale, so nothing is shown until the service says again. */
    presenceLost(): void;
    typingStarted(ticketId: number): void;
    typingStopped(): void;
    reset(): void;
  };
}

const NOBODY: readonly PresentAgent[] = [];
const initial = { others: {}, typingOn: null } as const;

const usePresenceStore = create<PresenceStore>()((set) => ({
  ...initial,
  actions: {
    presenceReceived: (message) =>
      set((s) => {
        if (message.type === 'presence.snapshot') return { others: Object.fromEntries(message.tickets.filter((x) => x.agents.length > 0).map((x) => [x.ticketId, x.agents])) };
        const others = Object.fromEntries(Object.entries(s.others).filter(([id]) => Number(id) !== message.ticketId));
        return { others: message.agents.length === 0 ? others : { ...others, [message.ticketId]: message.agents } };
      }),
    presenceLost: () => set({ others: {} }),
    typingStarted: (ticketId) => set((s) => (s.typingOn === ticketId ? s : { typingOn: ticketId })),
    typingStopped: () => set((s) => (s.typingOn === null ? s : { typingOn: null })),
    reset: () => set(initial),
  },
}));

/** The other agents on a ticket (none: an empty list). */
export const usePresenceOn = (ticketId: number): readonly PresentAgent[] => usePresenceStore((s) => s.others[ticketId] ?? NOBODY);
/** The ticket where this agent types now. */
export const useTypingOn = () => usePresenceStore((s) => s.typingOn);
/** The presence actions. */
export const usePresenceActions = () => usePresenceStore((s) => s.actions);
/** Resets the store (sign-out, tests). */
export const resetPresenceStore = () => usePresenceStore.getState().actions.reset();
