/**
 * The plain data that flows between newsgraph's pipeline stages.
 * Every span is a pair of JavaScript string indices [start, end) into the
 * cleaned text of one article (`Article.text`), never a copied string.
 * Stages are pure functions over these shapes; only ingest, stores and the
 * CLI do I/O.
 */

export type EntityType = 'Person' | 'Country' | 'Organisation';
export const ENTITY_TYPES: readonly EntityType[] = ['Person', 'Country', 'Organisation'];

/**
 * The relation types, in the order of `data/relation-types.json` (the one
 * definition, with CAMEO root, PLOVER type, colour and description;
 * test/relations/relation-types.test.ts fails when this list drifts from it).
 */
export const RELATION_TYPES = [
  'SPOKE_WITH',
  'WARNED',
  'THREATENED',
  'DEMANDED',
  'URGED',
  'ACCUSED',
  'REJECTED',
  'SUPPORTED',
  'PROPOSED',
  'DEPLOYED_NEAR',
  'AFFILIATED_WITH',
] as const;

export type RelationType = (typeof RELATION_TYPES)[number];

/** Relation types whose direction carries no meaning. */
export const SYMMETRIC_RELATIONS: ReadonlySet<RelationType> = new Set(['SPOKE_WITH']);

/**
 * Whether the text asserts the act. Only `asserted` edges are facts; the
 * others are kept so that a query can ask for them explicitly.
 */
export type Modality = 'asserted' | 'negated' | 'hypothetical' | 'future';

export interface Span {
  readonly start: number;
  readonly end: number;
}

/** Where an article's publication date was read (src/dates/article-date.ts). */
export type PublishedSource = 'sidecar' | 'html-meta' | 'json-ld' | 'time-element' | 'dateline' | 'option';

/** An article's publication date: a calendar day (`YYYY-MM-DD`) and where it came from. */
export interface ArticleDate {
  readonly date: string;
  readonly source: PublishedSource;
}

export type DatePrecision = 'day' | 'month' | 'year' | 'range';

/**
 * When an act or quotation happened (src/dates/event-date.ts). `value` is
 * ISO 8601 at its precision (`2026-03-03`, `2026-03`, `2026`, or an interval
 * `2026-02-23/2026-03-01`); `start` and `end` are its first and last day.
 * `text` is the expression that gave it (`on Tuesday`), absent when the
 * sentence names no date and the article's publication date stands in.
 */
export interface EventDate {
  readonly value: string;
  readonly precision: DatePrecision;
  readonly start: string;
  readonly end: string;
  readonly text?: string | undefined;
}

/** One input document after ingest: cleaned text, no boilerplate. */
export interface Article {
  /** The file name (basename), e.g. `000_095afef237fd835c.txt`; unique in a build. */
  readonly id: string;
  /** Path as given on the command line (or a synthetic id for stdin / extract). */
  readonly path: string;
  /** First paragraph (headline), possibly empty. */
  readonly title: string;
  /** Cleaned text: kept paragraphs joined by "\n\n". */
  readonly text: string;
  /** Spans of the kept paragraphs in `text`. */
  readonly paragraphs: readonly Span[];
  /** sha256 of the raw bytes, hex; used to skip unchanged articles. */
  readonly hash: string;
  /** Publication date, when the file or the user gives one (never the file's mtime). */
  readonly published?: ArticleDate | undefined;
}

/** A token from wink-nlp with its character offsets. */
export interface Token {
  readonly text: string;
  /** Lower-cased normal form (wink `its.normal`). */
  readonly normal: string;
  /** Lemma (wink `its.lemma`), lower-cased. */
  readonly lemma: string;
  /** Universal POS tag (wink `its.pos`): PROPN, NOUN, VERB, AUX, PUNCT, ... */
  readonly pos: string;
  readonly start: number;
  readonly end: number;
  /** Index of the sentence holding this token. */
  readonly sentence: number;
}

export interface Sentence {
  readonly start: number;
  readonly end: number;
  /** Token index range [firstToken, lastToken] (inclusive). */
  readonly firstToken: number;
  readonly lastToken: number;
  /** Index into `Article.paragraphs`. */
  readonly paragraph: number;
}

/** What the nlp stage returns: tokens and sentences over `Article.text`. */
export interface AnnotatedText {
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly sentences: readonly Sentence[];
}

/**
 * How a mention names its entity:
 * - name: a proper name (`Sergei Lavrov`, `NATO`, `Russia`)
 * - surname: a bare surname of a person named elsewhere (`Lavrov`)
 * - title: a role phrase standing for a person (`the secretary`, `the Russian minister`)
 * - pronoun: `he`, `she`, `they` ... used as an actor
 * - metonym: a capital, government or administration standing for a state
 *   (`Moscow`, `the Biden administration`, `the US side`)
 * - acronym: `UN`, `AP` ...
 */
export type MentionKind = 'name' | 'surname' | 'title' | 'pronoun' | 'metonym' | 'acronym';

export interface Mention {
  readonly start: number;
  readonly end: number;
  /** The surface text exactly as in the article. */
  readonly text: string;
  readonly type: EntityType;
  readonly kind: MentionKind;
  /** Sentence index and token range [firstToken, lastToken] (inclusive). */
  readonly sentence: number;
  readonly firstToken: number;
  readonly lastToken: number;
  /**
   * The name this mention gives, cleaned (title words, possessives and
   * punctuation removed). For a country named by a metonym or demonym this
   * is the country's common name (`Moscow` -> `Russia`).
   */
  readonly name: string;
  /** Role given by an adjacent title (`Foreign Minister`, `spokesman`). */
  readonly role?: string | undefined;
  /**
   * Name of the country or organisation a person acts for, from an adjacent
   * demonym or organisation (`Russian Foreign Minister` -> `Russia`).
   */
  readonly affiliation?: string | undefined;
  /** Type of the affiliation, when known. */
  readonly affiliationType?: EntityType | undefined;
  /** 0..1, how sure the detector is. */
  readonly confidence: number;
}

/** An entity within one article: the mentions that corefer. */
export interface ArticleEntity {
  /** Index in `ArticleResult.entities`. */
  readonly id: number;
  readonly type: EntityType;
  /** Best name seen in the article (the longest proper name, cleaned). */
  readonly name: string;
  /** Distinct surface forms (proper names, metonyms, titles used as names). */
  readonly aliases: readonly string[];
  /** Indices into `ArticleResult.mentions`. */
  readonly mentions: readonly number[];
  readonly roles: readonly string[];
  /** Names of countries / organisations this entity acts for. */
  readonly affiliations: readonly string[];
  readonly confidence: number;
}

export interface Relation {
  readonly type: RelationType;
  /** Entity ids (indices into `ArticleResult.entities`). */
  readonly source: number;
  readonly target: number;
  /** The sentence that states the relation (its text, and offsets in the article). */
  readonly sentence: number;
  readonly evidence: string;
  readonly start: number;
  readonly end: number;
  /** The cue that produced the edge (`urged`, `phone call`, `Foreign Minister`). */
  readonly cue: string;
  readonly modality: Modality;
  /** For an act reported by someone else (`Price said the secretary urged ...`): the reporter. */
  readonly reportedBy?: number | undefined;
  /** For AFFILIATED_WITH: the role (`Foreign Minister`). */
  readonly role?: string | undefined;
  readonly confidence: number;
  /** When the act happened (src/dates/date-events.ts). */
  readonly date?: EventDate | undefined;
  /** Id of the rule (data/rules) or named producer that made the edge (`verb.urge`, `producer.response`). */
  readonly rule: string;
  /** CAMEO event code of the act (`02`, `0214`), when the type has one. */
  readonly cameo?: string | undefined;
  /** PLOVER event type of the act (`REQUEST`), when the type has one. */
  readonly plover?: string | undefined;
  /** Where the rule found the actor and the target (`subject`, `pp:with`), for `newsgraph explain`; not exported to the graph. */
  readonly slots?: { readonly actor: string; readonly target: string } | undefined;
}

export interface Quote {
  /** The quoted words, without the quotation marks. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** Entity id of the speaker, or null when anonymous / unknown. */
  readonly speaker: number | null;
  /** Entity id of the addressee (`told Lavrov`), when the text gives one. */
  readonly addressee?: number | undefined;
  /** Non-entity addressee (`reporters`), when the text gives one. */
  readonly audience?: string | undefined;
  /** The attribution cue (`said`, `according to`, `told`). */
  readonly cue: string;
  /** The words naming the speaker in the frame (`Wasserman`, `the mayor`, `she`), when the frame names one. */
  readonly speakerSpan?: Span | undefined;
  readonly sentence: number;
  readonly confidence: number;
  /** The id of the attribution rule that found the speaker (`quote.frame-after`). */
  readonly rule?: string | undefined;
  /** The sentence(s) holding the quote and its attribution (set by extractQuotes). */
  readonly evidence?: string | undefined;
  /** When it was said (src/dates/date-events.ts). */
  readonly date?: EventDate | undefined;
}

export type Severity = 'info' | 'warning' | 'error';

/** A located, non-fatal message attached to one input (vfile-message style). */
export interface Diagnostic {
  /** Stable code, `stage/what`: `ingest/not-text`, `ingest/decoded-latin1`, `pipeline/stage-failed` */
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  /** The file or article the message is about. */
  readonly file?: string;
  readonly span?: Span;
  /** True when the input was skipped because of it. */
  readonly fatal: boolean;
}

/** Article metadata that survives into the graph (no full text). */
export interface ArticleMeta {
  readonly id: string;
  readonly path: string;
  readonly title: string;
  readonly hash: string;
  readonly chars: number;
  readonly tokens: number;
  readonly published?: ArticleDate | undefined;
  /** MinHash of the cleaned text's word shingles, to find near-duplicate articles (src/dedupe/). */
  readonly fingerprint?: readonly number[] | undefined;
}

/** Everything the per-article stages produce for one article. */
export interface ArticleResult {
  readonly article: ArticleMeta;
  readonly mentions: readonly Mention[];
  readonly entities: readonly ArticleEntity[];
  readonly relations: readonly Relation[];
  readonly quotes: readonly Quote[];
  readonly diagnostics: readonly Diagnostic[];
}
