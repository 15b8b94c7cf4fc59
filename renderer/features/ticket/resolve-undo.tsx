import { useEffect, useRef } from 'react';
import { create } from 'zustand';
import type { TicketCommand } from '../../../shared/client/ticket-command.ts';
import { useT } from '../../i18n/use-translation.ts';
import { useTicketCommand } from './queries.ts';
import { useTicketActions } from './store.ts';

/**
 * How long a resolve waits for "Undo" before it is sent. The console holds the command rather than
 * sending it and reopening on undo: until it is sent the customer gets no closing reply to be taken
 * back, the status channel posts no "resolved" then "reopened", the audit shows no resolve that never
 * was, and the SLA clock is not stopped and restarted as a reopen would (docs/api.md, Reopen).
 */
export const RESOLVE_UNDO_MS = 5_000;

type ResolveCommand = Extract<TicketCommand, { command: 'resolve' }>;

interface Held {
  readonly command: ResolveCommand;
  readonly number: number;
}

interface UndoState {
  /** The resolve waiting for its undo window to run out; one at a time. */
  readonly held: Held | null;
  /** What the last held resolve came to, for the toast to say. */
  readonly outcome: { readonly kind: 'undone' | 'failed'; readonly number: number; readonly message?: string } | null;
  readonly actions: {
    held(h: Held): void;
    released(): Held | null;
    ended(outcome: UndoState['outcome']): void;
  };
}

const useUndoStore = create<UndoState>()((set, get) => ({
  held: null,
  outcome: null,
  actions: {
    held: (held) => set({ held, outcome: null }),
    released: () => {
      const { held } = get();
      set({ held: null });
      return held;
    },
    ended: (outcome) => set({ outcome }),
  },
}));

/** Holds a resolve for RESOLVE_UNDO_MS; a resolve already held is sent at once (see ResolveUndo). */
export const useHoldResolve = () => useUndoStore((s) => s.actions.held);
/** The ticket whose resolve is being held, if any (its actions wait). */
export const useHeldResolveId = () => useUndoStore((s) => s.held?.command.id ?? null);

/**
 * The "Resolved #N. Undo" toast: sends the held resolve when the time runs out (or a next one is
 * held, or the console unmounts), drops it on Undo. A refusal is shown, and the closing reply goes
 * back into the ticket's reply draft: nothing the agent wrote is lost.
 */
export function ResolveUndo() {
  const t = useT();
  const held = useUndoStore((s) => s.held);
  const outcome = useUndoStore((s) => s.outcome);
  const { released, ended } = useUndoStore((s) => s.actions);
  const { draftEdited } = useTicketActions();
  const command = useTicketCommand();
  const send = useRef<(h: Held) => void>(() => undefined);
  send.current = (h) => {
    command.mutate(h.command, {
      onError: (error) => {
        if (h.command.reply !== undefined) draftEdited(`${h.command.id}:reply`, h.command.reply);
        ended({ kind: 'failed', number: h.number, message: error.message });
      },
    });
  };

  useEffect(() => {
    if (held === null) return undefined;
    const timer = setTimeout(() => {
      const h = released();
      if (h !== null) send.current(h);
    }, RESOLVE_UNDO_MS);
    return () => {
      clearTimeout(timer);
      // Replaced by a next resolve, or the console going away: the agent asked for this one; send it.
      const still = useUndoStore.getState().held;
      if (still !== null && still !== held) send.current(held);
    };
  }, [held]);

  useEffect(() => () => {
    const h = released();
    if (h !== null) send.current(h);
  }, [released]);

  if (held !== null) {
    return (
      <div className="toast" role="status">
        <span>{t('resolve.held', { number: held.number })}</span>
        <button
          type="button"
          onClick={() => {
            const h = released();
            if (h !== null) ended({ kind: 'undone', number: h.number });
          }}
        >
          {t('resolve.undo')}
        </button>
      </div>
    );
  }
  if (outcome === null) return null;
  return (
    <div className="toast" role={outcome.kind === 'failed' ? 'alert' : 'status'}>
      <span>{outcome.kind === 'undone' ? t('resolve.undone', { number: outcome.number }) : t('resolve.failed', { number: outcome.number, message: outcome.message ?? '' })}</span>
      <button type="button" aria-label={t('app.close')} onClick={() => ended(null)}>×</button>
    </div>
  );
}
