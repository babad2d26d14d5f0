package io.textprovenance.service.security;

import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The request filters, in order: the path firewall on every request (always on), then the API-key filter on
 * every request routed under /v1 when detector.security.enabled; refuses to start with security on and no keys.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    FilterRegistrationBean<PathFirewallFilter> pathFirewallFilter() {
        FilterRegistrationBean<PathFirewallFilter> registration = new FilterRegistrationBean<>(new PathFirewallFilter());
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ApiKeyFilter> apiKeyFilter(SecurityProperties properties) {
        if (properties.enabled() && properties.apiKeys().isEmpty()) {
            throw new IllegalStateException("detector.security.enabled is true but detector.security.api-keys is empty:"
                    + " set DETECTOR_SECURITY_API_KEYS from a Secret, or disable security (local profile)");
        }
        FilterRegistrationBean<ApiKeyFilter> registration = new FilterRegistrationBean<>(new ApiKeyFilter(properties));
        // every request: the filter itself decides on the dispatcher's path, not the container's URL mapping
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.setEnabled(properties.enabled());
        return registration;
    }

    /**
     * Lets Tomcat pass encoded slashes and backslashes ({@code %2F}, {@code %5C}) through undecoded to the path
     * firewall, which refuses them with its reason.
     */
    @Bean
    TomcatConnectorCustomizer encodedSlashesReachTheFirewall() {
        return connector -> {
            connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
            connector.setEncodedReverseSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
        };
    }
}
