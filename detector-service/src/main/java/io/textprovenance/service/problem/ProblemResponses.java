package io.textprovenance.service.problem;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a problem+json body (UTF-8) straight to a servlet response, for the filters that answer before Spring
 * MVC runs (path firewall, API keys). Same shape as {@link ProblemAdvice}'s: type, title, status, detail.
 */
public final class ProblemResponses {

    /** The base of every problem type URI. */
    public static final String TYPE_BASE = "https://textprovenance.io/problems/";

    private static final MediaType PROBLEM_UTF8 = new MediaType(MediaType.APPLICATION_PROBLEM_JSON, StandardCharsets.UTF_8);

    private ProblemResponses() {
    }

    public static void write(HttpServletResponse response, HttpStatus status, String type, String title, String detail)
            throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", TYPE_BASE + type);
        problem.put("title", title);
        problem.put("status", status.value());
        problem.put("detail", detail);
        byte[] body = JsonMapper.shared().writeValueAsBytes(problem);
        response.setStatus(status.value());
        response.setContentType(PROBLEM_UTF8.toString());
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
