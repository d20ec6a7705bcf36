/**
 * The named producers in code: relations that need more than one rule's
 * clause (frames around an act, demands across sentences, deployments,
 * visits, affiliations) and the quote attributors of src/relations/quotes/. Each has an
 * id, which the edges it makes carry as `rule`, and a line for `explain`.
 */
import { ATTRIBUTION_FORMS, ATTRIBUTORS } from '../relations/quotes/attributors.js';

export const PRODUCERS: Readonly<Record<string, string>> = {
  'frame.intent': 'an act of help in the infinitive after a verb or adjective of intent is an offer (`offered to help X`): src/relations/frames.ts intentFrame',
  'frame.giving': 'a giving act in the infinitive after a verb of intent or commitment is an offer (`offered to send aid to X`): src/relations/frames.ts frameDrafts',
  'frame.threat': 'a hostile act vowed or threatened (`vowed to retaliate against X`): src/relations/frames.ts frameDrafts',
  'frame.refusal': 'a negated cooperative act under a future modal or a refusing verb (`will not support X`): src/relations/frames.ts refusalDrafts',
  'frame.loyalty': 'a negated act of abandoning a party is support for it (`will not abandon X`): src/relations/frames.ts loyaltyDrafts',
  'frame.meeting-refusal': 'talks a refusing verb governs (`rejected talks with X`): src/rules/engine.ts nounRuleDrafts',
  'producer.warning-consequences': 'a reporting verb whose clause says an act would bring consequences: src/relations/frames.ts consequenceDrafts',
  'producer.venue': 'attending a meeting held in a country (`attended a summit in X`): src/relations/frames.ts venueDrafts',
  'producer.travel': "a person's trip to a country (`flew to X`): src/relations/frames.ts travelDrafts",
  'producer.demand-object': 'a demanded thing with a `from` party (`wants guarantees from X`): src/relations/demands.ts demandObjectDrafts',
  'producer.response': "an answer to someone's demands (`Y's response to X's demands`): src/relations/demands.ts responseDrafts",
  'producer.demand-content': 'demands whose content the next sentence spells out: src/relations/demands.ts demandContentDrafts',
  'producer.reported-criticism': 'a reported clause or quotation whose wording condemns what another party did (`X said Y imposed illegal sanctions`): src/relations/criticism.ts',
  'producer.reported-obligation': 'a reported clause or quotation saying another party must or should act (`X said Y must withdraw`): src/relations/obligations.ts',
  'producer.deployment': 'a military noun, its owner and a place near a country or border: src/relations/deployment.ts deploymentDrafts',
  'producer.deployment-mover': 'the subject of a verb sending military forces to a border or near a country (`sent warships near X`): src/relations/deployment.ts deploymentDrafts',
  'affiliation.mention': "a mention's title or demonym (`Russian Foreign Minister X`): src/relations/affiliations.ts",
  'affiliation.appositive': "an appositive after an owned role (`Blinken's deputy, Kurt Campbell`, `Russia's envoy for the region, X`, `his deputy, X`): src/relations/affiliations.ts, role-titles.ts",
  'affiliation.role-apposition': "a role stated next to a name (`X, the president of Y`, `X, a professor at Y`, `the leader of Y, X`): src/relations/role-appositions.ts",
  'affiliation.title-owner': "the state or body owning a title before a name (`France's UN envoy X`, `Qatar's Prime Minister X`; a diplomat's state beats the body): src/relations/role-titles.ts",
  'affiliation.leadership': 'a verb of leadership (`the council, chaired by X`, `X, who heads Y`): src/relations/role-titles.ts',
  'affiliation.possessor': "an owner before a name (`NATO's Jens Stoltenberg`): src/relations/affiliations.ts",
  'affiliation.figure': 'a public figure of the gazetteer (data/gazetteers/people.tsv): src/relations/affiliations.ts',
  'affiliation.office-holder': 'a government office holder of the Phoenix actor dictionaries (data/gazetteers/phoenix-people.tsv): src/relations/affiliations.ts',
  'affiliation.entity': "the entity stage's affiliation of a person: src/relations/affiliations.ts",
  ...Object.fromEntries(ATTRIBUTORS.map((a) => [a.id, `${a.describe}: src/relations/quotes/attributors.ts`])),
  ...Object.fromEntries(Object.entries(ATTRIBUTION_FORMS).map(([id, what]) => [id, `${what}: src/relations/quotes/`])),
};
