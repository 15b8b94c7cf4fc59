import { useEffect, useRef } from 'react';
import { TYPING_IDLE_MS } from '../../../shared/presence/index.ts';
import { usePresenceActions } from './store.ts';

/**
 * For a composer of text the customer will read: returns what to call on each edit. Unsent text
 * being edited marks the agent as typing on `ticketId`; it ends TYPING_IDLE_MS after the last
 * keystroke, when the text is emptied, or when the composer goes (sent or closed).
 */
export function useTypingSignal(ticketId: number, customerFacing: boolean): (text: string) => void {
  const { typingStarted, typingStopped } = usePresenceActions();
  const idle = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(
    () => () => {
      clearTimeout(idle.current);
      typingStopped();
    },
    [typingStopped],
  );
  return (text) => {
    clearTimeout(idle.current);
    if (!customerFacing || text.trim() === '') {
      typingStopped();
      return;
    }
    typingStarted(ticketId);
    idle.current = setTimeout(typingStopped, TYPING_IDLE_MS);
  };
}
