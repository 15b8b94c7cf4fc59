/** The Telegram channel's and the public URL's configuration from flags and the environment. */
import { describe, expect, it } from 'vitest';
import { publicUrlFrom, telegramFrom } from '../../../../server/telegram/config.ts';

const TOKEN = '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';

describe('telegramFrom', () => {
  it('is off without a token, from the flag or the environment', () => {
    expect(telegramFrom({}, {})).toBeUndefined();
    expect(telegramFrom({}, { DUTYDESK_TELEGRAM_API_ROOT: 'http://localhost:8081' })).toBeUndefined();
  });

  it('takes the token from the flag before the environment, and the API root, without its trailing slash', () => {
    expect(telegramFrom({ token: TOKEN }, { DUTYDESK_TELEGRAM_TOKEN: 'ignored' })).toEqual({ token: TOKEN, apiRoot: 'https://api.telegram.org' });
    expect(telegramFrom({}, { DUTYDESK_TELEGRAM_TOKEN: TOKEN, DUTYDESK_TELEGRAM_API_ROOT: 'http://127.0.0.1:8081/' })).toEqual({ token: TOKEN, apiRoot: 'http://127.0.0.1:8081' });
  });

  it('refuses a malformed token without repeating it, and a bad API root', () => {
    expect(() => telegramFrom({ token: 'not-a-token-secret' }, {})).toThrow(/not of the form/);
    expect(() => telegramFrom({ token: 'not-a-token-secret' }, {})).not.toThrow(/not-a-token-secret/);
    expect(() => telegramFrom({ token: TOKEN, apiRoot: 'ftp://x' }, {})).toThrow('--telegram-api-root must be an http or https URL, not ftp://x');
    expect(() => telegramFrom({ apiRoot: 'http://x' }, {})).toThrow('--telegram-api-root needs a bot token');
  });
});

describe('publicUrlFrom', () => {
  it('is the URL without a trailing slash, from the flag or DUTYDESK_PUBLIC_URL; none when absent', () => {
    expect(publicUrlFrom('https://desk.example.com/', {})).toBe('https://desk.example.com');
    expect(publicUrlFrom(undefined, { DUTYDESK_PUBLIC_URL: 'https://example.com/support/' })).toBe('https://example.com/support');
    expect(publicUrlFrom(undefined, {})).toBeNull();
    expect(() => publicUrlFrom('desk.example.com', {})).toThrow('--public-url must be an http or https URL');
    expect(() => publicUrlFrom('https://desk.example.com/?x=1', {})).toThrow('must not have a query or fragment');
  });
});
