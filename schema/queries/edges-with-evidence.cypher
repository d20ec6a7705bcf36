// Every act and affiliation with its evidence: the type, both ends, the
// modality, the sentence that states it, and its article and offset.
// Optional $since / $until (YYYY-MM-DD): only acts whose date overlaps the
// range (undated ones are then left out); unset, every act counts.
// Neo4j version; Kuzu: edges-with-evidence.kuzu.cypher.
MATCH (a)-[r:SPOKE_WITH|WARNED|THREATENED|DEMANDED|URGED|ACCUSED|REJECTED|SUPPORTED|PROPOSED|DEPLOYED_NEAR|AFFILIATED_WITH]->(b)
WHERE ($since IS NULL OR r.dateEnd >= $since) AND ($until IS NULL OR r.dateStart <= $until)
RETURN type(r) AS type, a.name AS source, b.name AS target, r.modality AS modality, r.cue AS cue, r.evidence AS evidence, r.date AS date, r.article AS article, r.start AS start
ORDER BY article, start, type, source, target
