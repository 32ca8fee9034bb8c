package io.zrt.transistor.transfers;

import java.util.UUID;

/**
 * The JSON:API document of one transfer:
 * {@code {"data":{"id":"<uuid>","type":"transfers","attributes":{"data":"<string>"}}}}.
 */
public record TransferDocument(Resource data) {

    public static final String TYPE = "transfers";

    public record Resource(String id, String type, Attributes attributes) {
    }

    public record Attributes(String data) {
    }

    public static TransferDocument of(UUID id, String data) {
        return new TransferDocument(new Resource(id.toString(), TYPE, new Attributes(data)));
    }
}
