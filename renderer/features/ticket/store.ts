import { create } from 'zustand';
import type { MessageType } from '../../../shared/model/index.ts';

/** A dialog of the ticket workspace. */
export type TicketDialog = 'route' | 'move' | 'merge' | 'compensation' | 'escalate' | 'resolve' | 'reopen';
/** What the composer writes. */
export type ComposerMode = Extract<MessageType, 'reply' | 'question' | 'note'>;

interface TicketState {
  readonly openId: number | null;
  readonly dialog: TicketDialog | null;
  readonly composer: ComposerMode | null;
  /** Unsent text per ticket and composer mode, kept while the agent looks elsewhere. */
  readonly drafts: Readonly<Record<string, string>>;
  readonly actions: {
    ticketOpened(id: number): void;
    ticketClosed(): void;
    dialogOpened(dialog: TicketDialog): void;
    dialogClosed(): void;
    composerOpened(mode: ComposerMode): void;
    composerClosed(): void;
    draftEdited(key: string, text: string): void;
    reset(): void;
  };
}

const initial = { openId: null, dialog: null, composer: null, drafts: {} } as const;

const useTicketStore = create<TicketState>()((set) => ({
  ...initial,
  actions: {
    ticketOpened: (id) => set((s) => (s.openId === id ? s : { openId: id, dialog: null, composer: null })),
    ticketClosed: () => set({ openId: null, dialog: null, composer: null }),
    dialogOpened: (dialog) => set({ dialog }),
    dialogClosed: () => set({ dialog: null }),
    composerOpened: (composer) => set({ composer }),
    composerClosed: () => set({ composer: null }),
    draftEdited: (key, text) => set((s) => ({ drafts: { ...s.drafts, [key]: text } })),
    reset: () => set(initial),
  },
}));

/** The open ticket's id. */
export const useOpenTicketId = () => useTicketStore((s) => s.openId);
/** The open dialog. */
export const useTicketDialog = () => useTicketStore((s) => s.dialog);
/** The open composer mode. */
export const useComposer = () => useTicketStore((s) => s.composer);
/** One draft. */
export const useDraft = (key: string) => useTicketStore((s) => s.drafts[key] ?? '');
/** The workspace's UI actions. */
export const useTicketActions = () => useTicketStore((s) => s.actions);
/** Opens a ticket from outside React (a notification click). */
export const openTicket = (id: number) => useTicketStore.getState().actions.ticketOpened(id);
/** Resets the store (sign-out, tests). */
export const resetTicketStore = () => useTicketStore.getState().actions.reset();
