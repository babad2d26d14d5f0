package io.textprovenance.service;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The detector service: REST verdicts and the Kafka documents -> verdicts pipeline. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class DetectorApplication {

    public static void main(String[] args) {
        SpringApplication.run(DetectorApplication.class, args);
    }
}
