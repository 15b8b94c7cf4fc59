import type { Role, Tier } from '../../shared/model/index.ts';

/** Who is acting, as the rules need them. */
export type Actor =
  | { readonly kind: 'agent'; readonly id: number; readonly name: string; readonly role: Role; readonly tiers: readonly Tier[] }
  | { readonly kind: 'customer'; readonly id: number; readonly name: string; readonly clientId: number };
