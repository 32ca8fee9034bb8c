package io.zrt.node.observability;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Request ids for the log context; tracing itself is Spring Boot's (management.tracing.* in application.yml). */
@Configuration(proxyBeanMethods = false)
public class ObservabilityConfiguration {

    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
        // Before everything that might log, including Spring's own request handling and error pages.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
