package org.makerspace.api.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.Container;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Problems for the requests refused before Spring MVC's exception handling sees them, at each of the places that
 * answer them: an {@code Accept} header that cannot be read ({@link UnreadableAcceptFilter}), Tomcat's error report ({@link ProblemReportValve}), Spring Security's firewall
 * ({@link RejectedRequestProblems}, picked up by Spring Security as the only {@link RequestRejectedHandler}) and Boot's
 * {@code /error} ({@link ApiErrorController}, in place of Boot's).
 */
@Configuration(proxyBeanMethods = false)
class ServerProblemsConfiguration {

    @Bean
    RequestRejectedHandler rejectedRequestProblems(ObjectMapper json) {
        return new RejectedRequestProblems(json);
    }

    @Bean
    ApiErrorController apiErrorController(ErrorAttributes errorAttributes, ServerProperties server,
                                          ObjectProvider<ErrorViewResolver> errorViewResolvers, ObjectMapper json) {
        return new ApiErrorController(errorAttributes, server.getError(), errorViewResolvers.orderedStream().toList(),
                                      json);
    }

    /** First of all filters: before security, whose refusals would meet the same unreadable header. */
    @Bean
    FilterRegistrationBean<UnreadableAcceptFilter> unreadableAcceptFilter(ObjectMapper json) {
        FilterRegistrationBean<UnreadableAcceptFilter> registration =
                new FilterRegistrationBean<>(new UnreadableAcceptFilter(json));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    ProblemReportValveCustomizer problemReportValve() {
        return new ProblemReportValveCustomizer();
    }

    /**
     * Puts {@link ProblemReportValve} in place of the host's error report valve. Last of the customizers, so that it
     * replaces the valve Boot adds (one that hides the server's version) rather than running beside it.
     */
    static final class ProblemReportValveCustomizer
            implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> useProblemReports(context.getParent()));
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }

        private static void useProblemReports(Container host) {
            Pipeline pipeline = host.getPipeline();
            for (Valve valve : pipeline.getValves()) {
                if (valve instanceof ErrorReportValve && !(valve instanceof ProblemReportValve)) {
                    pipeline.removeValve(valve);
                }
            }
            pipeline.addValve(new ProblemReportValve());
            // Else the host adds Tomcat's own valve when it starts, finding none of that class in its pipeline.
            if (host instanceof StandardHost standardHost) {
                standardHost.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
        }
    }
}
