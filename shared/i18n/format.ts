import type { Language } from '../model/index.ts';

/** Values to fill into a message. */
export type MessageParams = Readonly<Record<string, string | number>>;

const pluralRules = new Map<string, Intl.PluralRules>();
const numberFormats = new Map<string, Intl.NumberFormat>();

function rulesFor(lang: Language): Intl.PluralRules {
  let r = pluralRules.get(lang);
  if (r === undefined) pluralRules.set(lang, (r = new Intl.PluralRules(lang)));
  return r;
}

function numberFormatFor(lang: Language): Intl.NumberFormat {
  let f = numberFormats.get(lang);
  if (f === undefined) numberFormats.set(lang, (f = new Intl.NumberFormat(lang)));
  return f;
}

/** The index of the `}` that closes the `{` at `open`. */
function closing(pattern: string, open: number): number {
  let depth = 0;
  for (let i = open; i < pattern.length; i++) {
    if (pattern[i] === '{') depth++;
    else if (pattern[i] === '}' && --depth === 0) return i;
  }
  throw new Error(`Unbalanced braces in message: ${pattern}`);
}

/** `one {# item} few {...} other {...}` -> branches by selector. */
function branches(text: string): Map<string, string> {
  const result = new Map<string, string>();
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('{', i);
    if (open < 0) break;
    const selector = text.slice(i, open).trim();
    const close = closing(text, open);
    result.set(selector, text.slice(open + 1, close));
    i = close + 1;
  }
  return result;
}

function argument(lang: Language, inner: string, params: MessageParams): string {
  const [name = '', type, ...rest] = inner.split(',');
  const key = name.trim();
  const value = params[key];
  if (type === undefined) return value === undefined ? `{${key}}` : String(value);
  if (type.trim() !== 'plural') throw new Error(`Unsupported message argument type: ${type}`);
  const n = Number(value);
  const options = branches(rest.join(','));
  // Plural categories by Intl.PluralRules: ru/uk have one/few/many/other (1 минута, 2 минуты, 5 минут).
  const chosen = options.get(`=${n}`) ?? options.get(rulesFor(lang).select(n)) ?? options.get('other') ?? '';
  return formatMessage(lang, chosen.replaceAll('#', numberFormatFor(lang).format(n)), params);
}

/** Fills `{name}` placeholders and `{name, plural, one {...} other {...}}` choices of a message. */
export function formatMessage(lang: Language, pattern: string, params: MessageParams): string {
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i] ?? '';
    if (c === '{') {
      const close = closing(pattern, i);
      out += argument(lang, pattern.slice(i + 1, close), params);
      i = close + 1;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}
