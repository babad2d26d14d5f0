package io.textprovenance.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;

/** The filter decides on the path the dispatcher routes, whatever the raw URI looks like. */
class ApiKeyFilterTests {

    @ParameterizedTest
    @ValueSource(strings = {"/v1/verdicts", "/v1;x=y/verdicts", "/%761/models", "/v1", "/v1/"})
    void shouldGuardEveryPathTheDispatcherRoutesUnderV1(String rawUri) {
        assertThat(ApiKeyFilter.isProtected(request(rawUri))).as(rawUri).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/actuator/health", "/v3/api-docs", "/v10/models", "/", "/swagger-ui/index.html"})
    void shouldLeaveOtherPathsAlone(String rawUri) {
        assertThat(ApiKeyFilter.isProtected(request(rawUri))).as(rawUri).isFalse();
    }

    private static MockHttpServletRequest request(String rawUri) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", rawUri);
        request.setContextPath("");
        return request;
    }
}
