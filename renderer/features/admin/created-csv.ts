import { unparse } from 'papaparse';
import type { AdminCustomer } from '../../../shared/api/index.ts';

/** The columns of the file of imported customers' one-time passwords. */
export const CREATED_CSV_COLUMNS = ['login', 'name', 'language', 'temporary_password'] as const;

/**
 * The customers an import made, with their temporary passwords, as CSV (RFC 4180, CRLF after every
 * record) for the administrator to hand out. Names that a spreadsheet would run as a formula get a
 * leading apostrophe: they were typed by people.
 */
export function createdCsv(created: readonly { readonly customer: AdminCustomer; readonly temporaryPassword: string }[]): string {
  const text = unparse(
    { fields: [...CREATED_CSV_COLUMNS], data: created.map((c) => [c.customer.login, c.customer.name, c.customer.language, c.temporaryPassword]) },
    { escapeFormulae: true, newline: '\r\n' },
  );
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}

/** The file's name: the client's name, without what file systems refuse (`/ \ : * ? " < > |`, control characters) or blanks. */
export function createdCsvFileName(clientName: string): string {
  const safe = clientName.replace(/[\u0000-\u001f/\\:*?"<>|\s]+/g, '-').replace(/^-+|-+$/g, '');
  return `${safe === '' ? 'client' : safe}-customers.csv`;
}
