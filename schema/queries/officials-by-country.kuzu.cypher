// Officials and their roles per country: every person AFFILIATED_WITH a
// country, the roles the articles give them (in alphabetical order), and in
// how many articles.
// Optional $since / $until (YYYY-MM-DD): only affiliations whose date overlaps the
// range (undated ones are then left out); unset, every one counts.
// Kuzu version (the collected roles sorted by list_sort); Neo4j: officials-by-country.cypher.
MATCH (p:Person)-[r:AFFILIATED_WITH]->(c:Country)
WHERE ($since IS NULL OR r.dateEnd >= $since) AND ($until IS NULL OR r.dateStart <= $until)
RETURN c.name AS country, p.name AS official, list_sort(collect(DISTINCT r.role)) AS roles, count(DISTINCT r.article) AS articles
ORDER BY country, official
