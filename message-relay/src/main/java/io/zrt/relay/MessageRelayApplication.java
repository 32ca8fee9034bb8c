package io.zrt.relay;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class MessageRelayApplication {
    public static void main(String[] args) {
        SpringApplication.run(MessageRelayApplication.class, args);
    }
}
