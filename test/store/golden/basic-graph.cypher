// newsgraph graph for Neo4j. Idempotent: run it again and nothing changes.
//   cypher-shell -a neo4j://localhost:7687 -u neo4j -d neo4j -f out/graph.cypher
// 7 nodes, 12 relationships.
CREATE CONSTRAINT person_key IF NOT EXISTS FOR (n:Person) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT country_key IF NOT EXISTS FOR (n:Country) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT organisation_key IF NOT EXISTS FOR (n:Organisation) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT article_key IF NOT EXISTS FOR (n:Article) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT quote_key IF NOT EXISTS FOR (n:Quote) REQUIRE n.key IS UNIQUE;
CREATE INDEX mentioned_in_key IF NOT EXISTS FOR ()-[r:MENTIONED_IN]-() ON (r.key);
CREATE INDEX said_key IF NOT EXISTS FOR ()-[r:SAID]-() ON (r.key);
CREATE INDEX said_to_key IF NOT EXISTS FOR ()-[r:SAID_TO]-() ON (r.key);
CREATE INDEX spoke_with_key IF NOT EXISTS FOR ()-[r:SPOKE_WITH]-() ON (r.key);
CREATE INDEX warned_key IF NOT EXISTS FOR ()-[r:WARNED]-() ON (r.key);
CREATE INDEX threatened_key IF NOT EXISTS FOR ()-[r:THREATENED]-() ON (r.key);
CREATE INDEX demanded_key IF NOT EXISTS FOR ()-[r:DEMANDED]-() ON (r.key);
CREATE INDEX urged_key IF NOT EXISTS FOR ()-[r:URGED]-() ON (r.key);
CREATE INDEX accused_key IF NOT EXISTS FOR ()-[r:ACCUSED]-() ON (r.key);
CREATE INDEX rejected_key IF NOT EXISTS FOR ()-[r:REJECTED]-() ON (r.key);
CREATE INDEX supported_key IF NOT EXISTS FOR ()-[r:SUPPORTED]-() ON (r.key);
CREATE INDEX proposed_key IF NOT EXISTS FOR ()-[r:PROPOSED]-() ON (r.key);
CREATE INDEX deployed_near_key IF NOT EXISTS FOR ()-[r:DEPLOYED_NEAR]-() ON (r.key);
CREATE INDEX affiliated_with_key IF NOT EXISTS FOR ()-[r:AFFILIATED_WITH]-() ON (r.key);
UNWIND [
  {key: 'person:antony-blinken', props: {name: 'Antony Blinken', aliases: ['Antony Blinken', 'Blinken', 'Anthony Blingen'], mentions: 3, articles: 1, roles: ['Secretary of State'], affiliations: ['United States'], confidence: 0.95}},
  {key: 'person:sergei-lavrov', props: {name: 'Sergei Lavrov', aliases: ['Sergei Lavrov', 'Lavrov'], mentions: 2, articles: 1, roles: ['Foreign Minister'], affiliations: ['Russia'], confidence: 0.9}}
] AS row MERGE (n:Person {key: row.key}) SET n += row.props;
UNWIND [
  {key: 'country:russia', props: {name: 'Russia', aliases: ['Russia', 'Moscow'], mentions: 4, articles: 1, roles: [], affiliations: [], confidence: 1.0, iso3: 'RUS'}},
  {key: 'country:united-states', props: {name: 'United States', aliases: ['United States', 'Washington', 'US'], mentions: 2, articles: 1, roles: [], affiliations: [], confidence: 1.0, iso3: 'USA'}}
] AS row MERGE (n:Country {key: row.key}) SET n += row.props;
UNWIND [
  {key: 'organisation:us-state-department', props: {name: 'US State Department', aliases: ['State Department'], mentions: 1, articles: 1, roles: [], affiliations: ['United States'], confidence: 0.8}}
] AS row MERGE (n:Organisation {key: row.key}) SET n += row.props;
UNWIND [
  {key: 'article:a1.txt', props: {file: 'a1.txt', path: 'data/a1.txt', title: 'Blinken & Lavrov <talk>', hash: 'abc123', published: '2026-03-05', publishedSource: 'dateline', chars: 420, tokens: 80}}
] AS row MERGE (n:Article {key: row.key}) SET n += row.props;
UNWIND [
  {key: 'quote:a1.txt:120', props: {text: 'The secretary emphasized the willingness of the United States — “bilaterally” & <together>', article: 'a1.txt', start: 120, end: 210, date: '2026-03-05', datePrecision: 'day', dateStart: '2026-03-05', dateEnd: '2026-03-05', speaker: 'Antony Blinken', cue: 'said', evidence: '“The secretary emphasized the willingness of the United States — “bilaterally” & <together>,” Blinken said.', confidence: 0.9, rule: 'quote.speech-verb'}}
] AS row MERGE (n:Quote {key: row.key}) SET n += row.props;
UNWIND [
  {key: 'MENTIONED_IN:person:antony-blinken->article:a1.txt', from: 'person:antony-blinken', to: 'article:a1.txt', props: {article: 'a1.txt', count: 1, surface: ['x']}},
  {key: 'MENTIONED_IN:person:sergei-lavrov->article:a1.txt', from: 'person:sergei-lavrov', to: 'article:a1.txt', props: {article: 'a1.txt', count: 1, surface: ['x']}}
] AS row WITH row, row.from AS fromKey, row.to AS toKey MATCH (a:Person {key: fromKey}) MATCH (b:Article {key: toKey}) MERGE (a)-[r:MENTIONED_IN {key: row.key}]->(b) SET r += row.props;
UNWIND [
  {key: 'MENTIONED_IN:country:russia->article:a1.txt', from: 'country:russia', to: 'article:a1.txt', props: {article: 'a1.txt', count: 1, surface: ['x']}},
  {key: 'MENTIONED_IN:country:united-states->article:a1.txt', from: 'country:united-states', to: 'article:a1.txt', props: {article: 'a1.txt', count: 1, surface: ['x']}}
] AS row WITH row, row.from AS fromKey, row.to AS toKey MATCH (a:Country {key: fromKey}) MATCH (b:Article {key: toKey}) MERGE (a)-[r:MENTIONED_IN {key: row.key}]->(b) SET r += row.props;
UNWIND [
  {key: 'MENTIONED_IN:organisation:us-state-department->article:a1.txt', from: 'organisation:us-state-department', to: 'article:a1.txt', props: {article: 'a1.txt', count: 1, surface: ['x']}}
] AS row WITH row, row.from AS fromKey, row.to AS toKey MATCH (a:Organisation {key: fromKey}) MATCH (b:Article {key: toKey}) MERGE (a)-[r:MENTIONED_IN {key: row.key}]->(b) SET r += row.props;
UNWIND [
  {key: 'SAID:person:antony-blinken->quote:a1.txt:120', from: 'person:antony-blinken', to: 'quote:a1.txt:120', props: {article: 'a1.txt', evidence: '“The secretary emphasized the willingness of the United States — “bilaterally” & <together>,” Blinken said.', start: 120, end: 210, cue: 'said', confidence: 0.9, rule: 'quote.speech-verb', date: '2026-03-05', datePrecision: 'day', dateStart: '2026-03-05', dateEnd: '2026-03-05'}}
] AS row WITH row, row.from AS fromKey, row.to AS toKey MATCH (a:Person {key: fromKey}) MATCH (b:Quote {key: toKey}) MERGE (a)-[r:SAID {key: row.key}]->(b) SET r += row.props;
UNWIND [
  {key: 'SAID_TO:quote:a1.txt:120->person:sergei-lavrov', from: 'quote:a1.txt:120', to: 'person:sergei-lavrov', props: {article: 'a1.txt', evidence: 'told Lavrov', start: 120, end: 130, cue: 'told', date: '2026-03-05', datePrecision: 'day', dateStart: '2026-03-05', dateEnd: '2026-03-05'}}
] AS row WITH row, row.from AS fromKey, row.to AS toKey MATCH (a:Quote {key: fromKey}) MATCH (b:Person {key: toKey}) MERGE (a)-[r:SAID_TO {key: row.key}]->(b) SET r += row.props;
UNWIND [
  {key: 'SPOKE_WITH:person:antony-blinken->person:sergei-lavrov@a1.txt:0', from: 'person:antony-blinken', to: 'person:sergei-lavrov', props: {article: 'a1.txt', evidence: 'Secretary Blinken spoke with Russian Foreign Minister Sergei Lavrov.', start: 0, end: 68, cue: 'spoke with', modality: 'asserted', confidence: 0.9, rule: 'verb.speak', cameo: '04', plover: 'CONSULT'}}
] AS row WITH row, row.from AS fromKey, row.to AS toKey MATCH (a:Person {key: fromKey}) MATCH (b:Person {key: toKey}) MERGE (a)-[r:SPOKE_WITH {key: row.key}]->(b) SET r += row.props;
UNWIND [
  {key: 'THREATENED:country:united-states->country:russia@a1.txt:300', from: 'country:united-states', to: 'country:russia', props: {article: 'a1.txt', evidence: 'If Russia invades, the United States would impose sanctions.', start: 300, end: 360, cue: 'would impose', modality: 'hypothetical', confidence: 0.5, rule: 'verb.threaten', cameo: '13', plover: 'THREATEN'}}
] AS row WITH row, row.from AS fromKey, row.to AS toKey MATCH (a:Country {key: fromKey}) MATCH (b:Country {key: toKey}) MERGE (a)-[r:THREATENED {key: row.key}]->(b) SET r += row.props;
UNWIND [
  {key: 'URGED:person:antony-blinken->country:russia@a1.txt:70', from: 'person:antony-blinken', to: 'country:russia', props: {article: 'a1.txt', evidence: 'Price said the secretary urged the "Putin government" to <reduce> pressure & withdraw.', start: 70, end: 156, date: '2026-03-03', datePrecision: 'day', dateStart: '2026-03-03', dateEnd: '2026-03-03', dateText: 'on Tuesday', cue: 'urged', modality: 'asserted', reportedBy: 'person:sergei-lavrov', confidence: 0.8, rule: 'verb.urge', cameo: '02', plover: 'REQUEST'}},
  {key: 'URGED:person:antony-blinken->country:russia@a1.txt:200', from: 'person:antony-blinken', to: 'country:russia', props: {article: 'a1.txt', evidence: 'Blinken urged Russia to follow a diplomatic path.', start: 200, end: 249, date: '2026-02', datePrecision: 'month', dateStart: '2026-02-01', dateEnd: '2026-02-28', dateText: 'in February', cue: 'urged', modality: 'asserted', confidence: 0.85, rule: 'phrase.call-on', cameo: '02', plover: 'REQUEST'}}
] AS row WITH row, row.from AS fromKey, row.to AS toKey MATCH (a:Person {key: fromKey}) MATCH (b:Country {key: toKey}) MERGE (a)-[r:URGED {key: row.key}]->(b) SET r += row.props;
UNWIND [
  {key: 'AFFILIATED_WITH:person:sergei-lavrov->country:russia@a1.txt:0', from: 'person:sergei-lavrov', to: 'country:russia', props: {article: 'a1.txt', evidence: 'Secretary Blinken spoke with Russian Foreign Minister Sergei Lavrov.', start: 0, end: 68, cue: 'Russian Foreign Minister', modality: 'asserted', role: 'Foreign Minister', confidence: 0.9, rule: 'affiliation.mention'}}
] AS row WITH row, row.from AS fromKey, row.to AS toKey MATCH (a:Person {key: fromKey}) MATCH (b:Country {key: toKey}) MERGE (a)-[r:AFFILIATED_WITH {key: row.key}]->(b) SET r += row.props;
