/**
 * Every lexicon and gazetteer the stages use, loaded once from data/ (like
 * wink's model) and passed in; stages never read files themselves.
 */
import { DATA_DIR } from '../paths.js';
import { loadBoilerplateRules, type BoilerplateRules } from '../ingest/clean-text.js';
import { loadEntityLexicon, type EntityLexicon } from '../extract/entity-lexicon.js';
import { loadRelationLexicon, type RelationLexicon } from '../relations/relation-lexicon.js';

export interface Lexicons {
  readonly boilerplate: BoilerplateRules;
  readonly entities: EntityLexicon;
  readonly relations: RelationLexicon;
}

let cached: Lexicons | undefined;

/** Loads all lexicons from `dataDir` (cached for the default folder). */
export function loadLexicons(dataDir: string = DATA_DIR): Lexicons {
  if (dataDir === DATA_DIR && cached) return cached;
  const lex: Lexicons = Object.freeze({
    boilerplate: loadBoilerplateRules(dataDir),
    entities: loadEntityLexicon(dataDir),
    relations: loadRelationLexicon(dataDir),
  });
  if (dataDir === DATA_DIR) cached = lex;
  return lex;
}
