/**
 * The Telegram channel's and the public URL's configuration from the command line or the
 * environment (server/cli.ts): `--telegram-token` / DUTYDESK_TELEGRAM_TOKEN,
 * `--telegram-api-root` / DUTYDESK_TELEGRAM_API_ROOT, `--public-url` / DUTYDESK_PUBLIC_URL.
 * Refusals name the flag, never the token's value.
 */
import { TELEGRAM_API_ROOT, type TelegramConfig } from './sender.ts';

/** A bot token as @BotFather issues it: the bot's id, a colon, a secret of letters, digits, - and _. */
const TOKEN = /^[0-9]{1,20}:[A-Za-z0-9_-]{20,100}$/;

/** An http(s) URL without a trailing slash, or an error naming `flag`. */
function baseUrl(value: string, flag: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${flag} must be an http or https URL, not ${value}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`${flag} must be an http or https URL, not ${value}`);
  if (url.search !== '' || url.hash !== '') throw new Error(`${flag} must not have a query or fragment: ${value}`);
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

/** The Telegram configuration, or undefined when no token is given. */
export function telegramFrom(flags: { readonly token?: string | undefined; readonly apiRoot?: string | undefined }, env: Readonly<Record<string, string | undefined>>): TelegramConfig | undefined {
  const token = (flags.token ?? env.DUTYDESK_TELEGRAM_TOKEN ?? '').trim();
  const root = flags.apiRoot ?? env.DUTYDESK_TELEGRAM_API_ROOT;
  if (token === '') {
    if (root !== undefined && flags.apiRoot !== undefined) throw new Error('--telegram-api-root needs a bot token: --telegram-token or DUTYDESK_TELEGRAM_TOKEN');
    return undefined;
  }
  if (!TOKEN.test(token)) throw new Error('the Telegram bot token (--telegram-token or DUTYDESK_TELEGRAM_TOKEN) is not of the form 123456789:AA... that @BotFather issues');
  return { token, apiRoot: root === undefined ? TELEGRAM_API_ROOT : baseUrl(root, '--telegram-api-root') };
}

/** The public URL, or null. */
export function publicUrlFrom(flag: string | undefined, env: Readonly<Record<string, string | undefined>>): string | null {
  const value = flag ?? env.DUTYDESK_PUBLIC_URL;
  return value === undefined || value.trim() === '' ? null : baseUrl(value.trim(), '--public-url');
}
