package io.textprovenance.service.security;

import io.textprovenance.service.problem.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Requires a known API key on /v1/**; answers 401 problem+json otherwise. Keys compare in constant time. A
 * request elsewhere that presents a known key is authenticated too (it gets a principal): the actuator shows
 * health details only to such callers ({@code management.endpoint.health.show-details: when-authorized}).
 *
 * <p>Whether a request is under /v1 is decided on the path Spring MVC routes: the path within the application,
 * split into segments, each percent-decoded and without its {@code ;} parameters ({@link RequestPath}, as the
 * DispatcherServlet parses it), never on the raw request URI, which {@code /v1;x=y/verdicts} or
 * {@code /%761/models} would slip past. {@link PathFirewallFilter} refuses such paths before this filter anyway.
 */
class ApiKeyFilter extends OncePerRequestFilter {

    static final String PROTECTED_SEGMENT = "v1";

    private final List<byte[]> keys;
    private final String header;

    ApiKeyFilter(SecurityProperties properties) {
        this.keys = properties.apiKeys().stream().map(key -> key.getBytes(StandardCharsets.UTF_8)).toList();
        this.header = properties.header();
    }

    /** Whether the dispatcher would route this request under /v1. */
    static boolean isProtected(HttpServletRequest request) {
        PathContainer path = RequestPath.parse(request.getRequestURI(), request.getContextPath()).pathWithinApplication();
        for (PathContainer.Element element : path.elements()) {
            if (element instanceof PathContainer.PathSegment segment) {
                return PROTECTED_SEGMENT.equals(segment.valueToMatch());
            }
        }
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = request.getHeader(header);
        if (presented != null && known(presented.getBytes(StandardCharsets.UTF_8))) {
            chain.doFilter(new KeyHolderRequest(request), response);
        } else if (isProtected(request)) {
            ProblemResponses.write(response, HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
                    "send a valid API key in the " + header + " header");
        } else {
            chain.doFilter(request, response);
        }
    }

    /** The request of a caller who presented a known key: its principal is "api-key". */
    private static final class KeyHolderRequest extends HttpServletRequestWrapper {

        private static final Principal KEY_HOLDER = () -> "api-key";

        KeyHolderRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public Principal getUserPrincipal() {
            return KEY_HOLDER;
        }

        @Override
        public String getRemoteUser() {
            return KEY_HOLDER.getName();
        }
    }

    private boolean known(byte[] presented) {
        boolean match = false;
        for (byte[] key : keys) {
            match |= MessageDigest.isEqual(key, presented);
        }
        return match;
    }
}
