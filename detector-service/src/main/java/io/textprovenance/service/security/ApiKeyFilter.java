package io.textprovenance.service.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/** Requires a known API key on /v1/**; answers 401 problem+json otherwise. Keys compare in constant time. */
class ApiKeyFilter extends OncePerRequestFilter {

    private final List<byte[]> keys;
    private final String header;

    ApiKeyFilter(SecurityProperties properties) {
        this.keys = properties.apiKeys().stream().map(key -> key.getBytes(StandardCharsets.UTF_8)).toList();
        this.header = properties.header();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/v1/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = request.getHeader(header);
        if (presented != null && known(presented.getBytes(StandardCharsets.UTF_8))) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write("{\"type\":\"https://textprovenance.io/problems/unauthorized\",\"title\":\"Unauthorized\","
                + "\"status\":401,\"detail\":\"send a valid API key in the " + header + " header\"}");
    }

    private boolean known(byte[] presented) {
        boolean match = false;
        for (byte[] key : keys) {
            match |= MessageDigest.isEqual(key, presented);
        }
        return match;
    }
}
