/** Ids on the wire: in JSON bodies and in paths. */
import { z } from 'zod';

/** The largest id the database's integer columns hold (PostgreSQL `integer`). */
export const MAX_ID = 2_147_483_647;
/** An id in a JSON body or response: a whole number from 1 to MAX_ID. */
export const idSchema = z.number().int('must be a whole number').positive('must be a whole number from 1').max(MAX_ID, `must be at most ${MAX_ID}`);
/** A canonical decimal number: no sign, leading zero, spaces, exponent, fraction or hex. */
export const DECIMAL = /^[1-9][0-9]{0,15}$/;
/** An id in a path, named in its errors ("must be a decimal outage number"): canonical decimal digits from 1 to MAX_ID. */
export const idParam = (noun: string) =>
  z
    .string()
    .regex(DECIMAL, `must be a decimal ${noun} number`)
    .refine((s) => Number(s) <= MAX_ID, `must be a decimal ${noun} number from 1 to ${MAX_ID}`)
    .transform(Number);

/**
 * A ticket id in a path: canonical decimal digits from 1 to MAX_ID, so `/tickets/0x10`, `/1e3`,
 * `/+1` or `/000001` never act on another ticket than the one written.
 */
export const idParamSchema = idParam('ticket');
