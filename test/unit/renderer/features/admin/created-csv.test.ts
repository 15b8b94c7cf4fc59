import { parse } from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { AdminCustomer } from '../../../../../shared/api/index.ts';
import { createdCsv, createdCsvFileName } from '../../../../../renderer/features/admin/created-csv.ts';

const customer = (id: number, login: string, name: string): AdminCustomer => ({
  id,
  login,
  name,
  language: 'uk',
  clientId: 1,
  active: true,
  mustChangePassword: true,
  createdAt: 0,
  deactivatedAt: null,
});

describe('the CSV of imported customers', () => {
  it('holds login, name, language and temporary password per customer, every record ended by CRLF, and reads back the same', () => {
    const text = createdCsv([
      { customer: customer(1, 'olena.k', 'Олена Коваль, бухгалтерія'), temporaryPassword: 'Xy7-pq9-Rt2' },
      { customer: customer(2, 'petro', 'Petro "Pete" Shevchenko'), temporaryPassword: 'Ab1-cd2-Ef3' },
    ]);
    expect(text.split('\r\n')).toHaveLength(4);
    expect(text.endsWith('\r\n')).toBe(true);
    const back = parse<string[]>(text.trimEnd(), { newline: '\r\n' }).data;
    expect(back).toEqual([
      ['login', 'name', 'language', 'temporary_password'],
      ['olena.k', 'Олена Коваль, бухгалтерія', 'uk', 'Xy7-pq9-Rt2'],
      ['petro', 'Petro "Pete" Shevchenko', 'uk', 'Ab1-cd2-Ef3'],
    ]);
  });

  it('defuses a name a spreadsheet would run as a formula', () => {
    const text = createdCsv([{ customer: customer(1, 'x1', '=HYPERLINK("http://evil")'), temporaryPassword: 'p' }]);
    expect(parse<string[]>(text.trimEnd()).data[1]?.[1]).toBe('\'=HYPERLINK("http://evil")');
  });
});

describe('the name of that file', () => {
  it('is the client\'s name without what file systems refuse', () => {
    expect(createdCsvFileName('Delta')).toBe('Delta-customers.csv');
    expect(createdCsvFileName('ТОВ "Альфа" / Київ')).toBe('ТОВ-Альфа-Київ-customers.csv');
    expect(createdCsvFileName('???')).toBe('client-customers.csv');
  });
});
