// Confidence against the gold: every relation edge and quote of a built graph judged right or
// wrong the way the shared scorer (../shared/eval/score.mjs) counts them (entities one-to-one by
// name, relations as typed tuples, quotes by their first words then speaker), the calibration
// table made from judged items (each rule's precision smoothed toward its class), and the
// precision by confidence band. Used by scripts/calibrate.mjs (which writes the table) and
// scripts/score.mjs --bands / --check (which prints the bands and holds the bar).
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** Strength of the Beta prior toward the class: a rule seen PRIOR times sits halfway between its own figure and its class's. */
export const PRIOR = 4;
/** The bands the tables print: [lower bound, upper bound). */
export const BANDS = [0, 0.5, 0.7, 0.8, 0.9];
/** The bar: relation edges with confidence at least HIGH are right at least HIGH_BAR of the time. */
export const HIGH = 0.8;
export const HIGH_BAR = 0.85;

const ENTITY_TYPES = ['Person', 'Country', 'Organisation'];
const SYMMETRIC = new Set(['SPOKE_WITH']);
const NON_RELATIONS = new Set(['MENTIONED_IN', 'SAID', 'SAID_TO']);

/** The scorer's one-to-one typed entity matching of one article: system node key -> gold id. */
function matchEntities(norm, gold, sysKeys, nodes) {
  const cands = [];
  for (const ge of gold.entities) {
    const names = new Set([ge.name, ...(ge.aliases ?? [])].map(norm).filter(Boolean));
    for (const k of sysKeys) {
      const a = nodes.get(k);
      if (a.label !== ge.type) continue;
      let score = 0;
      if (names.has(norm(a.name))) score += 10;
      if (norm(a.name) === norm(ge.name)) score += 5;
      for (const s of [a.name, ...(a.aliases ?? [])].map(norm).filter(Boolean)) if (names.has(s)) score += 1;
      if (score > 0) cands.push({ g: ge.id, k, score });
    }
  }
  cands.sort((x, y) => y.score - x.score);
  const g2s = new Map();
  const s2g = new Map();
  for (const c of cands) {
    if (g2s.has(c.g) || s2g.has(c.k)) continue;
    g2s.set(c.g, c.k);
    s2g.set(c.k, c.g);
  }
  return s2g;
}

/**
 * Every relation edge and quote of `graph` (graphology JSON) in the articles `goldDir` has gold for:
 * { set, file, kind, keys, confidence, right }. `results` (results.jsonl's records) gives each item's
 * rule; without it the graph's own `rule` attribute is used. `norm` is the scorer's name normaliser;
 * `keysOf` is { relationKeys, quoteKeys } from dist/calibration/confidence.js.
 */
export function judgeGraph({ set, graph, results = [], goldDir, norm, keysOf }) {
  const words = (s) => norm(s).split(' ').filter(Boolean);
  // The scorer's quote match: the first six words of one inside the other.
  const quoteMatches = (sysText, goldText) => {
    const s = words(sysText);
    const g = words(goldText);
    if (!s.length || !g.length) return false;
    return s.join(' ').includes(g.slice(0, 6).join(' ')) || g.join(' ').includes(s.slice(0, 6).join(' '));
  };
  const nodes = new Map(graph.nodes.map((n) => [String(n.key), n.attributes ?? {}]));
  const edges = graph.edges.map((e) => ({ source: String(e.source), target: String(e.target), ...(e.attributes ?? {}) }));
  const resultOf = new Map(results.map((r) => [r.article.id, r]));
  const mentioned = new Map();
  const said = new Map();
  for (const e of edges) {
    const file = nodes.get(e.target)?.file;
    if (e.type === 'MENTIONED_IN') (mentioned.get(file) ?? mentioned.set(file, new Set()).get(file)).add(e.source);
    if (e.type === 'SAID') said.set(e.target, e.source);
  }
  const items = [];
  for (const f of readdirSync(goldDir).filter((x) => x.endsWith('.json')).sort()) {
    const gold = JSON.parse(readFileSync(path.join(goldDir, f), 'utf8'));
    const file = path.basename(gold.article);
    const result = resultOf.get(file);
    const sysKeys = [...(mentioned.get(file) ?? [])].filter((k) => ENTITY_TYPES.includes(nodes.get(k)?.label));
    const s2g = matchEntities(norm, gold, sysKeys, nodes);
    const tuple = (type, s, t) => (SYMMETRIC.has(type) && s > t ? `${type}|${t}|${s}` : `${type}|${s}|${t}`);
    const goldRel = new Set(gold.relations.map((r) => tuple(r.type, r.source, r.target)));
    const altOf = new Map();
    for (const r of gold.relations) for (const t of r.alt_types ?? []) altOf.set(tuple(t, r.source, r.target), tuple(r.type, r.source, r.target));
    for (const e of edges) {
      if (NON_RELATIONS.has(e.type) || !e.type || path.basename(String(e.article ?? '')) !== file) continue;
      if (!ENTITY_TYPES.includes(nodes.get(e.source)?.label) || !ENTITY_TYPES.includes(nodes.get(e.target)?.label)) continue;
      const key = tuple(e.type, s2g.get(e.source) ?? `?${e.source}`, s2g.get(e.target) ?? `?${e.target}`);
      const rel = result?.relations.find((r) => r.type === e.type && r.start === e.start && r.cue === e.cue) ?? { type: e.type, cue: e.cue ?? '', rule: e.rule };
      items.push({ set, file, kind: 'relation', keys: keysOf.relationKeys(rel), confidence: e.confidence, right: goldRel.has(key) || goldRel.has(altOf.get(key)) });
    }
    const sysQuotes = [];
    for (const [k, a] of nodes) {
      if (a.label !== 'Quote' || path.basename(String(a.article)) !== file) continue;
      const q = result?.quotes.find((x) => x.start === a.start) ?? { rule: a.rule };
      sysQuotes.push({ text: a.text ?? '', speaker: s2g.get(said.get(k)) ?? null, keys: keysOf.quoteKeys(q), confidence: a.confidence, right: false });
    }
    const used = new Set();
    for (const gq of gold.quotes ?? []) {
      const i = sysQuotes.findIndex((q, j) => !used.has(j) && quoteMatches(q.text, gq.text));
      if (i < 0) continue;
      used.add(i);
      const q = sysQuotes[i];
      q.right = q.speaker === gq.speaker || (gq.alt_speakers ?? []).includes(q.speaker);
    }
    for (const q of sysQuotes) items.push({ set, file, kind: 'quote', keys: q.keys, confidence: q.confidence, right: q.right });
  }
  return items;
}

const count = (xs) => ({ n: xs.length, right: xs.filter((x) => x.right).length });
const round = (x) => Math.round(x * 1000) / 1000;
const entry = (c, prior) => ({ precision: round(c.n ? c.right / c.n : prior), n: c.n, confidence: round((c.right + PRIOR * prior) / (c.n + PRIOR)) });

/** The calibration table of judged `items`: classes smoothed toward their parent class, rules toward their first class. */
export function tableOf(items) {
  const classes = {};
  const group = (key) => {
    const m = new Map();
    for (const x of items) for (const k of key(x)) (m.get(k) ?? m.set(k, []).get(k)).push(x);
    return [...m].sort(([a], [b]) => (a < b ? -1 : 1));
  };
  // Top classes (all quotes, all relations) toward one half: no figure of their own is assumed.
  for (const [k, xs] of group((x) => [x.keys.classes.at(-1)])) classes[k] = entry(count(xs), 0.5);
  for (const [k, xs] of group((x) => x.keys.classes.slice(0, -1))) {
    const parent = items.find((x) => x.keys.classes.includes(k))?.keys.classes.at(-1);
    classes[k] = entry(count(xs), classes[parent]?.confidence ?? 0.5);
  }
  const rules = {};
  for (const [k, xs] of group((x) => [x.keys.rule])) rules[k] = entry(count(xs), classes[xs[0].keys.classes[0]]?.confidence ?? 0.5);
  return { classes, rules };
}

/**
 * Each dev item with the confidence a table made WITHOUT its own half of the dev set gives it
 * (the table is made from the samples and the other half): the held-out figure to trust.
 * `firstHalf` is the set of dev files of the first half; `confidenceOf` from dist/calibration/confidence.js.
 */
export function heldOut(items, firstHalf, confidenceOf) {
  const tableFor = (inFirst) => tableOf(items.filter((y) => y.set !== 'dev' || firstHalf.has(y.file) !== inFirst));
  const tables = new Map([true, false].map((b) => [b, tableFor(b)]));
  return items.filter((x) => x.set === 'dev').map((x) => ({ ...x, confidence: confidenceOf(tables.get(firstHalf.has(x.file)), x.keys, 0) }));
}

/** Right / n among items with confidence >= HIGH. */
export function highConfidence(items) {
  return count(items.filter((x) => (x.confidence ?? 0) >= HIGH));
}

/** The precision-by-band table of `items` (each with `confidence` and `right`), as text lines. */
export function bandTable(title, items) {
  const lines = [title, 'band           n  right  precision'];
  BANDS.forEach((lo, i) => {
    const hi = BANDS[i + 1];
    const c = count(items.filter((x) => (x.confidence ?? 0) >= lo && (hi === undefined || (x.confidence ?? 0) < hi)));
    const label = i === 0 ? `< ${hi.toFixed(1)}` : hi === undefined ? `>= ${lo.toFixed(1)}` : `${lo.toFixed(1)}-${hi.toFixed(1)}`;
    lines.push(`${label.padEnd(10)} ${String(c.n).padStart(5)}  ${String(c.right).padStart(5)}  ${c.n ? (c.right / c.n).toFixed(3).padStart(9) : '        -'}`);
  });
  const h = highConfidence(items);
  lines.push(`confidence >= ${HIGH}: ${h.right}/${h.n} right = ${h.n ? (h.right / h.n).toFixed(3) : '-'}`);
  return lines.join('\n');
}

/** The articles of the first half of a gold folder (gold files by name, the first ceil(n/2)): the halves scripts/score.mjs reports. */
export function firstHalfOf(goldDir) {
  const files = readdirSync(goldDir).filter((f) => f.endsWith('.json')).sort();
  return new Set(files.slice(0, Math.ceil(files.length / 2)).map((f) => path.basename(JSON.parse(readFileSync(path.join(goldDir, f), 'utf8')).article)));
}
