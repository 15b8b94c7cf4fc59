/** Who is acting, as the rules need them (defined with the rules in shared/workflow). */
export type { Actor } from '../../shared/workflow/index.ts';
