/**
 * The person a pronoun in a quotation's frame stands for (`"...," he said`).
 * The frame's pronoun refers to someone named before the quotation opened:
 * a person named only inside the quoted words is someone the speaker talks
 * about (`"President Karzai never told me that," he said` is not Karzai's).
 * When the resolver linked the pronoun to such a person, it takes instead
 * the nearest person named before the quotation, outside any quotation,
 * whose gender (from the article's pronouns) does not clash.
 */
import type { ArticleView } from '../article-view.js';
import { pronounGender } from '../article-view.js';
import type { QuoteSpan } from './spans.js';

/** How far back (in sentences) a frame pronoun's person may be named. */
const WINDOW = 8;

interface Named {
  readonly start: number;
  readonly end: number;
  readonly sentence: number;
  readonly entity: number;
}

export class FramePronouns {
  /** The people named (not by pronoun) in the article, in text order. */
  private readonly named: Named[] = [];
  private readonly gender = new Map<number, { m: number; f: number }>();
  /** The quotations, in text order: start and end of the quoted words with their marks. */
  private readonly quoted: { open: number; end: number }[];

  constructor(
    readonly view: ArticleView,
    spans: readonly QuoteSpan[],
  ) {
    view.mentions.forEach((m, i) => {
      const e = view.mentionEntity.get(i);
      if (e === undefined || view.entityType(e) !== 'Person') return;
      if (m.kind !== 'pronoun') this.named.push({ start: m.start, end: m.end, sentence: m.sentence, entity: e });
      const g = pronounGender(m.text);
      if (m.kind === 'pronoun' && g) {
        const c = this.gender.get(e) ?? { m: 0, f: 0 };
        c[g]++;
        this.gender.set(e, c);
      }
    });
    this.named.sort((a, b) => a.start - b.start);
    this.quoted = spans.map((q) => ({ open: q.open, end: q.close >= 0 ? q.close : q.end })).sort((a, b) => a.open - b.open);
  }

  /** The index of the last named mention starting before `offset`, or -1. */
  private lastBefore(offset: number): number {
    let lo = 0;
    let hi = this.named.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.named[mid]?.start ?? 0) < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }

  insideQuotation(offset: number): boolean {
    let lo = 0;
    let hi = this.quoted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.quoted[mid]?.open ?? 0) <= offset) lo = mid + 1;
      else hi = mid;
    }
    const q = this.quoted[lo - 1];
    return !!q && offset < q.end;
  }

  /** The latest named mention of `entity` before `offset`, within the window of `sentence`. */
  latestOf(entity: number, offset: number, sentence: number): Named | undefined {
    for (let i = this.lastBefore(offset); i >= 0; i--) {
      const n = this.named[i];
      if (!n || sentence - n.sentence > WINDOW) return undefined;
      if (n.entity === entity) return n;
    }
    return undefined;
  }

  /**
   * The person named as the subject opening `sentence` when the resolver took a frame pronoun of that sentence for
   * `other`, a person named later in it (`Lee accused Kim of lying and mocked what he called "..."`): the
   * pronoun of a frame inside the sentence takes its subject, unless the subject's gender clashes.
   */
  sentenceSubject(sentence: number, otherStart: number, other: number, g: 'm' | 'f' | undefined): number | undefined {
    const sent = this.view.ann.sentences[sentence];
    const first = sent ? this.view.tok(sent.firstToken) : undefined;
    if (!sent || !first) return undefined;
    const opener = this.named[this.lastBefore(first.start + 1)];
    if (!opener || opener.start !== first.start || opener.entity === other || opener.start >= otherStart) return undefined;
    return this.clashes(opener.entity, g) ? undefined : opener.entity;
  }

  /** Whether the article's pronouns give entity `e` the gender other than `g`. */
  private clashes(e: number, g: 'm' | 'f' | undefined): boolean {
    const c = this.gender.get(e);
    const eg = c ? (c.m > c.f ? 'm' : c.f > c.m ? 'f' : undefined) : undefined;
    return !!g && !!eg && g !== eg;
  }

  /** The nearest person named before `offset` outside any quotation whose gender does not clash with `g`. */
  nearestOutside(offset: number, sentence: number, g: 'm' | 'f' | undefined): number | undefined {
    for (let i = this.lastBefore(offset); i >= 0; i--) {
      const n = this.named[i];
      if (!n || sentence - n.sentence > WINDOW) return undefined;
      if (this.insideQuotation(n.start)) continue;
      if (this.clashes(n.entity, g)) continue;
      return n.entity;
    }
    return undefined;
  }
}

/** A better speaker for the frame pronoun at mention `framed`, or undefined when the resolver's stands. */
export function framePronounSpeaker(view: ArticleView, pronouns: FramePronouns, framed: number, q: QuoteSpan): number | undefined {
  const m = view.mentions[framed];
  const e = view.mentionEntity.get(framed);
  if (!m || e === undefined || m.kind !== 'pronoun') return undefined;
  const latest = pronouns.latestOf(e, m.start, m.sentence);
  const end = q.close >= 0 ? q.close : q.end;
  if (latest && latest.sentence === m.sentence && latest.start < q.open) return pronouns.sentenceSubject(m.sentence, latest.start, e, pronounGender(m.text));
  if (!latest || latest.start < q.open || latest.end > end) return undefined;
  return pronouns.nearestOutside(q.open, m.sentence, pronounGender(m.text));
}
