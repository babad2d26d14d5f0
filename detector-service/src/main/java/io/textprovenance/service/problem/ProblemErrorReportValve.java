package io.textprovenance.service.problem;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's error report for what never reaches the application (a request Tomcat itself refuses, such as a
 * path holding {@code %00}): problem+json like every other error, instead of Tomcat's HTML page.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get() || !response.setErrorReported()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String title = known != null ? known.getReasonPhrase() : "Error";
        String detail = status == 400 ? "the request is malformed (its path or headers are refused by the server)"
                : "the request could not be served";
        try {
            response.resetBuffer();
            ProblemResponses.write(response, known != null ? known : HttpStatus.INTERNAL_SERVER_ERROR,
                    title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'), title, detail);
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // the connection is gone: nothing left to report to
        }
    }
}
