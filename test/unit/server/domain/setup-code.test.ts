import { describe, expect, it } from 'vitest';
import { generateSetupCode, normalizeSetupCode } from '../../../../server/domain/setup-service.ts';
import { setupNotice } from '../../../../server/setup-notice.ts';

describe('the setup code', () => {
  it('is four groups of four Crockford base32 characters, different each time', () => {
    const codes = new Set(Array.from({ length: 200 }, generateSetupCode));
    expect(codes.size).toBe(200);
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    // Every character of the alphabet turns up: the code is not drawn from a narrower set.
    expect(new Set([...codes].join('').replace(/-/g, '')).size).toBe(32);
  });

  it('is compared as people type it: any case, with or without dashes and spaces, O for 0 and I or L for 1', () => {
    expect(normalizeSetupCode('7k2m-qx4d 09hb-tw1r')).toBe('7K2MQX4D09HBTW1R');
    expect(normalizeSetupCode('7K2M-QX4D-O9HB-TWLR')).toBe(normalizeSetupCode('7K2M-QX4D-09HB-TW1R'));
    expect(normalizeSetupCode('7K2M-QX4D-09HB-TWiR')).toBe('7K2MQX4D09HBTW1R');
  });
});

describe('setupNotice', () => {
  it('names the console URL, the code and the command line, never a PostgreSQL URL', () => {
    const text = setupNotice({ url: 'http://127.0.0.1:8080', code: 'ABCD-EFGH-JKMN-PQRS', console: true, db: 'postgres://dd:secret@db/dutydesk' });
    expect(text.split('\n')[0]).toBe('DutyDesk is not set up yet. Open http://127.0.0.1:8080/ and enter the setup code ABCD-EFGH-JKMN-PQRS');
    expect(text).toContain('npm run admin -- setup --code ABCD-EFGH-JKMN-PQRS --login <login> --name <name> --organization <name> --db <postgres url>');
    expect(text).not.toContain('secret');
    expect(setupNotice({ url: 'http://h:1', code: 'C', console: false, db: './x.sqlite' })).toContain('--db ./x.sqlite');
  });
});
