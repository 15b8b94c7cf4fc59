import { useSyncExternalStore } from 'react';

/** Where the portal is: the ticket list, the new-ticket form, or one ticket. */
export type PortalRoute = { readonly name: 'tickets' } | { readonly name: 'new' } | { readonly name: 'ticket'; readonly id: number };

/**
 * The route of a location hash (`#/new`, `#/tickets/12`); anything else is the list. The hash keeps
 * the portal one page at `/portal`, so a reload or a shared link opens the same screen.
 */
export function parseRoute(hash: string): PortalRoute {
  if (hash === '#/new') return { name: 'new' };
  const ticket = /^#\/tickets\/([1-9]\d{0,15})$/.exec(hash);
  if (ticket?.[1] !== undefined) return { name: 'ticket', id: Number(ticket[1]) };
  return { name: 'tickets' };
}

/** The hash of a route. */
export function routeHash(route: PortalRoute): string {
  switch (route.name) {
    case 'tickets':
      return '#/';
    case 'new':
      return '#/new';
    case 'ticket':
      return `#/tickets/${route.id}`;
  }
}

const subscribe = (listener: () => void): (() => void) => {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
};

/** The current route; re-renders when the hash changes. */
export function useRoute(): PortalRoute {
  return parseRoute(useSyncExternalStore(subscribe, () => window.location.hash));
}

/** Goes to a route (a history entry, so Back returns). */
export function navigate(route: PortalRoute): void {
  window.location.hash = routeHash(route);
}
