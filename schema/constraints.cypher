// Neo4j constraints and indexes for newsgraph, generated from schema/graph.schema.json
// (test/store/neo4j-files.test.ts fails if they drift; NG_WRITE_SCHEMA=1 rewrites this file).
// Run once before loading: cypher-shell -f schema/constraints.cypher
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
