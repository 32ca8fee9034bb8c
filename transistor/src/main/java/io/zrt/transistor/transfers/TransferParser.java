package io.zrt.transistor.transfers;

import io.zrt.transistor.web.ApiException;
import io.zrt.transistor.web.Ids;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Strict reading of an incoming transfer document. Members other than the ones required are ignored (JSON:API
 * allows {@code meta}, {@code links}); everything required must be present with the right JSON type.
 */
final class TransferParser {

    /** A parsed, valid transfer. */
    record Transfer(UUID id, String data) {
    }

    private final ObjectMapper mapper;

    TransferParser(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    Transfer parse(byte[] body) {
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (JacksonException e) {
            throw ApiException.badRequest("malformed_json", "the request body is not valid JSON");
        }
        if (root == null || root.isMissingNode()) {
            throw ApiException.badRequest("malformed_json", "the request body is empty");
        }
        if (!root.isObject()) {
            throw invalid("the document must be a JSON object");
        }
        JsonNode resource = root.get("data");
        if (resource == null || !resource.isObject()) {
            throw invalid("'data' must be an object");
        }
        JsonNode type = resource.get("type");
        if (type == null || !type.isString() || !TransferDocument.TYPE.equals(type.stringValue())) {
            throw ApiException.badRequest("invalid_type", "'data.type' must be \"transfers\"");
        }
        JsonNode id = resource.get("id");
        if (id == null || !id.isString()) {
            throw invalid("'data.id' must be a string");
        }
        JsonNode attributes = resource.get("attributes");
        if (attributes == null || !attributes.isObject()) {
            throw invalid("'data.attributes' must be an object");
        }
        JsonNode data = attributes.get("data");
        if (data == null || !data.isString()) {
            throw invalid("'data.attributes.data' must be a string");
        }
        return new Transfer(Ids.parse(id.stringValue()), storable(data.stringValue()));
    }

    /**
     * PostgreSQL {@code text} cannot hold U+0000 (the insert would fail) and the driver would turn an unpaired
     * surrogate into '?' on the way to UTF-8, so the reader would get other data than was stored. Both are
     * refused here, so what is stored is exactly what is handed out.
     */
    private static String storable(String data) {
        for (int i = 0; i < data.length(); i++) {
            char c = data.charAt(i);
            if (c == 0) {
                throw invalidData("'data.attributes.data' contains U+0000 at UTF-16 index " + i);
            }
            if (Character.isHighSurrogate(c) && i + 1 < data.length() && Character.isLowSurrogate(data.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw invalidData("'data.attributes.data' contains an unpaired surrogate at UTF-16 index " + i);
            }
        }
        return data;
    }

    private static ApiException invalidData(String detail) {
        return ApiException.badRequest("invalid_data", detail);
    }

    private static ApiException invalid(String detail) {
        return ApiException.badRequest("invalid_document", detail);
    }
}
