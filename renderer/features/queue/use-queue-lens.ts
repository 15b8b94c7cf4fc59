import { useState } from 'react';
import { SLA_ORDER, type QueueLens } from '../../../shared/tickets/queue-order.ts';
import { useSaveSettings, useSettings } from '../settings/queries.ts';

/**
 * The queue's sort and filters for agent `agentId`, remembered in the console's settings (per agent,
 * as the column widths are), so they come back after a restart or a new sign-in and agents sharing
 * a workstation keep their own. A change shows at once and is stored.
 */
export function useQueueLens(agentId: number): { readonly lens: QueueLens; change(next: QueueLens): void } {
  const settings = useSettings();
  const { mutate } = useSaveSettings();
  const [shown, setShown] = useState<QueueLens | null>(null);
  // Stored lenses were validated (and trimmed to what is valid) when the settings were read.
  const lens = shown ?? settings.queueLens[String(agentId)] ?? SLA_ORDER;
  return {
    lens,
    change: (next) => {
      setShown(next);
      mutate({ queueLens: { ...settings.queueLens, [String(agentId)]: next } });
    },
  };
}
