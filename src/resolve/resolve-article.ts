/**
 * Within-article resolution: mentions -> entities of one article.
 * Countries and organisations group by their lexicon name; people group by
 * full name, then surnames and garbled variants join the person named in
 * full (`Blingen`, `Anthony Bling` -> `Anthony Blingen`); titles
 * (`the secretary`, `the Russian minister`) go to the most recent person with
 * a matching role and affiliation, and he/she/him/her to the nearest person
 * (same sentence first, else the subject of the previous sentence). Weak
 * candidates (a lone capitalised word, a headline run) survive only when
 * they join a person. Pure.
 */
import type { AnnotatedText, ArticleEntity, EntityType, Mention } from '../types.js';
import type { EntityLexicon } from '../extract/entity-lexicon.js';
import { compatibleGiven, foldName, similarSurnames, splitName } from './name-similarity.js';

interface Group {
  type: EntityType;
  name: string;
  mentions: number[];
  /** Full names seen (Person). */
  fullNames: string[];
  roles: string[];
  affiliations: string[];
  gender?: 'm' | 'f';
  confidence: number;
}

const GENERIC_HEADS = new Set(['diplomat', 'leader', 'head', 'counterpart', 'chief']);
const WEAK = 0.5;

export function resolveArticle(
  mentions: readonly Mention[],
  ann: AnnotatedText,
  lex: EntityLexicon,
): { mentions: Mention[]; entities: ArticleEntity[] } {
  const groups: Group[] = [];
  const groupOf = new Map<number, Group>();
  const byKey = new Map<string, Group>();

  const newGroup = (type: EntityType, name: string): Group => {
    const g: Group = { type, name, mentions: [], fullNames: [], roles: [], affiliations: [], confidence: 0 };
    groups.push(g);
    return g;
  };
  const assign = (i: number, g: Group): void => {
    const m = mentions[i];
    if (!m) return;
    groupOf.set(i, g);
    g.mentions.push(i);
    g.confidence = Math.max(g.confidence, m.confidence);
    if (m.kind === 'name' || m.kind === 'surname') {
      if (m.role && !g.roles.includes(m.role)) g.roles.push(m.role);
      if (m.affiliation && !g.affiliations.includes(m.affiliation)) g.affiliations.push(m.affiliation);
      const gender = genderOfRole(m.role, lex);
      if (gender) g.gender ??= gender;
    }
  };

  // 1. Countries and organisations: one entity per canonical name.
  mentions.forEach((m, i) => {
    if (m.type === 'Person') return;
    const key = `${m.type}|${m.name}`;
    let g = byKey.get(key);
    if (!g) {
      g = newGroup(m.type, m.name);
      byKey.set(key, g);
    }
    assign(i, g);
  });

  // 2. People named in full, strongest evidence first.
  const persons = mentions
    .map((m, i) => ({ m, i }))
    .filter(({ m }) => m.type === 'Person' && (m.kind === 'name' || m.kind === 'surname'));
  const full = persons.filter(({ m }) => m.kind === 'name').sort((a, b) => b.m.confidence - a.m.confidence || b.m.name.length - a.m.name.length || a.i - b.i);
  const people: Group[] = [];
  const matchFull = (name: string): Group | undefined => {
    const p = splitName(name);
    let best: Group | undefined;
    for (const g of people) {
      for (const f of g.fullNames) {
        const q = splitName(f);
        const sameSurname = p.surname === q.surname;
        if (sameSurname && compatibleGiven(p.given, q.given, lex)) return g;
        // A garbled surname joins only with the same given name (`Anthony Bling` / `Anthony Blingen`).
        if (!sameSurname && similarSurnames(p.surname, q.surname) && p.given[0] && p.given[0] === q.given[0]) best ??= g;
      }
    }
    return best;
  };
  for (const { m, i } of full) {
    let g = matchFull(m.name);
    if (!g) {
      if (m.confidence < WEAK) continue;
      g = newGroup('Person', m.name);
      people.push(g);
    }
    g.fullNames.push(m.name);
    assign(i, g);
  }

  // 3. Surnames: exact surname of a person named in full, else a similar one; a titled surname
  //    with no match stands on its own (`President Putin`); other lone words are dropped.
  for (const { m, i } of persons.filter(({ m }) => m.kind === 'surname').sort((a, b) => a.i - b.i)) {
    const s = foldName(m.name);
    let g = people.find((p) => p.fullNames.some((f) => splitName(f).surname === s));
    g ??= people.find((p) => p.fullNames.some((f) => similarSurnames(splitName(f).surname, s)));
    g ??= people.find((p) => !p.fullNames.length && (foldName(p.name) === s || similarSurnames(foldName(p.name), s)));
    // The first word of exactly one full name: a family name written first (`Wang Donghai` ...
    // `Wang`) or a given name (`Jansher Khan` ... `Jansher`).
    if (!g) {
      const byFirst = people.filter((p) => p.fullNames.some((f) => foldName(f.split(/\s+/)[0] ?? '') === s));
      if (byFirst.length === 1) g = byFirst[0];
    }
    if (!g) {
      // A lone surname stands on its own when it names exactly one well-known public figure
      // (`Obama said`); other weak lone words are dropped.
      if (m.confidence < WEAK && (lex.figuresBySurname.get(s)?.length ?? 0) !== 1) continue;
      g = newGroup('Person', m.name);
      people.push(g);
    }
    assign(i, g);
  }
  // Weak surnames seen before their full name was known get a second chance above (sorted by
  // index, full names first), so nothing more to do here.

  // 4. Titles and pronouns, in text order, against the people resolved so far.
  const order = mentions.map((_, i) => i);
  for (const i of order) {
    const m = mentions[i];
    if (!m || (m.kind !== 'title' && m.kind !== 'pronoun')) continue;
    const g = m.kind === 'title' ? resolveTitle(i) : resolvePronoun(i);
    if (g) assign(i, g);
  }

  // 5. Names and output.
  for (const g of people) g.name = bestName(g, mentions);
  const kept = [...groupOf.keys()].sort((a, b) => a - b);
  const newIndex = new Map<number, number>(kept.map((old, k) => [old, k]));
  const outMentions = kept.map((i) => mentions[i] as Mention);
  const entities: ArticleEntity[] = [];
  for (const g of groups) {
    if (!g.mentions.length) continue;
    const aliases: string[] = [];
    for (const i of g.mentions) {
      const m = mentions[i];
      if (!m || m.kind === 'pronoun' || m.kind === 'title') continue;
      const surface = m.text.replace(/\s+/g, ' ');
      if (!aliases.includes(surface)) aliases.push(surface);
    }
    if (!aliases.length) continue;
    entities.push({
      id: entities.length,
      type: g.type,
      name: g.name,
      aliases,
      mentions: g.mentions.map((i) => newIndex.get(i) ?? -1).filter((k) => k >= 0).sort((a, b) => a - b),
      roles: g.roles,
      affiliations: g.affiliations,
      confidence: g.confidence,
    });
  }
  // Entities with only title/pronoun mentions cannot exist (every group starts from a name), but
  // keep the mention list consistent with the entities kept.
  const used = new Set(entities.flatMap((e) => e.mentions));
  const finalIndex = new Map<number, number>();
  const finalMentions: Mention[] = [];
  outMentions.forEach((m, k) => {
    if (!used.has(k)) return;
    finalIndex.set(k, finalMentions.length);
    finalMentions.push(m);
  });
  return {
    mentions: finalMentions,
    entities: entities.map((e) => ({ ...e, mentions: e.mentions.map((k) => finalIndex.get(k) ?? -1).filter((k) => k >= 0) })),
  };

  // ---- helpers ----

  function lastPersonMentionBefore(g: Group, i: number): number {
    let best = -1;
    for (const k of g.mentions) if (k < i && k > best) best = k;
    return best;
  }

  function titleFits(g: Group, m: Mention): boolean {
    const head = (m.role ?? m.name).split(/\s+/).pop()?.toLowerCase() ?? '';
    const roles = g.roles.map((r) => r.toLowerCase());
    const roleOk = GENERIC_HEADS.has(head) ? roles.length > 0 || g.affiliations.length > 0 : roles.some((r) => r.split(/\s+/).includes(head));
    if (!roleOk) return false;
    if (m.affiliation && g.affiliations.length && !g.affiliations.includes(m.affiliation)) return false;
    return true;
  }

  function resolveTitle(i: number): Group | undefined {
    const m = mentions[i];
    if (!m) return undefined;
    const fits = people.filter((g) => titleFits(g, m));
    const withAff = m.affiliation ? fits.filter((g) => g.affiliations.includes(m.affiliation as string)) : fits;
    const pool = withAff.length ? withAff : fits;
    let best: Group | undefined;
    let bestAt = -1;
    for (const g of pool) {
      const at = lastPersonMentionBefore(g, i);
      if (at > bestAt) {
        best = g;
        bestAt = at;
      }
    }
    if (best) return best;
    // Cataphora (a headline title before the name): the first fitting person within 3 sentences.
    let after: Group | undefined;
    let afterAt = Infinity;
    for (const g of pool) {
      const first = g.mentions.find((k) => k > i);
      const fm = first === undefined ? undefined : mentions[first];
      if (fm && fm.sentence - m.sentence <= 3 && (first as number) < afterAt) {
        after = g;
        afterAt = first as number;
      }
    }
    return after;
  }

  function resolvePronoun(i: number): Group | undefined {
    const m = mentions[i];
    if (!m) return undefined;
    const info = lex.pronouns.get(m.name);
    if (!info || info.person !== 3 || info.number !== 'sg') return undefined;
    const ok = (g: Group): boolean => g.type === 'Person' && (!g.gender || !info.gender || g.gender === info.gender);
    // Same sentence: the nearest person before the pronoun.
    for (let k = i - 1; k >= 0; k--) {
      const p = mentions[k];
      if (!p || p.sentence !== m.sentence) break;
      const g = groupOf.get(k);
      if (g && ok(g)) return g;
    }
    // Earlier sentences: the first person (the subject, usually) of the nearest sentence with one.
    for (let s = m.sentence - 1; s >= Math.max(0, m.sentence - 3); s--) {
      const paragraphBreak = ann.sentences[s]?.paragraph !== ann.sentences[m.sentence]?.paragraph && m.sentence - s > 2;
      if (paragraphBreak) break;
      for (let k = 0; k < i; k++) {
        const p = mentions[k];
        if (!p || p.sentence !== s) continue;
        const g = groupOf.get(k);
        if (g && ok(g)) return g;
      }
    }
    return undefined;
  }
}

function genderOfRole(role: string | undefined, lex: EntityLexicon): 'm' | 'f' | undefined {
  if (!role) return undefined;
  for (const w of role.split(/\s+/)) {
    const g = lex.titles.get(w)?.gender;
    if (g) return g;
  }
  return undefined;
}

/** The most frequent full name (middle initials dropped), else the longest surname form. */
function bestName(g: Group, mentions: readonly Mention[]): string {
  const counts = new Map<string, number>();
  for (const i of g.mentions) {
    const m = mentions[i];
    if (!m || (m.kind !== 'name' && m.kind !== 'surname')) continue;
    const clean = m.name.replace(/\s+\p{Lu}\.(?=\s)/gu, '').replace(/\s+/g, ' ');
    const words = clean.split(' ').length;
    counts.set(clean, (counts.get(clean) ?? 0) + (words >= 2 ? 10 : 1) * m.confidence);
  }
  let best = g.name;
  let bestScore = -1;
  for (const [name, score] of counts) {
    if (score > bestScore) {
      best = name;
      bestScore = score;
    }
  }
  return best;
}
