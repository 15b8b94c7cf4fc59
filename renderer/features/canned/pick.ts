import type { CannedReply } from '../../../shared/api/index.ts';
import type { Language } from '../../../shared/model/index.ts';

/**
 * The replies a picker offers for a ticket in `language`, matching `search` (in title or body,
 * whatever its case): the ticket's language first, then the others; the service's order within.
 */
export function pickerReplies(replies: readonly CannedReply[], language: Language, search: string): CannedReply[] {
  const words = search.toLocaleLowerCase().split(/\s+/).filter((w) => w !== '');
  const matches = replies.filter((r) => {
    const text = `${r.title}\n${r.body}`.toLocaleLowerCase();
    return words.every((w) => text.includes(w));
  });
  return [...matches.filter((r) => r.language === language), ...matches.filter((r) => r.language !== language)];
}
