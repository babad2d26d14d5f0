package io.textprovenance.service.security;

import java.util.Optional;

/**
 * The one rule for what a request path may look like, applied to the raw request URI before any other filter
 * (after Spring Security's {@code StrictHttpFirewall}): no {@code ;} (matrix or session parameters, which the
 * dispatcher strips), no percent-encoding at all (the API's paths are plain ASCII: an encoded {@code v}, slash,
 * backslash, dot or percent only serves to make a path look different to a filter than to the dispatcher), no
 * backslash, no empty, {@code .} or {@code ..} segment, only printable ASCII. A path that passes decodes to
 * itself, so every later check sees the path that Spring MVC routes.
 */
final class RequestPathFirewall {

    private RequestPathFirewall() {
    }

    /** Why {@code rawPath} (the request URI without the query string) is refused; empty when it is acceptable. */
    static Optional<String> rejection(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/")) {
            return Optional.of("the request path must start with '/'");
        }
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c == ';') {
                return Optional.of("the request path must not contain ';' (matrix or session parameters)");
            }
            if (c == '%') {
                return Optional.of("the request path must not contain percent-encoded characters");
            }
            if (c == '\\') {
                return Optional.of("the request path must not contain a backslash");
            }
            if (c < 0x21 || c > 0x7e) {
                return Optional.of("the request path must hold printable ASCII characters only");
            }
        }
        for (String segment : rawPath.substring(1).split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return Optional.of("the request path must not contain '.' or '..' segments");
            }
        }
        if (rawPath.contains("//")) {
            return Optional.of("the request path must not contain an empty segment ('//')");
        }
        return Optional.empty();
    }
}
