package io.zrt.transistor;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Transistor: read-once hand-over of small JSON transfers and binary blobs, stored in PostgreSQL. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TransistorApplication {

    public static void main(String[] args) {
        SpringApplication.run(TransistorApplication.class, args);
    }
}
