import { create } from 'zustand';
import type { ConnectionState } from '../../../shared/client/event-stream.ts';

interface ConnectionStore {
  readonly status: ConnectionState['status'];
  /** Whether the stream has been online since sign-in: "lost" means it was. */
  readonly wasOnline: boolean;
  readonly actions: { connectionChanged(state: ConnectionState): void; reset(): void };
}

const useConnectionStore = create<ConnectionStore>()((set) => ({
  status: 'connecting',
  wasOnline: false,
  actions: {
    connectionChanged: (state) => set((s) => ({ status: state.status, wasOnline: s.wasOnline || state.status === 'online' })),
    reset: () => set({ status: 'connecting', wasOnline: false }),
  },
}));

/** Where the connection to the ticket service stands. */
export const useConnectionStatus = () => useConnectionStore((s) => s.status);
/** Whether a connection that was up is down now (the banner's cue). */
export const useConnectionLost = () => useConnectionStore((s) => s.wasOnline && (s.status === 'offline' || s.status === 'connecting'));
/** The connection's actions. */
export const useConnectionActions = () => useConnectionStore((s) => s.actions);
/** Resets the store (sign-out, tests). */
export const resetConnectionStore = () => useConnectionStore.getState().actions.reset();
/** The current status, outside React. */
export const connectionStatusNow = () => useConnectionStore.getState().status;
