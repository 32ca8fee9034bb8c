package io.zrt.transistor;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class TransistorApplication {
    public static void main(String[] args) {
        SpringApplication.run(TransistorApplication.class, args);
    }
}
