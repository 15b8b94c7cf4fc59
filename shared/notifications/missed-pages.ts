import type { ApiClient } from '../client/api-client.ts';
import type { Agent } from '../model/index.ts';
import type { Settings } from '../settings.ts';
import { decidePagesAtSignIn, openPagesForMe, type NotificationDecision } from './decide.ts';

/**
 * The urgent notifications to show right after sign-in: the open pages that page me, which may
 * have arrived while the console was closed. Main and the web bridge both call it once per sign-in.
 */
export async function missedPageNotifications(api: Pick<ApiClient, 'pages' | 'getTicket'>, me: Agent, settings: Settings): Promise<readonly NotificationDecision[]> {
  if (!settings.notifications.page) return [];
  const mine = openPagesForMe(await api.pages('open'), me);
  const tickets = new Map((await Promise.all(mine.map((p) => api.getTicket(p.ticketId)))).map((d) => [d.ticket.id, d.ticket] as const));
  return decidePagesAtSignIn(mine, tickets, me, settings);
}
