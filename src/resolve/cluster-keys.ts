/** The keys of corpus entities: made unique in cluster order, and the order entities are listed in. */
/**
 * Keys for clusters in their order: the base key, or for a later cluster of a base key already
 * taken the first free `<base>-2`, `<base>-3`, ... (`taken` holds keys given before).
 */
export function assignKeys(clusters: readonly { readonly baseKey: string }[], taken: Set<string> = new Set()): string[] {
  return clusters.map(({ baseKey }) => {
    let key = baseKey;
    for (let n = 2; taken.has(key); n++) key = `${baseKey}-${n}`;
    taken.add(key);
    return key;
  });
}

/** `localeCompare`'s order, with the collator made once (localeCompare builds one per call). */
const compareKeys = new Intl.Collator().compare;

/**
 * Sorts entities by key in the collator's order (`compareKeys`). Performance: a collator comparison
 * costs about a microsecond, and a whole corpus's 23,000 entities took ~350,000 of them (~60 ms,
 * 4% of graphFromResults). Keys are slugs, whose code-unit order is nearly the collator's, so a
 * code-unit sort first leaves the collator sort (TimSort, which finds sorted runs) about one
 * comparison per entity. Keys are distinct; should two still be equal to the collator (a sort
 * compares every two neighbours of its result, so this is seen), the order would depend on the
 * starting one, so then the entities are sorted again from their given order.
 */
export function sortByKey(entities: { key: string }[]): void {
  const given = [...entities];
  let tie = false;
  entities.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  entities.sort((a, b) => {
    const c = compareKeys(a.key, b.key);
    if (c === 0) tie = true;
    return c;
  });
  if (tie) {
    given.sort((a, b) => compareKeys(a.key, b.key));
    given.forEach((e, j) => (entities[j] = e));
  }
}

