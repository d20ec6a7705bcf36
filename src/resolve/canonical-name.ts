/**
 * The canonical name of a person's cluster: the public-figure gazetteer's entry when one fits
 * all its members, else the best-attested spelling. Pure.
 */
import type { PublicFigure } from '../extract/entity-lexicon.js';

/** What naming reads of a cluster member: its gazetteer figure, its name forms with counts, its name. */
export interface NamedItem {
  readonly figure: PublicFigure | undefined;
  readonly forms: ReadonlyMap<string, number>;
  readonly entity: { readonly name: string };
}

export function canonicalPersonName(its: readonly NamedItem[], isGivenName: (word: string) => boolean = () => false): string {
  const fig = its.find((it) => it.figure)?.figure;
  if (fig && its.every((it) => !it.figure || it.figure === fig) && !namedOtherwise(its, fig, isGivenName)) return fig.name;
  // Votes: each article votes once for each given name and surname spelling it uses, plus a
  // little for every mention; the best-voted full name seen wins.
  const givenVotes = new Map<string, number>();
  const surnameVotes = new Map<string, number>();
  const vote = (m: Map<string, number>, k: string, v: number): void => {
    m.set(k, (m.get(k) ?? 0) + v);
  };
  const fulls = new Map<string, number>();
  for (const it of its) {
    const seenG = new Set<string>();
    const seenS = new Set<string>();
    for (const [form, count] of it.forms) {
      const words = form.split(' ');
      const sur = words[words.length - 1] ?? form;
      vote(surnameVotes, sur, (seenS.has(sur) ? 0 : 1) + 0.01 * count);
      seenS.add(sur);
      // `Peña Nieto` beside `Enrique Peña Nieto` is the end of that name, not a given name.
      const tail = [...it.forms.keys()].some((other) => other.endsWith(` ${form}`));
      if (words.length >= 2 && !tail) {
        const g = words[0] ?? '';
        vote(givenVotes, g, (seenG.has(g) ? 0 : 1) + 0.01 * count);
        seenG.add(g);
        vote(fulls, form, count);
      }
    }
  }
  let best = its[0]?.entity.name ?? '';
  let bestScore = -1;
  for (const [form, count] of fulls) {
    const words = form.split(' ');
    const score = (givenVotes.get(words[0] ?? '') ?? 0) + (surnameVotes.get(words[words.length - 1] ?? '') ?? 0) + 0.001 * count;
    if (score > bestScore) {
      best = form;
      bestScore = score;
    }
  }
  if (bestScore < 0) {
    for (const [form, v] of surnameVotes) {
      if (v > bestScore) {
        best = form;
        bestScore = v;
      }
    }
  }
  return best;
}

/**
 * `Mr Johnson` of one article fits the gazetteer's one Johnson, but a member that gives the
 * person another given name (`Alan Johnson`) tells that the cluster is someone else: a full name
 * of a member with no figure whose first word is a given name none of the figure's names start with.
 */
function namedOtherwise(its: readonly NamedItem[], fig: PublicFigure, isGivenName: (word: string) => boolean): boolean {
  const figureGiven = new Set([fig.name, ...fig.aliases].map((n) => n.split(' ')[0] ?? ''));
  for (const it of its) {
    if (it.figure) continue;
    for (const form of it.forms.keys()) {
      const words = form.split(' ');
      const given = words[0] ?? '';
      if (words.length >= 2 && isGivenName(given) && !figureGiven.has(given)) return true;
    }
  }
  return false;
}
