package io.textprovenance.service.problem;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.textprovenance.scoring.ScorerOverloadedException;
import io.textprovenance.scoring.ScoringException;
import io.textprovenance.service.resilience.ClientGoneException;
import io.textprovenance.service.resilience.ScorerTimeoutException;
import io.textprovenance.service.verdict.DocumentRejectedException;
import io.textprovenance.service.verdict.VerdictRequests;
import java.net.URI;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;

/**
 * Every error as RFC 9457 problem+json, with a type, a title and a detail a caller can act on; never a
 * stack trace or an internal class name. Server-side failures are logged here, once.
 */
@RestControllerAdvice
class ProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);
    /** Retry-After while the circuit is open or scoring timed out: the circuit's default open duration. */
    private static final String RETRY_AFTER_SECONDS = "30";
    /** Retry-After when the scorer is at capacity or the rate limit is reached: a slot or permit frees within it. */
    private static final String RETRY_AFTER_AT_CAPACITY_SECONDS = "1";

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException e) {
        String detail = e.getBindingResult().getFieldErrors().stream()
                .map(error -> error.getField() + ": " + error.getDefaultMessage()).sorted()
                .collect(Collectors.joining("; "));
        return problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail, null);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        String shape = "the body is not valid JSON of the expected shape ({\"id\": string, \"text\": string,"
                + " \"explain\": boolean})";
        String field = e.getCause() instanceof JacksonException jackson && !jackson.getPath().isEmpty()
                ? ": " + VerdictRequests.describe(jackson) : "";
        return problem(HttpStatus.BAD_REQUEST, "invalid-json", "Malformed request body", shape + field, null);
    }

    /** Bad input, as validation classified it; any other exception (an IllegalArgumentException too) is ours: 500. */
    @ExceptionHandler(DocumentRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(DocumentRejectedException e) {
        return switch (e.reason()) {
            case INVALID -> problem(HttpStatus.BAD_REQUEST, "invalid-document", "Invalid document", e.getMessage(),
                    null);
            case TOO_LARGE -> problem(HttpStatus.CONTENT_TOO_LARGE, "document-too-large", "Document too large",
                    e.getMessage(), null);
        };
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type",
                "send Content-Type: application/json", null);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
        ResponseEntity<ProblemDetail> problem = problem(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed",
                "Method not allowed", "method " + e.getMethod() + " is not supported here; allowed: "
                        + String.join(", ", e.getSupportedMethods() == null ? new String[0] : e.getSupportedMethods()),
                null);
        return e.getSupportedHttpMethods() == null ? problem
                : ResponseEntity.status(problem.getStatusCode()).headers(problem.getHeaders())
                        .allow(e.getSupportedHttpMethods().toArray(HttpMethod[]::new)).body(problem.getBody());
    }

    /** Always answered as problem+json, whatever the Accept header asked for: the point is that it cannot be met. */
    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return problem(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "Not acceptable",
                "responses are application/json (errors application/problem+json); send Accept: application/json", null);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NoResourceFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", "no such endpoint", null);
    }

    @ExceptionHandler(RequestNotPermitted.class)
    ResponseEntity<ProblemDetail> rateLimited(RequestNotPermitted e) {
        return problem(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
                "the REST rate limit is reached; retry in a second", RETRY_AFTER_AT_CAPACITY_SECONDS);
    }

    @ExceptionHandler({CallNotPermittedException.class, ScorerOverloadedException.class, BulkheadFullException.class,
            ScorerTimeoutException.class})
    ResponseEntity<ProblemDetail> unavailable(RuntimeException e) {
        if (e instanceof CallNotPermittedException) {
            return scorerUnavailable("the scorer's circuit breaker is open after repeated failures; retry later",
                    RETRY_AFTER_SECONDS);
        }
        if (e instanceof ScorerTimeoutException) {
            return scorerUnavailable("scoring timed out; retry later", RETRY_AFTER_SECONDS);
        }
        return scorerUnavailable("the scorer is at capacity; retry in a second", RETRY_AFTER_AT_CAPACITY_SECONDS);
    }

    private static ResponseEntity<ProblemDetail> scorerUnavailable(String detail, String retryAfter) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "scorer-unavailable", "Scorer unavailable", detail, retryAfter);
    }

    /** Nobody reads this answer (the client closed its connection): 499, as nginx logs it, for http.server.requests. */
    @ExceptionHandler(ClientGoneException.class)
    ResponseEntity<ProblemDetail> clientGone(ClientGoneException e) {
        return problem(HttpStatusCode.valueOf(499), "client-closed-request", "Client closed request",
                "the client closed its connection before the verdict was ready; its scoring was cancelled", null);
    }

    @ExceptionHandler({ScoringException.class, RuntimeException.class})
    ResponseEntity<ProblemDetail> internal(RuntimeException e) {
        log.error("request failed", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "the request failed on the server; it has been logged", null);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatusCode status, String type, String title, String detail,
                                                         String retryAfter) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://textprovenance.io/problems/" + type));
        problem.setTitle(title);
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status);
        if (retryAfter != null) {
            response.header(HttpHeaders.RETRY_AFTER, retryAfter);
        }
        return response.contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
