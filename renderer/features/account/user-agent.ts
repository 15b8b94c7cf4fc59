/** Browser and system names a person recognises, looked for in this order (Edge and Opera also say Chrome; Chrome also says Safari). */
const BROWSERS: readonly (readonly [RegExp, string])[] = [
  [/Electron\//, 'DutyDesk'],
  [/Edg\//, 'Edge'],
  [/OPR\//, 'Opera'],
  [/Firefox\//, 'Firefox'],
  [/Chrom(e|ium)\//, 'Chrome'],
  [/Safari\//, 'Safari'],
];
const SYSTEMS: readonly (readonly [RegExp, string])[] = [
  [/Windows/, 'Windows'],
  [/Android/, 'Android'],
  [/iPhone|iPad/, 'iOS'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/Linux|X11/, 'Linux'],
];

/**
 * Where a session was opened, in a few words from its User-Agent ("Firefox, Linux"); the whole
 * header when nothing in it is known; null when the service recorded none.
 */
export function deviceOf(userAgent: string | null): string | null {
  if (userAgent === null || userAgent.trim() === '') return null;
  const browser = BROWSERS.find(([re]) => re.test(userAgent))?.[1];
  const system = SYSTEMS.find(([re]) => re.test(userAgent))?.[1];
  if (browser === undefined && system === undefined) return userAgent.slice(0, 80);
  return [browser, system].filter((x) => x !== undefined).join(', ');
}
