import { DateTime } from 'luxon';

/** Epoch ms of a wall-clock time in a zone, e.g. at('2026-03-27 17:50') in Kyiv. */
export function at(local: string, zone = 'Europe/Kyiv'): number {
  const dt = DateTime.fromFormat(local, local.length > 16 ? 'yyyy-MM-dd HH:mm:ss.SSS' : 'yyyy-MM-dd HH:mm', { zone });
  if (!dt.isValid) throw new Error(`Bad test time: ${local} (${dt.invalidExplanation})`);
  return dt.toMillis();
}

/** The wall-clock time of an instant in a zone, as 'yyyy-MM-dd HH:mm' (plus seconds and ms when not zero). */
export function wall(ms: number, zone = 'Europe/Kyiv'): string {
  const dt = DateTime.fromMillis(ms, { zone });
  return dt.second === 0 && dt.millisecond === 0 ? dt.toFormat('yyyy-MM-dd HH:mm') : dt.toFormat('yyyy-MM-dd HH:mm:ss.SSS');
}

/** Minutes, in ms. */
export const minutes = (n: number): number => n * 60_000;
/** Hours, in ms. */
export const hours = (n: number): number => n * 3_600_000;
