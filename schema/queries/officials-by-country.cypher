// Officials and their roles per country: every person AFFILIATED_WITH a
// country, the roles the articles give them, and in how many articles.
// One version for both stores (Kuzu and Neo4j).
MATCH (p:Person)-[r:AFFILIATED_WITH]->(c:Country)
RETURN c.name AS country, p.name AS official, collect(DISTINCT r.role) AS roles, count(DISTINCT r.article) AS articles
ORDER BY country, official
