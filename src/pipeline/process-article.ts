/**
 * The per-article stages, in order: nlp -> mentions -> within-article
 * resolution -> relations and quotes. Pure over (article, lexicons). A stage
 * that throws does not stop the batch: the article keeps what the earlier
 * stages produced and gets a `pipeline/stage-failed` diagnostic
 * (unified-engine's idea of a fatal message attached to one file).
 */
import type { AnnotatedText, Article, ArticleEntity, ArticleResult, Diagnostic, Mention, Quote, Relation } from '../types.js';
import { annotate } from '../nlp/annotate.js';
import { detectMentions } from '../extract/detect-mentions.js';
import { resolveArticle } from '../resolve/resolve-article.js';
import { relationsOf } from '../relations/extract-relations.js';
import { quotesOf } from '../relations/extract-quotes.js';
import { ArticleView } from '../relations/article-view.js';
import { articleDoc, type ArticleDoc } from '../parse/article-doc.js';
import { resolveArticleReferences } from '../resolve/article-references.js';
import { addSpeakerNames } from '../relations/speaker-names.js';
import { dropPlaceOnlyCountries } from '../resolve/place-only.js';
import { errorMessage } from '../errors.js';
import { dateEvents } from '../dates/date-events.js';
import { fingerprintText } from '../dedupe/near-duplicates.js';
import { calibrated, quoteKeys, relationKeys } from '../calibration/confidence.js';
import type { Lexicons } from './lexicons.js';

/** The result of an article whose stages could not run at all (e.g. its worker died). */
export function failedResult(article: Article, reason: string): ArticleResult {
  return {
    article: { id: article.id, path: article.path, title: article.title, hash: article.hash, chars: article.text.length, tokens: 0, ...(article.published ? { published: article.published } : {}) },
    mentions: [],
    entities: [],
    relations: [],
    quotes: [],
    diagnostics: [{ code: 'pipeline/article-failed', severity: 'error', message: `${article.id} could not be processed: ${reason}`, file: article.path, fatal: true }],
  };
}

export function processArticle(article: Article, lex: Lexicons): ArticleResult {
  const diagnostics: Diagnostic[] = [];
  const fail = (stage: string, e: unknown): void => {
    diagnostics.push({
      code: 'pipeline/stage-failed',
      severity: 'error',
      message: `${stage} failed on ${article.id}: ${errorMessage(e)}`,
      file: article.path,
      fatal: false,
    });
  };
  let ann: AnnotatedText = { text: article.text, tokens: [], sentences: [] };
  let mentions: Mention[] = [];
  let entities: ArticleEntity[] = [];
  let relations: Relation[] = [];
  let quotes: Quote[] = [];
  try {
    ann = annotate(article.text, article.paragraphs);
    const resolved = resolveArticle(detectMentions(ann, lex.entities), ann, lex.entities);
    mentions = resolved.mentions;
    entities = resolved.entities;
  } catch (e) {
    fail('entity extraction', e);
  }
  try {
    // Speakers the entity stage left untyped (`Wasserman said`, `the mayor said`).
    const speakers = addSpeakerNames(ann, mentions, entities, lex.relations, lex.entities);
    mentions = speakers.mentions;
    entities = speakers.entities;
  } catch (e) {
    fail('speaker names', e);
  }
  // The article is parsed once. Reference resolution (pronouns, organisation anaphors) is done for
  // the quote stage, and again for the relation stage once the quotes tell whose words a pronoun
  // sits in (when one has a speaker): only the view over the parse is made again.
  let doc: ArticleDoc | undefined;
  const viewOf = (quoted: readonly Quote[]): ArticleView => {
    doc ??= articleDoc(ann, mentions, entities, lex.relations.modality);
    return new ArticleView(doc, mentions, resolveArticleReferences(ann, mentions, entities, lex.relations.orgAnaphors, quoted, lex.entities.givenNameGenders), entities, lex.relations, quoted);
  };
  let view: ArticleView | undefined;
  try {
    view = viewOf([]);
    quotes = quotesOf(view);
  } catch (e) {
    fail('quote extraction', e);
  }
  try {
    if (!view || quotes.some((q) => q.speaker !== null)) view = viewOf(quotes);
    relations = relationsOf(view);
  } catch (e) {
    fail('relation extraction', e);
  }
  try {
    ({ mentions, entities, relations, quotes } = dropPlaceOnlyCountries(ann, { mentions, entities, relations, quotes }, lex.entities));
  } catch (e) {
    fail('place-only countries', e);
  }
  // Each edge's and quote's confidence is its rule's measured precision.
  relations = calibrated(lex.confidence, relations, relationKeys);
  quotes = calibrated(lex.confidence, quotes, quoteKeys);
  try {
    ({ relations, quotes } = dateEvents(ann, article.published?.date, relations, quotes));
  } catch (e) {
    fail('event dates', e);
  }
  return {
    article: {
      id: article.id,
      path: article.path,
      title: article.title,
      hash: article.hash,
      chars: article.text.length,
      tokens: ann.tokens.length,
      ...(article.published ? { published: article.published } : {}),
      fingerprint: fingerprintText(article.text),
    },
    mentions,
    entities,
    relations,
    quotes,
    diagnostics,
  };
}
