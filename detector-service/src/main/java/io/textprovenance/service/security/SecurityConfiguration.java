package io.textprovenance.service.security;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the API-key filter on /v1/* when detector.security.enabled; refuses to start with no keys. */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    FilterRegistrationBean<ApiKeyFilter> apiKeyFilter(SecurityProperties properties) {
        if (properties.enabled() && properties.apiKeys().isEmpty()) {
            throw new IllegalStateException("detector.security.enabled is true but detector.security.api-keys is empty:"
                    + " set DETECTOR_SECURITY_API_KEYS from a Secret, or disable security (local profile)");
        }
        FilterRegistrationBean<ApiKeyFilter> registration = new FilterRegistrationBean<>(new ApiKeyFilter(properties));
        registration.addUrlPatterns("/v1/*");
        registration.setEnabled(properties.enabled());
        return registration;
    }
}
