package io.textprovenance.service.problem;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The container's error page ({@code /error}): what Tomcat refuses itself (TRACE, with its Allow header) or a
 * {@code sendError} outside Spring MVC's exception handling, answered as problem+json like every other error,
 * whatever the Accept header says. Replaces Spring Boot's BasicErrorController. Not an endpoint: hidden from the
 * OpenAPI document, and a direct request for it (not the container's error dispatch) is answered 404.
 */
@Hidden
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = request.getDispatcherType() != DispatcherType.ERROR ? HttpStatus.NOT_FOUND
                : code instanceof Integer value && HttpStatus.resolve(value) != null ? HttpStatus.valueOf(value)
                : HttpStatus.INTERNAL_SERVER_ERROR;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail(status));
        problem.setType(URI.create(ProblemResponses.TYPE_BASE + status.getReasonPhrase().toLowerCase(java.util.Locale.ROOT)
                .replace(' ', '-')));
        problem.setTitle(status.getReasonPhrase());
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static String detail(HttpStatus status) {
        return switch (status) {
            case METHOD_NOT_ALLOWED -> "this method is not allowed here; see the Allow header";
            case NOT_FOUND -> "no such endpoint";
            case BAD_REQUEST -> "the request is malformed";
            default -> status.is5xxServerError() ? "the request failed on the server" : "the request cannot be served";
        };
    }
}
