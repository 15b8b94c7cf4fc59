import type { TicketView } from '../../../shared/api/index.ts';
import type { Agent } from '../../../shared/model/index.ts';

/** The views the queue offers, in order. */
export const QUEUE_VIEWS: readonly TicketView[] = ['queue', 'tier', 'mine', 'all', 'escalated'];

/**
 * Where an agent starts: managers at the escalation desk, engineers and analysts on their own tier
 * (what they can act on), an agent of no tier (an administrator) on the open queue.
 */
export function defaultViewOf(agent: Agent): TicketView {
  if (agent.role === 'manager' || agent.tiers.includes('escalation')) return 'escalated';
  if (agent.tiers.length === 0) return 'queue';
  return 'tier';
}
