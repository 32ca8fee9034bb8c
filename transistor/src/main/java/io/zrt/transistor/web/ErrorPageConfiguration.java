package io.zrt.transistor.web;

import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/** Installs {@link ProblemErrorReportValve} in place of Tomcat's (and Spring Boot's) HTML error report valve. */
@Configuration(proxyBeanMethods = false)
class ErrorPageConfiguration {

    static final String PROBLEM_TYPE_PREFIX = "urn:zrt:transistor:problem:";

    /** Runs after Boot's own customizer, which adds a plain {@link ErrorReportValve} that must be replaced. */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            Host host = (Host) context.getParent();
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve) {
                    host.getPipeline().removeValve(valve);
                }
            }
            host.getPipeline().addValve(new ProblemErrorReportValve(PROBLEM_TYPE_PREFIX));
            if (host instanceof StandardHost standard) {
                // Found by class name at host start, so Tomcat adds no default valve of its own.
                standard.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }
}
