import { describe, expect, it } from 'vitest';
import { annotate } from '../../src/nlp/annotate.js';
import { articleDoc, type ArticleDoc, type Clause } from '../../src/parse/article-doc.js';
import { loadLexicons } from '../../src/pipeline/lexicons.js';
import { buildFixture } from '../relations/fixture.js';

const modality = loadLexicons().relations.modality;

/** The doc of a one-paragraph text with no named mentions. */
const docOf = (text: string): ArticleDoc => articleDoc(annotate(text, [{ start: 0, end: text.length }]), [], [], modality);

/** The clause at the first token whose text is `verb`. */
function clauseAt(doc: ArticleDoc, verb: string): Clause {
  const v = doc.tokens.findIndex((t) => t.text === verb);
  const c = doc.clause(v);
  if (!c) throw new Error(`no clause at ${verb}`);
  return c;
}

const word = (doc: ArticleDoc, i: number | undefined): string | undefined => (i === undefined || i < 0 ? undefined : doc.tokens[i]?.text);

interface Row {
  readonly text: string;
  readonly verb: string;
  readonly lemma: string;
  readonly voice: 'active' | 'passive';
  readonly negated: boolean;
  readonly modality: string;
  /** The word where the subject slot ends. */
  readonly subject: string | undefined;
  readonly object: string | undefined;
  readonly complement: string | undefined;
}

const rows: Row[] = [
  { text: 'The minister rejected the proposal.', verb: 'rejected', lemma: 'reject', voice: 'active', negated: false, modality: 'asserted', subject: 'minister', object: 'the', complement: undefined },
  { text: 'The envoy was expelled by the government.', verb: 'expelled', lemma: 'expel', voice: 'passive', negated: false, modality: 'asserted', subject: 'envoy', object: undefined, complement: undefined },
  { text: 'The ministry did not condemn the strike.', verb: 'condemn', lemma: 'condemn', voice: 'active', negated: true, modality: 'negated', subject: 'ministry', object: 'the', complement: undefined },
  { text: 'The council will meet the delegation on Monday.', verb: 'meet', lemma: 'meet', voice: 'active', negated: false, modality: 'future', subject: 'council', object: 'the', complement: undefined },
  { text: 'The army could invade the town.', verb: 'invade', lemma: 'invade', voice: 'active', negated: false, modality: 'hypothetical', subject: 'army', object: 'the', complement: undefined },
  { text: 'The mayor refused to sign the deal.', verb: 'sign', lemma: 'sign', voice: 'active', negated: true, modality: 'negated', subject: 'mayor', object: 'the', complement: undefined },
  { text: 'The mayor refused to sign the deal.', verb: 'refused', lemma: 'refuse', voice: 'active', negated: false, modality: 'asserted', subject: 'mayor', object: undefined, complement: 'to' },
  { text: 'The union agreed to continue the strike.', verb: 'continue', lemma: 'continue', voice: 'active', negated: false, modality: 'asserted', subject: 'union', object: 'the', complement: undefined },
  { text: 'The president said that the talks had failed.', verb: 'said', lemma: 'say', voice: 'active', negated: false, modality: 'asserted', subject: 'president', object: undefined, complement: 'that' },
  { text: 'She promised he would resign.', verb: 'promised', lemma: 'promise', voice: 'active', negated: false, modality: 'asserted', subject: 'She', object: undefined, complement: 'he' },
  { text: 'She promised he would resign.', verb: 'resign', lemma: 'resign', voice: 'active', negated: false, modality: 'hypothetical', subject: 'he', object: undefined, complement: undefined },
  { text: 'Rejected by the court, the appeal was never seen again.', verb: 'seen', lemma: 'see', voice: 'passive', negated: true, modality: 'negated', subject: 'appeal', object: undefined, complement: undefined },
  { text: 'Criticised at home, he resigned.', verb: 'resigned', lemma: 'resign', voice: 'active', negated: false, modality: 'asserted', subject: 'he', object: undefined, complement: undefined },
];

describe('ArticleDoc clauses', () => {
  for (const r of rows) {
    it(`${r.text} [${r.verb}]`, () => {
      const doc = docOf(r.text);
      const c = clauseAt(doc, r.verb);
      expect({
        lemma: c.lemma,
        voice: c.voice,
        negated: c.negated,
        modality: c.modality,
        subject: word(doc, c.subjectEnd),
        object: word(doc, c.object),
        complement: word(doc, c.complement),
      }).toEqual({ lemma: r.lemma, voice: r.voice, negated: r.negated, modality: r.modality, subject: r.subject, object: r.object, complement: r.complement });
    });
  }

  it('lists the clauses of each sentence in token order', () => {
    const doc = docOf('The mayor refused to sign the deal. She promised he would resign.');
    expect(doc.clauses.map((cs) => cs.map((c) => c.lemma))).toEqual([
      ['refuse', 'sign'],
      ['promise', 'resign'],
    ]);
    expect(doc.clauses[1]?.every((c) => c.sentence === 1)).toBe(true);
  });

  it('reads a condition before the subject into the modality', () => {
    // The condition is three words or fewer before the subject, which is longer than that.
    const doc = docOf('If the army of the republic invades the town, the council will respond.');
    const invades = doc.tokens.findIndex((t) => t.text === 'invades');
    const subject = doc.tokens.findIndex((t) => t.text === 'the');
    expect(doc.clause(invades)?.modality).toBe('asserted');
    expect(doc.modalityOf(invades, subject)).toBe('hypothetical');
    expect(doc.modalityOf(invades, invades)).toBe('asserted');
  });

  it('takes a present-tense verb tagged as a plural noun after a name into the chain', () => {
    const text = 'Peru claims to be acting in self-defence.';
    const named = buildFixture(text, [{ name: 'Peru', type: 'Country' }]);
    const withName = articleDoc(named.ann, named.mentions, named.entities, modality);
    expect(word(withName, clauseAt(withName, 'acting').subjectEnd)).toBe('Peru');
    // Without the name, `claims` is read as the subject's head.
    const plain = docOf(text);
    expect(word(plain, clauseAt(plain, 'acting').subjectEnd)).toBe('claims');
  });

  it('reads a verb group at a word the tagger did not take for a predicate', () => {
    const doc = docOf('The allies are ready to help.');
    const ready = doc.tokens.findIndex((t) => t.text === 'ready');
    expect(doc.clause(ready)).toBeUndefined();
    expect(doc.verbGroup(ready)).toMatchObject({ verb: ready, lemma: 'ready', voice: 'active', negated: false });
  });
});

describe('ArticleDoc possessive marks', () => {
  /** Whether a possessive mark follows the first token whose text is `word`. */
  const possessiveAfter = (text: string, word: string): boolean => {
    const doc = docOf(text);
    return doc.isPossessiveAfter(doc.tokens.findIndex((t) => t.text === word));
  };
  it.each([
    ["Russia's foreign minister spoke.", 'Russia', true],
    ["The allies' demands were rejected.", 'allies', true],
    ["Goldman Sachs' chief economist spoke.", 'Sachs', true],
    ["The Philippines' foreign minister spoke.", 'Philippines', true],
    ['The United Nations’ decision was welcomed.', 'Nations', true],
    // A single quotation closing after a word in s is no possessive.
    ["He called the talks 'useless' and left.", 'useless', false],
    ["She called them 'the new Bourbons' Parliament heard.", 'Bourbons', false],
    // A bare apostrophe after a word not in s is a closing mark.
    ["They said 'not now' Monday.", 'now', false],
  ])('%s [%s]', (text, word, expected) => {
    expect(possessiveAfter(text, word)).toBe(expected);
  });
});

describe('ArticleDoc is read-only', () => {
  const doc = docOf('The minister rejected the proposal. The envoy was expelled.');

  it('is frozen, with its clause lists and clauses', () => {
    expect(Object.isFrozen(doc)).toBe(true);
    expect(Object.isFrozen(doc.clauses)).toBe(true);
    for (const cs of doc.clauses) {
      expect(Object.isFrozen(cs)).toBe(true);
      for (const c of cs) expect(Object.isFrozen(c)).toBe(true);
    }
  });

  it('throws on an attempt to change it', () => {
    const c = doc.clauses[0]?.[0];
    expect(() => (doc.clauses as Clause[][]).push([])).toThrow(TypeError);
    expect(() => Object.assign(c ?? {}, { lemma: 'accept' })).toThrow(TypeError);
    expect(() => Object.assign(doc, { text: '' })).toThrow(TypeError);
  });

  it('gives its tokens and sentences read-only types (checked by tsc)', () => {
    const change = (): void => {
      // @ts-expect-error the token list is read-only
      doc.tokens[0] = doc.tokens[1];
      // @ts-expect-error a token is read-only
      if (doc.tokens[0]) doc.tokens[0].lemma = 'x';
      // @ts-expect-error the sentence list is read-only
      doc.sentences.pop();
    };
    expect(typeof change).toBe('function');
  });
});
