import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module of scripts/, no type declarations
import { convert, parseCameo, parseCode, typeOf } from '../../scripts/lib/cameo-dictionary.mjs';

// A dictionary in CAMEO.2.0.txt's format, written for these tests.
const DICT = `# header comment
####### SYNONYM SETS #######

&MOVES
+DECISION
+RULINGS

####### VERB PATTERNS #######

---  CRITICIZE   [111]  ---
DENOUNCE
CONDEMN
THINK
- * &MOVES                                     [111]         # CONDEMN
- * (FOR TORTURE)                              [1122]        # CONDEMN
- $ * +                                        [111]         # CONDEMN

---  CALL   [041]  ---
CALL
PHONE
- * (ON)                                       [020]         # CALL
- * (FOR)                                      [020]         # CALL
- * CALLS                                      [:020]        # CALL

---  WARN   [130]  ---
WARN
THREATEN
+SABRE_RATTLE {}

---  APOLOGIZE   [055]  ---
APOLOGIZE

---  EXPLAIN_VERBAL   [010]  ---
SAY {SAID }
EXPRESS
- * ANGER                                      [111]         # EXPRESS

######## TRANSFORMATIONS ##########
~ a (a b ATTACK) SAY = a b 015
`;

const run = (ambiguous: Record<string, string> = { think: 'thought', call: 'needs-object' }, hand: string[] = []) =>
  convert(DICT, { ambiguous: new Map(Object.entries(ambiguous)), hand: new Set(hand), lightVerbs: new Set(['express']) });
const byId = (rules: { id: string }[]) => new Map(rules.map((r) => [r.id, r]));

describe('CAMEO dictionary reader', () => {
  it('reads codes, including passive and null codes', () => {
    expect(parseCode('[112]')).toEqual({ code: '112', passive: null });
    expect(parseCode('[036:036]')).toEqual({ code: '036', passive: '036' });
    expect(parseCode('[:020]')).toEqual({ code: null, passive: '020' });
    expect(parseCode('[---]')).toEqual({ code: null, passive: null });
  });

  it('reads synonym sets, blocks, verbs and patterns, and skips the transformations', () => {
    const { synsets, blocks } = parseCameo(DICT);
    expect(synsets.get('MOVES')).toEqual(['DECISION', 'RULINGS']);
    expect(blocks.map((b: { name: string }) => b.name)).toEqual(['CRITICIZE', 'CALL', 'WARN', 'APOLOGIZE', 'EXPLAIN_VERBAL']);
    const criticize = blocks[0];
    expect(criticize.code).toBe('111');
    expect(criticize.verbs.map((v: { words: string[] }) => v.words.join(' '))).toEqual(['denounce', 'condemn', 'think']);
    expect(criticize.patterns[0]).toMatchObject({ tokens: ['*', '&MOVES'], code: '111', verb: 'CONDEMN' });
    expect(blocks[2].verbs[2]).toMatchObject({ words: ['sabre', 'rattle'], phrase: true, fixedForm: true });
    expect(blocks[4].verbs[0].forms).toEqual(['said']);
  });
});

describe('CAMEO code to relation type', () => {
  it.each([
    ['020', 'ask', 'URGED'],
    ['036', 'invite', 'PROPOSED'],
    ['042', 'visit', 'SPOKE_WITH'],
    ['051', 'praise', 'SUPPORTED'],
    ['055', 'apologize', null],
    ['1014', 'demand', 'DEMANDED'],
    ['1123', 'accuse', 'ACCUSED'],
    ['116', 'convict', null],
    ['129', 'veto', 'REJECTED'],
    ['130', 'warn', 'WARNED'],
    ['138', 'threaten', 'THREATENED'],
    ['154', 'deploy', 'DEPLOYED_NEAR'],
    ['010', 'say', null],
    ['190', 'fight', null],
  ])('%s (%s) -> %s', (code, verb, type) => {
    expect(typeOf(code, verb)).toBe(type);
  });
});

describe('CAMEO rules', () => {
  it('gives bare verbs of mapped classes a rule with the code, PLOVER type and target slots', () => {
    const rules = byId(run().rules);
    expect(rules.get('cameo.111.denounce')).toMatchObject({ type: 'ACCUSED', trigger: { verb: 'denounce' }, target: ['object', 'possessor'], cameo: '111', plover: 'ACCUSE' });
    expect(rules.get('cameo.041.phone')).toMatchObject({ type: 'SPOKE_WITH', trigger: { verb: 'phone' } });
    expect(rules.get('cameo.130.warn')).toMatchObject({ type: 'WARNED' });
    expect(rules.get('cameo.130.threaten')).toMatchObject({ type: 'THREATENED' });
  });

  it('leaves out ambiguous bare verbs, inflected fixed forms and classes without a type', () => {
    const ids = [...byId(run().rules).keys()];
    expect(ids).not.toContain('cameo.111.think');
    expect(ids).not.toContain('cameo.041.call');
    expect(ids.some((id) => id.includes('sabre'))).toBe(false);
    expect(ids.some((id) => id.includes('apologize') || id.includes('say'))).toBe(false);
  });

  it('makes phrase rules from particle patterns, for ambiguous verbs too; `call for` needs an infinitive', () => {
    const rules = byId(run().rules);
    expect(rules.get('cameo.020.call-on')).toMatchObject({ type: 'URGED', trigger: { phrase: ['call', 'on'] }, target: ['object'] });
    expect(rules.get('cameo.020.call-for')).toMatchObject({ guards: ['infinitive-after-object'] });
    // `[:020]` codes the event with the roles swapped: not converted.
    expect([...rules.keys()].some((id) => id.includes('calls'))).toBe(false);
  });

  it('makes object rules from a verb of the same class, with the synonym set as heads; light verbs and source patterns are left out', () => {
    const rules = byId(run().rules);
    expect(rules.get('cameo.111.condemn.object')).toMatchObject({ type: 'ACCUSED', trigger: { verb: 'condemn' }, target: ['possessor'], objectHeads: ['decision', 'ruling', 'rulings'] });
    expect([...rules.keys()].some((id) => id.startsWith('cameo.111.express'))).toBe(false);
    expect([...rules.keys()].filter((id) => id.startsWith('cameo.111.condemn'))).toEqual(['cameo.111.condemn', 'cameo.111.condemn.object']);
  });

  it('leaves a trigger that a hand-written rule has to that rule', () => {
    const ids = [...byId(run(undefined, ['verb:denounce', 'phrase:call on']).rules).keys()];
    expect(ids).not.toContain('cameo.111.denounce');
    expect(ids).not.toContain('cameo.020.call-on');
    expect(ids).toContain('cameo.111.condemn');
  });

  it('counts what it drops by CAMEO root', () => {
    const { dropped } = run();
    expect(dropped['05']).toBe(1);
    expect(dropped['01']).toBeGreaterThanOrEqual(2);
  });
});
