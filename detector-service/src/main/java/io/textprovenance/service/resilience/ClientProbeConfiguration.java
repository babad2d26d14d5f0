package io.textprovenance.service.resilience;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.ServletException;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Gives every HTTP/1.1 request on Tomcat a {@link TomcatClientProbe} (a valve puts it in the request attribute
 * {@link ClientConnection#ATTRIBUTE}), and counts the requests whose client was found gone:
 * {@code detector.rest.client.gone}.
 */
@Configuration(proxyBeanMethods = false)
class ClientProbeConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> clientProbeValve(MeterRegistry meters) {
        Counter gone = Counter.builder("detector.rest.client.gone")
                .description("REST requests whose scoring was cancelled because the client closed its connection")
                .register(meters);
        return factory -> factory.addContextValves(new ClientProbeValve(gone));
    }

    private static final class ClientProbeValve extends ValveBase {

        private static final Logger log = LoggerFactory.getLogger(ClientProbeConfiguration.class);

        private final Counter gone;

        ClientProbeValve(Counter gone) {
            super(true);
            this.gone = gone;
        }

        @Override
        public void invoke(Request request, Response response) throws IOException, ServletException {
            TomcatClientProbe probe = TomcatClientProbe.of(request);
            if (probe == null) {
                getNext().invoke(request, response);
                return;
            }
            long start = System.nanoTime();
            request.setAttribute(ClientConnection.ATTRIBUTE, probe);
            try {
                getNext().invoke(request, response);
            } finally {
                probe.close();
                if (probe.foundGone()) {
                    gone.increment();
                    log.info("{} {}: the client closed its connection; its scoring was cancelled ({} ms after the"
                            + " request began)", request.getMethod(), request.getRequestURI(),
                            (System.nanoTime() - start) / 1_000_000);
                }
            }
        }
    }
}
