package io.textprovenance.service.resilience;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Future;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The connection of the REST client whose request this thread serves: whether the client has closed it, so
 * that a request nobody waits for any more stops scoring. The web server puts one in a request attribute
 * ({@link TomcatClientProbe}, on Tomcat's HTTP/1.1 NIO connector); where there is none (another server or
 * protocol, a MockMvc test, a Kafka listener, a worker thread) nothing changes.
 */
public interface ClientConnection {

    /** The request attribute that holds the request's connection. */
    String ATTRIBUTE = ClientConnection.class.getName();

    /** How long a thread waiting for work waits before it asks again. */
    Duration CHECK_INTERVAL = Duration.ofMillis(250);

    /**
     * True once the client has closed its connection: nobody will read the answer. Asked on the request's own
     * thread; on any other thread the answer is false.
     */
    boolean isGone();

    /** The connection of the request bound to this thread, if the server gave it one. */
    static Optional<ClientConnection> current() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        return request != null && request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST)
                instanceof ClientConnection connection ? Optional.of(connection) : Optional.empty();
    }

    /**
     * {@code work} as this client's request thread waits for it: {@code get} waits {@link #CHECK_INTERVAL} at a
     * time and asks {@link #isGone} in between; once the client is gone it cancels {@code work} (interrupting
     * it) and throws {@link ClientGoneException}.
     */
    default <T> Future<T> watch(Future<T> work) {
        return new WatchedFuture<>(work, this);
    }
}
