package io.zrt.node.web;

import java.util.Arrays;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * The Node refuses to start without a MongoDB to use, before any bean is made, instead of silently running
 * somewhere the operator did not mean: a missing or misspelled {@code SPRING_MONGODB_URI} would otherwise
 * leave it connecting to nothing (or, before the {@code local} profile existed, to an embedded store on a
 * path with no volume). The embedded MongoDB is only for the {@code local} profile, see
 * {@link EmbeddedMongoConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
public class MongoRequirement {

    static final String LOCAL_PROFILE = "local";
    static final String EMBEDDED_SERVER_CLASS = "de.bwaldvogel.mongo.MongoServer";

    /** Runs while bean definitions are read: nothing has connected anywhere yet. */
    @Bean
    static BeanFactoryPostProcessor mongoRequirementCheck() {
        return MongoRequirement::check;
    }

    /** Whether Spring Boot will connect to a configured MongoDB (a URI, or host and port). */
    static boolean configured(Environment environment) {
        return hasText(environment.getProperty("spring.mongodb.uri"))
                || hasText(environment.getProperty("spring.mongodb.host"));
    }

    static boolean localProfile(Environment environment) {
        return Arrays.asList(environment.getActiveProfiles()).contains(LOCAL_PROFILE);
    }

    private static void check(ConfigurableListableBeanFactory beanFactory) {
        Environment environment = beanFactory.getBean(Environment.class);
        if (configured(environment)) {
            return;
        }
        String howToConfigure = "Set spring.mongodb.uri (environment variable SPRING_MONGODB_URI), e.g. "
                + "mongodb://mongo:27017/?replicaSet=rs0.";
        if (hasText(environment.getProperty("spring.data.mongodb.uri"))) {
            howToConfigure += " spring.data.mongodb.uri (SPRING_DATA_MONGODB_URI) is set, but that is Spring Boot"
                    + " 3's name; Spring Boot 4 reads spring.mongodb.uri.";
        }
        if (!localProfile(environment)) {
            throw new IllegalStateException("No MongoDB configured. " + howToConfigure
                    + " For development without a MongoDB, run node-service-local.jar with the Spring profile '"
                    + LOCAL_PROFILE + "' (--spring.profiles.active=" + LOCAL_PROFILE
                    + "): it starts an embedded MongoDB.");
        }
        if (!ClassUtils.isPresent(EMBEDDED_SERVER_CLASS, MongoRequirement.class.getClassLoader())) {
            throw new IllegalStateException("The '" + LOCAL_PROFILE + "' profile found no MongoDB URI and wants the"
                    + " embedded MongoDB, which this jar does not contain: run node-service-local.jar instead. "
                    + howToConfigure);
        }
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
