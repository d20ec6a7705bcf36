/**
 * The named guards a rule can list (data/rules/README.md). A guard is a
 * check over the clause of the rule's trigger, never a language: `clause`
 * guards decide whether the rule applies at all, `object` guards whether
 * the object slot's entities count as the target.
 */
import type { ArticleView, NounPhrase } from '../relations/article-view.js';
import { hasInfinitive } from '../relations/clause.js';
import type { GuardName } from './rule.js';

/** What a guard sees: the trigger verb, the token after its phrase, the clause end, the object phrase. */
export interface GuardContext {
  readonly view: ArticleView;
  readonly verb: number;
  readonly after: number;
  readonly end: number;
  readonly object: NounPhrase | undefined;
  readonly passive: boolean;
}

interface Guard {
  readonly when: 'clause' | 'object';
  readonly test: (c: GuardContext) => boolean;
}

/** Verbs of wishing: `X wants Y to act` is an appeal, `X wants Y to be ...` is not. */
const WISH = new Set(['want', 'wish']);

/** What a reporter asks a party for (`asked the ministry for comment`): a press inquiry, no appeal. */
const PRESS_REQUESTS = new Set(['comment', 'comments', 'reaction', 'interview']);

/** Words of obligation in a that-clause: `insisted that X must leave` demands, `insisted X was right` asserts. */
const OBLIGATION = new Set(['must', 'should', 'ought', 'need', 'needs', 'have', 'has']);

/** Words that make an object answerable (`held X responsible`); general English, few enough to stay in code. */
const RESPONSIBLE = new Set(['responsible', 'accountable', 'liable', 'culpable']);

/** What may follow the party a phone call reached (a time, the means, the clause's end). */
const CALL_FOLLOWERS = new Set(['.', ';', 'on', 'by', 'over', 'last', 'yesterday', 'today', 'tonight', 'late', 'early', 'earlier', 'again', 'twice', 'after', 'before', 'during', 'ahead', 'shortly', 'soon', 'about', 'from']);

/** Purposes of a call (`called X to discuss ...`); `called parliament to convene` is a summons. */
const CALL_PURPOSES = new Set(['discuss', 'offer', 'express', 'convey', 'congratulate', 'thank', 'reassure', 'brief', 'inform', 'update', 'apologise', 'apologize', 'pledge', 'extend', 'voice', 'condole']);

/** What one is invited to do that is meeting or taking part (`invited X to visit`), not an act asked of X. */
const MEETING_INFINITIVES = new Set(['visit', 'attend', 'meet', 'join', 'come', 'participate', 'take', 'hold', 'travel', 'address', 'speak', 'observe', 'tour', 'stay', 'dine']);

const GUARDS: Readonly<Record<GuardName, Guard>> = {
  // `asked Russia to leave`, `pressed China for`; passive: `was asked by X to leave`.
  'infinitive-after-object': {
    when: 'object',
    test: ({ view, verb, after, end, object, passive }) => {
      if (passive) return hasInfinitive(view, after, end);
      // `urged X not to recognise ...` is an appeal too.
      const skip = object && view.norm(object.last + 1) === 'not' ? 1 : 0;
      const next = object ? view.norm(object.last + 1 + skip) : '';
      if (next !== 'to' && next !== 'for') return false;
      if (next === 'for' && object && [1, 2].some((k) => PRESS_REQUESTS.has(view.norm(object.last + 1 + skip + k)))) return false;
      // `wanted Sundance to be a platform`: a wish about the object's state, not an appeal to it.
      return !(WISH.has(view.tok(verb)?.lemma ?? '') && object && view.tok(object.last + 2)?.lemma === 'be');
    },
  },
  // `sent a letter to`, `presented to X a plan`; not `sent troops to`, nor `gave its approval to X's plan`
  // (a preposition after the object's head ends the thing given: what follows is where it went).
  'proposal-object': {
    when: 'clause',
    test: ({ view, after, end }) => {
      let headSeen = false;
      for (let k = after; k <= Math.min(end, after + 7); k++) {
        const t = view.tok(k);
        if (view.lex.proposalNouns.has(t?.lemma ?? '') || view.lex.proposalNouns.has(view.norm(k))) return true;
        if (headSeen && t?.pos === 'ADP' && !['of', 'for', 'on'].includes(t.normal)) return false;
        if (t?.pos === 'NOUN' || t?.pos === 'PROPN') headSeen = true;
      }
      return false;
    },
  },
  // `signed a pact with X`.
  'agreement-object': {
    when: 'clause',
    test: ({ view, object }) => !!object?.headLemma && view.lex.agreementNouns.has(object.headLemma),
  },
  // `received Lopez`, `received ministers from X`: hosting people, not receiving a thing (`received an award`).
  'people-object': {
    when: 'object',
    test: ({ view, object }) => !!object && (object.heads.some((h) => view.entityType(h) === 'Person') || view.lex.groupNouns.has(object.headLemma ?? '')),
  },
  // `dismissed Lopez's claims`, not `dismissed Lopez` (a person dismissed from office).
  // `denied accusing Germany`: a gerund's object is no one whose claim is denied.
  'thing-object': {
    when: 'object',
    test: ({ view, after, object }) => !object?.heads.some((h) => view.entityType(h) === 'Person') && !(view.tok(after)?.pos === 'VERB' && /ing$/.test(view.norm(after))),
  },
  // `called the move illegal`, `branded Russia a threat`, `described the vote as a farce`: the
  // object is labelled with a word of condemnation (relation-cues.json `negativeLabels`).
  'negative-label': {
    when: 'clause',
    test: ({ view, after, end }) => {
      for (let k = after; k <= Math.min(end, after + 10); k++) {
        const t = view.tok(k);
        if (t && (view.lex.negativeLabels.has(t.lemma) || view.lex.negativeLabels.has(t.normal))) return true;
      }
      return false;
    },
  },
  // `alleged that X had rigged the vote`: what the clause says is a wrong (relation-cues.json
  // `wrongdoingVerbs`, `wrongdoingLabels`, `negativeLabels`), not any claim about X.
  'wrongdoing-clause': {
    when: 'clause',
    test: ({ view, after, end }) => {
      for (let k = after; k <= Math.min(end, after + 20); k++) {
        const t = view.tok(k);
        if (t && (view.lex.wrongdoingVerbs.has(t.lemma) || view.lex.wrongdoingLabels.has(t.normal) || view.lex.negativeLabels.has(t.lemma) || view.lex.negativeLabels.has(t.normal))) return true;
      }
      return false;
    },
  },
  // `insisted that Germany must pay`, `insisted that Germany pay`: the clause says what someone is to do,
  // not what is so (`insisted his plans were affordable`). A subjunctive is a bare verb right after a name.
  'obligation-clause': {
    when: 'clause',
    test: ({ view, after, end }) => {
      for (let k = after; k <= Math.min(end, after + 12); k++) {
        const n = view.norm(k);
        if (OBLIGATION.has(n) && (!['have', 'has', 'need', 'needs'].includes(n) || view.norm(k + 1) === 'to')) return true;
        const t = view.tok(k);
        if (t?.pos === 'VERB' && t.normal === t.lemma && view.entityAt(k - 1) !== undefined && view.entityAt(k) === undefined) return true;
      }
      return false;
    },
  },
  // `offered Kenya aid`, not `offered its condolences to Kenya` (relation-cues.json `sentimentNouns`).
  'no-sentiment-object': {
    when: 'clause',
    test: ({ view, object }) => !view.lex.sentimentNouns.has(object?.headLemma ?? ''),
  },
  // `will respond firmly to X`, `will "resolutely" respond`: a word of force by the verb (relation-cues.json `firmAdverbs`).
  'firm-manner': {
    when: 'clause',
    test: ({ view, verb, after }) => {
      for (let k = Math.max(0, verb - 4); k <= after + 2; k++) if (k !== verb && view.lex.firmAdverbs.has(view.norm(k))) return true;
      return false;
    },
  },
  // `charged X (and Y) with unfair practices`: the object's phrase (or its coordination) is followed by `with`;
  // not `charged a fee`, `charged Kenya $5 million`.
  'charge-object': {
    when: 'object',
    test: ({ view, object, end }) => {
      if (!object) return false;
      for (let k = object.last + 1; k <= Math.min(end, object.last + 15); k++) {
        const t = view.tok(k);
        if (!t || t.pos === 'VERB' || t.pos === 'AUX') return false;
        if (t.pos === 'ADP') return t.normal === 'with';
      }
      return false;
    },
  },
  // `called Essebsi on Friday`, `called Lavrov to discuss ...`: a named party called with nothing said of it,
  // not `called Putin a killer`, `called Biden weak`, `called Xi's bluff`.
  'phone-call-object': {
    when: 'object',
    test: ({ view, object, after, passive }) => {
      // `X was called by Y on Friday`; not `X was called a liar by Y`, which labels X.
      if (passive) return CALL_FOLLOWERS.has(view.norm(after));
      if (!object?.heads.length || object.headLemma !== undefined) return false;
      // `Tunisian President X`: a demonym before a named person is no possessor.
      if (object.owner !== undefined && !object.heads.every((h) => view.entityType(h) === 'Person')) return false;
      const next = view.norm(object.last + 1);
      if (next === 'to') return CALL_PURPOSES.has(view.tok(object.last + 2)?.lemma ?? '');
      // `on Friday`, `on the phone`; not `called X on his bluff`.
      if (next === 'on') {
        const t = view.tok(object.last + 2);
        return t?.pos === 'PROPN' || t?.pos === 'NUM' || (t?.normal === 'the' && ['phone', 'telephone'].includes(view.norm(object.last + 3)));
      }
      return CALL_FOLLOWERS.has(next);
    },
  },
  // `threatened to impose sanctions on X`, `threatened X with`, `threatened that ...`; not `threatened to follow X`,
  // `threatened to resign`: an infinitive right after the verb must be a hostile act (relation-cues.json `threatFrames`).
  'hostile-infinitive': {
    when: 'clause',
    test: ({ view, after }) => {
      if (view.norm(after) !== 'to') return true;
      let k = after + 1;
      while (view.tok(k)?.pos === 'ADV') k++;
      const lemma = view.tok(k)?.lemma ?? '';
      return view.lex.threatActs.has(lemma) || view.lex.hostileInfinitives.has(lemma);
    },
  },
  // `invited X to a summit`, `invited X for talks`, `invited X to Moscow`, `invited X to visit`: an invitation to
  // meet or take part (CAMEO 036); `invited X to lift the sanctions` asks an act of X (an appeal).
  'invitation-to-meet': {
    when: 'object',
    test: ({ view, object }) => {
      if (!object) return false;
      const prep = view.norm(object.last + 1);
      if (prep !== 'to' && prep !== 'for') return false;
      const next = view.tok(object.last + 2);
      if (!next || PRESS_REQUESTS.has(next.normal) || PRESS_REQUESTS.has(view.norm(object.last + 3))) return false;
      // `to talks`: a meeting noun the tagger may take for a verb (relation-cues.json `venueFrames`).
      if (view.lex.venueNouns.has(next.normal)) return true;
      return next.pos === 'VERB' || next.pos === 'AUX' ? MEETING_INFINITIVES.has(next.lemma) : true;
    },
  },
  // Noun rules (the trigger at `verb`): `China's demand that X ...`, `U.S. demands for access`; not the market's
  // `strong demand for oil`, `a dip in demand`, `demand growth` (relation-cues.json `marketDemand`). A plural is a party's.
  'no-market-sense': {
    when: 'clause',
    test: ({ view, verb }) => {
      const t = view.tok(verb);
      if (!t || t.normal !== t.lemma) return true;
      const m = view.lex.marketDemand;
      if (m.after.has(view.norm(verb + 1))) return false;
      if (view.norm(verb - 1) === 'in' && m.changeNouns.has(view.tok(verb - 2)?.lemma ?? '')) return false;
      for (let k = verb - 1; k >= Math.max(0, verb - 3); k--) {
        const p = view.tok(k);
        if (!p || !['ADJ', 'NOUN', 'ADV', 'PROPN', 'VERB'].includes(p.pos)) break;
        if (m.modifiers.has(p.normal)) return false;
      }
      return true;
    },
  },
  // Checked by the noun rule itself (it needs the governing verb): see nounRuleDraftsOf.
  'threat-governor': { when: 'clause', test: () => true },
  'no-threat-governor': { when: 'clause', test: () => true },
  // `held Russia responsible for`, `will hold X accountable`: the object is made answerable for a wrong.
  'responsibility-label': {
    when: 'object',
    test: ({ view, object }) => !!object && RESPONSIBLE.has(view.norm(object.last + 1)),
  },
};

/** Whether every guard of `names` that runs at `when` holds. */
export function guardsHold(names: readonly GuardName[], when: 'clause' | 'object', c: GuardContext): boolean {
  for (const n of names) {
    const g = GUARDS[n];
    if (g.when === when && !g.test(c)) return false;
  }
  return true;
}
