package io.zrt.client.internal;

import io.zrt.client.NetworkException;
import io.zrt.client.NodeRejectedException;
import java.util.UUID;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Transistor's read-once transfers (docs/transistor.md); the SDK only ever stores ciphertext there. */
public final class TransistorApi {

    private static final MediaType JSON_API = MediaType.get("application/vnd.api+json");

    private final Http http;
    private final HttpUrl base;

    public TransistorApi(Http http, String baseUrl) {
        this.http = http;
        this.base = HttpUrl.get(baseUrl);
    }

    /**
     * Stores a transfer. True if it was stored now; false if Transistor already holds this id (409
     * {@code already_exists}: a retry after an answer that got lost; ids are random, so it is ours).
     */
    public boolean putTransfer(UUID id, String data) throws NetworkException, NodeRejectedException {
        ObjectNode document = Http.JSON.createObjectNode();
        document.putObject("data").put("id", id.toString()).put("type", "transfers")
                .putObject("attributes").put("data", data);
        Request request = new Request.Builder().url(transfers().build())
                .post(RequestBody.create(Http.JSON.writeValueAsBytes(document), JSON_API)).build();
        try {
            http.execute(request);
            return true;
        } catch (NodeRejectedException e) {
            if (e.status() == 409 && "already_exists".equals(e.code())) {
                return false;
            }
            throw e;
        }
    }

    /** Reads (and thereby deletes) a transfer. */
    public String takeTransfer(UUID id) throws NetworkException, NodeRejectedException {
        Request request = new Request.Builder().url(transfers().addPathSegment(id.toString()).build())
                .header("Accept", "application/vnd.api+json").get().build();
        JsonNode document = Http.json(http.execute(request).body(), "transfer");
        JsonNode data = document.path("data");
        if (!id.toString().equalsIgnoreCase(Http.text(data, "id")) || !"transfers".equals(Http.text(data, "type"))) {
            throw new NetworkException("transfer: answer is not the requested transfer");
        }
        JsonNode value = data.path("attributes").get("data");
        if (value == null || !value.isString()) {
            throw new NetworkException("transfer: answer lacks data");
        }
        return value.stringValue();
    }

    private HttpUrl.Builder transfers() {
        return base.newBuilder().addPathSegments("transistor/v1/public/transfers");
    }
}
