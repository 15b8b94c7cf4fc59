/**
 * The CSV file of a customer import, read and checked row by row (pure; papaparse reads the CSV).
 * Accepted: UTF-8 (a byte-order mark is ignored), comma, semicolon or tab as the separator
 * (the one the header row uses most), quoted cells per RFC 4180, a header row naming the columns login, name and
 * optionally language in any order (case and surrounding spaces ignored), blank lines ignored.
 */
import Papa from 'papaparse';
import { IMPORT_COLUMNS, loginSchema, MAX_IMPORT_ROWS, nameSchema, type ImportRow } from '../../shared/api/index.ts';
import { LANGUAGES, type Language } from '../../shared/model/index.ts';

/** One record of the file, as written. */
export interface CsvRecord {
  /** The record's number, the header being 1 (its line, unless a quoted cell spans lines). */
  readonly row: number;
  readonly login: string;
  readonly name: string;
  readonly language: string;
  /** A problem of the record's shape (cells, quotes), found while reading. */
  readonly problem?: string;
}

/** The file read: its records, or why it cannot be read at all. */
export type CsvReading = { readonly ok: true; readonly records: readonly CsvRecord[] } | { readonly ok: false; readonly message: string };

const blank = (cells: readonly string[]): boolean => cells.every((c) => c.trim() === '');

/** The separator the header row uses most: comma, semicolon (spreadsheets in ru/uk locales) or tab. */
function separatorOf(text: string): string {
  const header = text.split(/\r?\n/).find((line) => line.trim() !== '') ?? '';
  const counts = [',', ';', '\t'].map((d) => [d, header.split(d).length - 1] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

/** Reads the file: the header's columns, then one record per non-blank row. */
export function readCustomerCsv(text: string): CsvReading {
  const body = text.replace(/^\uFEFF/, '');
  // The separator is read off the header row: papaparse's guess weighs in every row, and a short or blank one can sway it.
  const parsed = Papa.parse<string[]>(body, { header: false, skipEmptyLines: false, delimiter: separatorOf(body) });
  const lines = parsed.data;
  const headerIndex = lines.findIndex((cells) => !blank(cells));
  const header = lines[headerIndex];
  if (header === undefined) return { ok: false, message: `the file is empty: it needs a header row (${IMPORT_COLUMNS.join(', ')}) and one customer per row` };
  const columns = header.map((h) => h.trim().toLowerCase());
  const unknown = columns.filter((c) => !(IMPORT_COLUMNS as readonly string[]).includes(c));
  if (unknown.length > 0) return { ok: false, message: `unknown column ${unknown.map((c) => `"${c}"`).join(', ')} in the header row: the columns are ${IMPORT_COLUMNS.join(', ')} (language may be left out)` };
  const repeated = columns.filter((c, i) => columns.indexOf(c) !== i);
  if (repeated.length > 0) return { ok: false, message: `the header row names ${repeated[0] ?? ''} twice` };
  const missing = IMPORT_COLUMNS.filter((c) => c !== 'language' && !columns.includes(c));
  if (missing.length > 0) return { ok: false, message: `the header row lacks ${missing.join(' and ')}: the columns are ${IMPORT_COLUMNS.join(', ')} (language may be left out)` };

  const quoteProblems = new Map<number, string>();
  for (const e of parsed.errors) if (e.type === 'Quotes' && e.row !== undefined) quoteProblems.set(e.row, e.message);
  const at = (cells: readonly string[], column: string): string => cells[columns.indexOf(column)] ?? '';
  const records: CsvRecord[] = [];
  for (let i = headerIndex + 1; i < lines.length; i++) {
    const cells = lines[i] ?? [];
    if (blank(cells)) continue;
    const extra = cells.slice(columns.length).some((c) => c.trim() !== '');
    const problem = quoteProblems.get(i) ?? (cells.length < columns.length || extra ? `has ${cells.length} cells; the header has ${columns.length}` : undefined);
    records.push({ row: i + 1, login: at(cells, 'login').trim(), name: at(cells, 'name').trim(), language: at(cells, 'language').trim(), ...(problem !== undefined ? { problem } : {}) });
  }
  if (records.length === 0) return { ok: false, message: 'the file has a header row but no customers' };
  if (records.length > MAX_IMPORT_ROWS) return { ok: false, message: `the file has ${records.length} customers; one import takes at most ${MAX_IMPORT_ROWS}` };
  return { ok: true, records };
}

/**
 * Checks every record: the login and name as the API checks them, the language (empty: the
 * client's), each login once in the file and not taken by any account (`taken`, lower-case).
 */
export function checkCustomerRecords(records: readonly CsvRecord[], taken: ReadonlySet<string>, clientLanguage: Language): ImportRow[] {
  const firstRow = new Map<string, number>();
  return records.map((r): ImportRow => {
    const languageText = r.language.toLowerCase();
    const language = languageText === '' ? clientLanguage : (LANGUAGES as readonly string[]).includes(languageText) ? (languageText as Language) : null;
    const base = { row: r.row, login: r.login, name: r.name, language };
    const fail = (field: string, message: string): ImportRow => ({ ...base, error: { field, message } });
    if (r.problem !== undefined) return fail('row', r.problem);
    const login = loginSchema.safeParse(r.login);
    if (!login.success) return fail('login', r.login === '' ? 'is empty' : (login.error.issues[0]?.message ?? 'is invalid'));
    const key = r.login.toLowerCase();
    const earlier = firstRow.get(key);
    if (earlier !== undefined) return fail('login', `appears already at row ${earlier}`);
    firstRow.set(key, r.row);
    if (taken.has(key)) return fail('login', 'is taken by another account');
    const name = nameSchema.safeParse(r.name);
    if (!name.success) return fail('name', r.name === '' ? 'is empty' : (name.error.issues[0]?.message ?? 'is invalid'));
    if (language === null) return fail('language', `must be one of ${LANGUAGES.join(', ')} (or empty for the client's)`);
    return base;
  });
}
