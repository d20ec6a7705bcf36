/**
 * Every lexicon and gazetteer the stages use, loaded once from data/ (like
 * wink's model) and passed in; stages never read files themselves.
 */
import { DATA_DIR } from '../paths.js';
import { loadBoilerplateRules, type BoilerplateRules } from '../ingest/clean-text.js';
import { loadEntityLexicon, type EntityLexicon } from '../extract/entity-lexicon.js';
import { loadRelationLexicon, type RelationLexicon } from '../relations/relation-lexicon.js';
import { loadConfidenceTable, type ConfidenceTable } from '../calibration/confidence.js';

export interface Lexicons {
  readonly boilerplate: BoilerplateRules;
  readonly entities: EntityLexicon;
  readonly relations: RelationLexicon;
  /** Measured precision per rule (data/confidence.json), for the confidence of edges and quotes. */
  readonly confidence: ConfidenceTable;
}

let cached: Lexicons | undefined;

/** Loads all lexicons from `dataDir` (cached for the default folder). */
export function loadLexicons(dataDir: string = DATA_DIR): Lexicons {
  if (dataDir === DATA_DIR && cached) return cached;
  const lex: Lexicons = Object.freeze({
    boilerplate: loadBoilerplateRules(dataDir),
    entities: loadEntityLexicon(dataDir),
    relations: loadRelationLexicon(dataDir),
    confidence: loadConfidenceTable(dataDir),
  });
  if (dataDir === DATA_DIR) cached = lex;
  return lex;
}
