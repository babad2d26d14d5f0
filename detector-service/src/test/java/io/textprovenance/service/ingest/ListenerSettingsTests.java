package io.textprovenance.service.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * The documents listener takes its topic, concurrency and start from IngestProperties, whose defaults are the only
 * ones (issue 14: no default repeated in a placeholder): set properties reach the container.
 */
@SpringBootTest(properties = {
        "detector.scoring.model-dir=${user.dir}/../scoring/src/test/resources/tiny/scoring-graph",
        "detector.kafka.enabled=false",
        "detector.kafka.documents=documents-elsewhere",
        "detector.kafka.concurrency=2",
        "spring.kafka.admin.auto-create=false",
        "detector.security.enabled=false"})
class ListenerSettingsTests {

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Test
    void shouldTakeTheListenersSettingsFromIngestProperties() {
        MessageListenerContainer container = listeners.getListenerContainer(DocumentListener.LISTENER_ID);

        assertThat(container).isInstanceOf(ConcurrentMessageListenerContainer.class);
        assertThat(container.isAutoStartup()).isFalse();
        assertThat(container.isRunning()).isFalse();
        assertThat(container.getContainerProperties().getTopics()).containsExactly("documents-elsewhere");
        assertThat(((ConcurrentMessageListenerContainer<?, ?>) container).getConcurrency()).isEqualTo(2);
    }
}
