package io.zrt.transistor;

import java.util.Arrays;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * Transistor refuses to start without a PostgreSQL to use, before any bean is made: a missing or misspelled
 * {@code SPRING_DATASOURCE_URL} must not start a throw-away embedded database in production. The embedded
 * PostgreSQL is only for the {@code local} profile, see {@link EmbeddedPostgresConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
class PostgresRequirement {

    static final String LOCAL_PROFILE = "local";
    static final String EMBEDDED_SERVER_CLASS = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres";

    /** Runs while bean definitions are read: no connection pool exists yet. */
    @Bean
    static BeanFactoryPostProcessor postgresRequirementCheck() {
        return PostgresRequirement::check;
    }

    static boolean configured(Environment environment) {
        String url = environment.getProperty("spring.datasource.url");
        return url != null && !url.isBlank();
    }

    private static void check(ConfigurableListableBeanFactory beanFactory) {
        Environment environment = beanFactory.getBean(Environment.class);
        if (configured(environment)) {
            return;
        }
        String howToConfigure = "Set spring.datasource.url, .username and .password (environment variables "
                + "SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME, SPRING_DATASOURCE_PASSWORD), e.g. "
                + "jdbc:postgresql://postgres:5432/transistor.";
        if (!Arrays.asList(environment.getActiveProfiles()).contains(LOCAL_PROFILE)) {
            throw new IllegalStateException("No PostgreSQL configured. " + howToConfigure
                    + " For development without a PostgreSQL, run transistor-local.jar with the Spring profile '"
                    + LOCAL_PROFILE + "' (--spring.profiles.active=" + LOCAL_PROFILE
                    + "): it starts an embedded PostgreSQL.");
        }
        if (!ClassUtils.isPresent(EMBEDDED_SERVER_CLASS, PostgresRequirement.class.getClassLoader())) {
            throw new IllegalStateException("The '" + LOCAL_PROFILE + "' profile found no datasource URL and wants"
                    + " the embedded PostgreSQL, which this jar does not contain: run transistor-local.jar instead. "
                    + howToConfigure);
        }
    }
}
