import type { Translate } from '../../../shared/i18n/index.ts';
import { ApiError } from '../../../shared/client/api-error.ts';

/** What a refused administrative change was, so its conflict can be said in the reader's words. */
export type Attempt = { readonly kind: 'create'; readonly login: string } | { readonly kind: 'keep-admin'; readonly name: string } | { readonly kind: 'other' };

/**
 * A refusal in words: a taken login and the last active administrator (the service's 409s) in the
 * console's language; anything else as the service says it (its message names the field).
 */
export function refusalText(t: Translate, error: Error, attempt: Attempt): string {
  if (error instanceof ApiError && error.status === 409) {
    if (attempt.kind === 'create') return t('admin.loginTaken', { login: attempt.login });
    if (attempt.kind === 'keep-admin') return t('admin.people.lastAdmin', { name: attempt.name });
  }
  return error.message;
}
