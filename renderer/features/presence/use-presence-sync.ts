import { useEffect } from 'react';
import { useBridge } from '../../bridge/bridge-context.tsx';
import { usePresenceActions, useTypingOn } from './store.ts';

/**
 * Tells the service (through the bridge, over the event stream) which ticket this console has open
 * and whether the agent types a reply there, and keeps other agents' presence from the bridge in
 * the store; it is dropped while the stream is down and at sign-out, so nothing stale shows.
 */
export function usePresenceSync(openTicketId: number | null): void {
  const bridge = useBridge();
  const typingOn = useTypingOn();
  const { presenceReceived, presenceLost, reset } = usePresenceActions();

  useEffect(() => {
    const offs = [
      bridge.on('presence:changed', presenceReceived),
      bridge.on('connection:changed', (state) => state.status !== 'online' && presenceLost()),
      bridge.on('session:changed', (session) => session === null && reset()),
    ];
    return () => {
      for (const off of offs) off();
      reset();
    };
  }, [bridge, presenceReceived, presenceLost, reset]);

  useEffect(() => {
    // The stream keeps it and sends it when it can; a failure here only means nobody sees us.
    void bridge.invoke('presence:set', { ticketId: openTicketId, typing: openTicketId !== null && typingOn === openTicketId }).catch(() => undefined);
  }, [bridge, openTicketId, typingOn]);
}
