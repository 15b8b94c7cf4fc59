/**
 * The workflow rules live in shared/workflow (the console asks the same decision); this module maps
 * their refusals to the service's DomainError, the one step from a refusal to an HTTP status.
 */
import type { Refusal } from '../../shared/workflow/index.ts';
import { DomainError } from './errors.ts';

export { actsOnTier, canSee, decide, decideMerge, type Decision, type Refusal, type TicketChange, type TicketCommand, type TicketFacts } from '../../shared/workflow/index.ts';

/** The service's error for a refusal of the rules. */
export function refusalError(refusal: Refusal): DomainError {
  return new DomainError(refusal.kind, refusal.message, refusal.field);
}
