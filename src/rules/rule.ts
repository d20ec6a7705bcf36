/**
 * The shape of a relation rule (data/rules/*.json, documented in
 * data/rules/README.md) once loaded and checked.
 */
import type { RelationType } from '../types.js';

/** Where a verb rule's target comes from; see data/rules/README.md. */
export type VerbSlot = 'object' | 'object-or-owner' | 'possessor' | 'clause' | 'reciprocal' | 'label-owner' | `pp:${string}`;
/** Where a noun rule's target comes from. */
export type NounSlot = 'clause' | `pp:${string}`;

export type GuardName = 'infinitive-after-object' | 'proposal-object' | 'agreement-object' | 'people-object' | 'thing-object' | 'negative-label' | 'responsibility-label' | 'wrongdoing-clause' | 'obligation-clause' | 'threat-governor' | 'no-sentiment-object' | 'firm-manner' | 'charge-object' | 'no-threat-governor' | 'phone-call-object' | 'hostile-infinitive' | 'invitation-to-meet' | 'no-market-sense';
export const GUARD_NAMES: readonly GuardName[] = ['infinitive-after-object', 'proposal-object', 'agreement-object', 'people-object', 'thing-object', 'negative-label', 'responsibility-label', 'wrongdoing-clause', 'obligation-clause', 'threat-governor', 'no-sentiment-object', 'firm-manner', 'charge-object', 'no-threat-governor', 'phone-call-object', 'hostile-infinitive', 'invitation-to-meet', 'no-market-sense'];

/** One example a rule must satisfy: the edges (type, source name, target name) it must and must not give. */
export interface RuleExample {
  readonly text: string;
  readonly edges: readonly (readonly [string, string, string])[];
  readonly not: readonly (readonly [string, string, string])[];
}

interface RuleBase {
  readonly id: string;
  readonly type: RelationType;
  readonly confidence: number;
  readonly cameo: string | undefined;
  readonly plover: string | undefined;
  readonly examples: readonly RuleExample[];
  /** The file the rule was read from (for messages). */
  readonly file: string;
}

export interface VerbRule extends RuleBase {
  readonly kind: 'verb';
  /** The verb lemma, then the words that must follow it (`call on`). */
  readonly words: readonly string[];
  readonly target: readonly VerbSlot[];
  readonly guards: readonly GuardName[];
  /** The object's head must be one of these lemmas, when given. */
  readonly objectHeads: ReadonlySet<string> | undefined;
  /** Saying one will do the act is the act (`will respond firmly to X` warns X now): a future reading is asserted. */
  readonly intent: boolean;
}

export interface NounRule extends RuleBase {
  readonly kind: 'noun';
  /** The noun lemma, or two words (`phone call`). */
  readonly lemma: string;
  /** Prepositions that introduce the target (`with`, `between`), from the `pp:` slots. */
  readonly preps: readonly string[];
  /** With no prepositional target, the first entity later in the clause. */
  readonly clause: boolean;
  /** The actor must own the noun or be a light verb's subject (`his visit to`). */
  readonly ownedOnly: boolean;
  /** The prepositional target's head must be one of these lemmas, when given (`opposed to X's plan`). */
  readonly objectHeads: ReadonlySet<string> | undefined;
  /** `infinitive-after-object`: the target phrase is followed by an infinitive (`a call for X to leave`); `threat-governor`: the noun is the object of a verb of vowing or threatening (`vowed revenge against X`). */
  readonly guards: readonly GuardName[];
}

export type Rule = VerbRule | NounRule;

export interface RuleIndex {
  /** Verb rules by the trigger's first word (the lemma), longest phrase first. */
  readonly verbs: ReadonlyMap<string, readonly VerbRule[]>;
  /** Noun rules by the noun lemma (the last word of a two-word trigger). */
  readonly nouns: ReadonlyMap<string, readonly NounRule[]>;
  readonly byId: ReadonlyMap<string, Rule>;
}
