package io.zrt.testkit.postgres;

/** Rewrites the database part of a {@code jdbc:postgresql://host:port/database?params} URL. */
final class JdbcUrls {

    private static final String PREFIX = "jdbc:postgresql://";

    private JdbcUrls() {
    }

    static String withDatabase(String jdbcUrl, String database) {
        if (!jdbcUrl.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + jdbcUrl);
        }
        String rest = jdbcUrl.substring(PREFIX.length());
        int query = rest.indexOf('?');
        String params = query >= 0 ? rest.substring(query) : "";
        String hostAndPath = query >= 0 ? rest.substring(0, query) : rest;
        int slash = hostAndPath.indexOf('/');
        String hosts = slash >= 0 ? hostAndPath.substring(0, slash) : hostAndPath;
        return PREFIX + hosts + "/" + database + params;
    }
}
