package io.textprovenance.service.verdict;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Swagger UI on the service's OpenAPI document ({@link OpenApiDocument}): {@code /swagger-ui.html} redirects to
 * {@code /swagger-ui/index.html}; {@code /swagger-ui/**} serves the org.webjars:swagger-ui jar's files, except
 * {@code swagger-initializer.js}, which is ours ({@code classpath:/swagger-ui/}): it opens {@code /v3/api-docs},
 * with no validator, so the page loads nothing from outside the service.
 */
@Configuration(proxyBeanMethods = false)
class SwaggerUiConfiguration implements WebMvcConfigurer {

    static final String PAGE = "/swagger-ui.html";
    static final String INDEX = "/swagger-ui/index.html";
    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";

    private final String webjar;

    SwaggerUiConfiguration() {
        Properties pom = new Properties();
        try (InputStream in = new ClassPathResource("META-INF/maven/org.webjars/swagger-ui/pom.properties")
                .getInputStream()) {
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("org.webjars:swagger-ui is not on the classpath", e);
        }
        this.webjar = "classpath:/" + WEBJAR + pom.getProperty("version") + "/";
    }

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController(PAGE, INDEX);
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/swagger-ui/**").addResourceLocations("classpath:/swagger-ui/", webjar);
    }
}
