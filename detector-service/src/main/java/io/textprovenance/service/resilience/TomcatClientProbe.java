package io.textprovenance.service.resilience;

import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.coyote.ActionCode;
import org.apache.coyote.http11.Http11NioProtocol;

/**
 * Whether the client of one HTTP/1.1 request on Tomcat's NIO connector has closed its connection. Tomcat
 * does not watch a connection while its request is being processed (no read interest is registered, so a FIN
 * goes unnoticed until the response is written), so the probe reads, on the request's own thread once its body
 * has been read: {@link ActionCode#AVAILABLE} with {@code true} makes the input buffer try one non-blocking
 * socket read when nothing is buffered; at the end of the stream (FIN) or on a reset Tomcat catches the
 * {@code IOException} and reports one byte available without buffering any. Asking again without reading
 * ({@code false}) tells the two apart: bytes the client pipelined behind its request stay buffered (still
 * there), an end of stream leaves nothing (gone). Nothing is written, so the response stays uncommitted.
 */
final class TomcatClientProbe implements ClientConnection {

    private final org.apache.coyote.Request request;
    private final Thread owner = Thread.currentThread();
    private volatile boolean open = true;
    private volatile boolean gone;

    private TomcatClientProbe(org.apache.coyote.Request request) {
        this.request = request;
    }

    /** A probe for {@code request} on its own thread, or null where it cannot tell (not HTTP/1.x over NIO). */
    static TomcatClientProbe of(Request request) {
        boolean http1OverNio = request.getConnector().getProtocolHandler() instanceof Http11NioProtocol
                && request.getProtocol() != null && request.getProtocol().startsWith("HTTP/1.");
        return http1OverNio ? new TomcatClientProbe(request.getCoyoteRequest()) : null;
    }

    @Override
    public boolean isGone() {
        if (gone) {
            return true;
        }
        if (!open || Thread.currentThread() != owner) {
            return false;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        request.action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            gone = true;
            return true;
        }
        request.action(ActionCode.AVAILABLE, Boolean.TRUE);
        if (request.getAvailable() > 0) {
            request.action(ActionCode.AVAILABLE, Boolean.FALSE);
            gone = request.getAvailable() <= 0;
        }
        return gone;
    }

    /** The request is over: the probe answers false from now on (its Tomcat request is recycled). */
    void close() {
        open = false;
    }

    /** Whether the probe ever found the client gone. */
    boolean foundGone() {
        return gone;
    }
}
