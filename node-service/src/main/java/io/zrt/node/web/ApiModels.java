package io.zrt.node.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** JSON bodies of the REST API. */
final class ApiModels {

    private ApiModels() {
    }

    /** 201 answer to a submitted frame. */
    record Accepted(long seq, long epoch) {
    }

    /** A fresh read challenge: 16 bytes base64url, and its expiry (ISO-8601 UTC). */
    record Challenge(String challenge, String expiresAt) {
    }

    /** Group status; epoch and lastSeq only with a valid read proof. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Status(String groupId, String state, Long epoch, Long lastSeq) {
    }

    /** One group of a push-token request: a read proof with the tree key of the group's current epoch. */
    record GroupProof(String groupId, Long epoch, String challenge, String signature) {
    }

    record PushTokenRequest(List<GroupProof> groups) {
    }

    record PushToken(String token, String expiresAt, List<String> channels) {
    }
}
