import { OPEN_STATUSES, type TicketStatus } from '../model/index.ts';
import { STOP_WORDS } from './stop-words.ts';

/** What two tickets are compared by: what a customer writes. */
export interface TicketText {
  readonly subject: string;
  readonly body: string;
}

/** A ticket that may be the same problem: any shape with an id, its text and its status. */
export interface SimilarCandidate extends TicketText {
  readonly id: number;
  readonly status: TicketStatus;
}

/** A candidate that looks like the same problem, and how much (0..1). */
export interface SimilarMatch<T extends SimilarCandidate> {
  readonly ticket: T;
  readonly score: number;
}

/**
 * The score from which two texts count as the same problem, tuned on the fixture of realistic
 * pairs in Russian, Ukrainian and English in test/unit/shared/tickets/similar.test.ts.
 */
export const SIMILARITY_THRESHOLD = 0.38;

/** Lower case, compatibility forms folded (NFKC), ё as е, apostrophes dropped, everything but letters and digits a space. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replaceAll('ё', 'е')
    .replace(/['’ʼ‘`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const CYRILLIC = /[\u0400-\u04ff]/;
// Inflectional endings of Russian and Ukrainian; the longest that fits is cut before the prefix is kept.
const CYRILLIC_ENDINGS = [
  'ування', 'ювання', 'ивание', 'ывание', 'ювала', 'ювали', 'ювало', 'увала', 'ували', 'увало', 'ювати', 'увати', 'ается', 'яется', 'ються', 'ється', 'аться',
  'ював', 'ував', 'юють', 'ують', 'ются', 'ется', 'ится', 'ться', 'ятся', 'иться',
  'ами', 'ями', 'ого', 'его', 'ому', 'ему', 'ыми', 'ими', 'ать', 'ять', 'еть', 'ить', 'ють', 'ала', 'али', 'ало', 'ила', 'или', 'ило', 'ова', 'ові', 'ает', 'яет', 'ают', 'яют', 'ует', 'уют',
  'ах', 'ях', 'ам', 'ям', 'ов', 'ев', 'ом', 'ем', 'ой', 'ей', 'ий', 'ый', 'ая', 'яя', 'ое', 'ее', 'ые', 'ие', 'ую', 'юю', 'ут', 'ют', 'ат', 'ят', 'ит', 'ет', 'ть', 'ла', 'ли', 'ло', 'ся', 'сь', 'ів', 'ій', 'ої', 'ою', 'ею', 'ує', 'ює', 'ав', 'ив', 'ні',
  'а', 'я', 'о', 'е', 'и', 'ы', 'у', 'ю', 'ь', 'й', 'і', 'ї', 'є',
].sort((x, y) => y.length - x.length);
/** Letters a Cyrillic stem keeps: enough to tell roots apart, few enough to join a word's forms. */
const CYRILLIC_STEM = 5;

function cyrillicStem(word: string): string {
  let stem = word;
  for (const ending of CYRILLIC_ENDINGS) {
    if (stem.endsWith(ending) && stem.length - ending.length >= 2) {
      stem = stem.slice(0, -ending.length);
      break;
    }
  }
  return stem.slice(0, CYRILLIC_STEM);
}

const ENGLISH_SUFFIXES = ['ingly', 'edly', 'ings', 'ing', 'ies', 'ied', 'ed', 'es', 'ly', 's', 'e'];

function englishStem(word: string): string {
  let stem = word;
  // Two passes: "recordings" -> "recording" -> "record".
  for (let pass = 0; pass < 2; pass++) {
    const suffix = ENGLISH_SUFFIXES.find((s) => stem.endsWith(s) && stem.length - s.length >= 3);
    if (suffix === undefined) break;
    stem = stem.slice(0, -suffix.length) + (suffix === 'ies' || suffix === 'ied' ? 'y' : '');
  }
  // "dropp" (dropped, dropping) -> "drop"; "call" keeps its double l.
  if (/([bdgmnprt])\1$/.test(stem)) stem = stem.slice(0, -1);
  return stem;
}

/** The stem of a normalised word: a light suffix stripping for English, ending and prefix truncation for Cyrillic. */
export function stemWord(word: string): string {
  return CYRILLIC.test(word) ? cyrillicStem(word) : englishStem(word);
}

/** The words of a text that may tell problems apart: normalised, stop words dropped (all words if nothing else is left). */
export function contentWords(text: string): readonly string[] {
  const words = normalizeText(text).split(' ').filter((w) => w !== '');
  const content = words.filter((w) => (w.length >= 2 || /\d/.test(w)) && !STOP_WORDS.has(w));
  return content.length > 0 ? content : words;
}

/** What a text is compared by: the set of its stems and the set of its words' character trigrams. */
interface Profile {
  readonly stems: ReadonlySet<string>;
  readonly trigrams: ReadonlySet<string>;
}

function profile(text: string): Profile {
  const words = contentWords(text);
  const trigrams = new Set<string>();
  for (const w of words) {
    const padded = ` ${w} `;
    for (let i = 0; i + 3 <= padded.length; i++) trigrams.add(padded.slice(i, i + 3));
  }
  return { stems: new Set(words.map(stemWord)), trigrams };
}

/** |A ∩ B| / sqrt(|A| |B|): symmetric, 1 for equal sets, 0 when either is empty. */
function cosine(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let common = 0;
  for (const x of a) if (b.has(x)) common++;
  return common / Math.sqrt(a.size * b.size);
}

function similarity(a: Profile, b: Profile): number {
  return 0.6 * cosine(a.stems, b.stems) + 0.4 * cosine(a.trigrams, b.trigrams);
}

/**
 * How much two tickets look like the same problem, 0..1: the stems and the character trigrams of
 * their subjects, and of subject and text together, compared as sets (symmetric in its arguments).
 */
export function textSimilarity(a: TicketText, b: TicketText): number {
  const subject = similarity(profile(a.subject), profile(b.subject));
  const whole = similarity(profile(`${a.subject} ${a.body}`), profile(`${b.subject} ${b.body}`));
  return Math.min(1, Math.max(whole, (subject + whole) / 2));
}

/**
 * The open candidates that look like the same problem as `draft` (R15), best first: closed and
 * merged tickets are never offered. Generic over the candidate's shape, so the console can use it
 * for merge suggestions too.
 */
export function similarTickets<T extends SimilarCandidate>(
  draft: TicketText,
  candidates: readonly T[],
  options: { readonly threshold?: number; readonly limit?: number } = {},
): readonly SimilarMatch<T>[] {
  const threshold = options.threshold ?? SIMILARITY_THRESHOLD;
  if (normalizeText(`${draft.subject} ${draft.body}`) === '') return [];
  return candidates
    .filter((c) => OPEN_STATUSES.includes(c.status))
    .map((ticket) => ({ ticket, score: textSimilarity(draft, ticket) }))
    .filter((m) => m.score >= threshold)
    .sort((x, y) => y.score - x.score || y.ticket.id - x.ticket.id)
    .slice(0, options.limit ?? 5);
}
