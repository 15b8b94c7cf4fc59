/** The i-th element, failing the test loudly when it is missing (the lint bans `!`). */
export function nth<T>(items: readonly T[], i: number): T {
  const item = items[i];
  if (item === undefined) throw new Error(`expected an element at index ${i} of ${items.length}`);
  return item;
}
