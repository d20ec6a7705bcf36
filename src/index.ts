/**
 * newsgraph's public API: the build job, the pure stages, the graph and its
 * exporters. Named exports only.
 */
export type * from './types.js';
export { ENTITY_TYPES, RELATION_TYPES, SYMMETRIC_RELATIONS } from './types.js';
export * from './errors.js';
export type * from './graph/attributes.js';
export { isEntityNode } from './graph/attributes.js';
export * from './graph/keys.js';
export { buildGraph, type BuildGraphOptions } from './graph/build-graph.js';
export { validateGraph } from './graph/validate-graph.js';
export { annotate } from './nlp/annotate.js';
export { getNlp } from './nlp/create-nlp.js';
export { loadLexicons, type Lexicons } from './pipeline/lexicons.js';
export { processArticle, failedResult } from './pipeline/process-article.js';
export { extractDocument, type Extraction } from './pipeline/extract-document.js';
export { runBuild, graphFromResults, type BuildOptions, type BuildResult } from './pipeline/run-build.js';
export { ArticlePool } from './pipeline/worker-pool.js';
export { summarizeGraph, formatSummary } from './cli/summary.js';
export { toJson } from './export/to-json.js';
export { toGraphml } from './export/to-graphml.js';
export { toEdgesCsv, toQuotesCsv, neutraliseCell } from './export/to-flat-csv.js';
export { findArticleDate } from './dates/article-date.js';
export { findEventDates, resolveEventDate } from './dates/event-date.js';
export { dateEvents } from './dates/date-events.js';
export { parseCorrections, type Correction, type CorrectionReport } from './resolve/corrections.js';
export { findNearDuplicates, fingerprintText, estimateSimilarity, NEAR_DUPLICATE_THRESHOLD } from './dedupe/near-duplicates.js';
