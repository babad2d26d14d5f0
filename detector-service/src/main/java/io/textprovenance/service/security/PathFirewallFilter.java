package io.textprovenance.service.security;

import io.textprovenance.service.problem.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/** Answers 400 problem+json to a request whose raw path {@link RequestPathFirewall} refuses; runs first. */
class PathFirewallFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> rejection = RequestPathFirewall.rejection(request.getRequestURI());
        if (rejection.isPresent()) {
            ProblemResponses.write(response, HttpStatus.BAD_REQUEST, "invalid-path", "Invalid request path",
                    rejection.get());
            return;
        }
        chain.doFilter(request, response);
    }
}
