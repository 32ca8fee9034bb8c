package io.zrt.client;

import java.util.OptionalLong;

/**
 * A service (the Node or Transistor) refused a request with an HTTP error status and a problem+json
 * {@code code} (docs/api.md), e.g. 409 {@code stale_epoch} or 404 {@code unknown_group}.
 */
public final class NodeRejectedException extends ZrtException {

    private final int status;
    private final String code;
    private final Long currentEpoch;

    public NodeRejectedException(int status, String code, String detail, Long currentEpoch) {
        super(status + " " + code + (detail == null || detail.isBlank() ? "" : ": " + detail));
        this.status = status;
        this.code = code == null ? "" : code;
        this.currentEpoch = currentEpoch;
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The stable machine-readable code of the problem document (empty if the answer had none). */
    public String code() {
        return code;
    }

    /** For 409 answers about a group's position: the group's epoch as the Node reported it. */
    public OptionalLong currentEpoch() {
        return currentEpoch == null ? OptionalLong.empty() : OptionalLong.of(currentEpoch);
    }

    /** True for 409 {@code stale_epoch} / {@code future_epoch}: the local session is behind or ahead. */
    public boolean isEpochConflict() {
        return status == 409 && (code.equals("stale_epoch") || code.equals("future_epoch"));
    }
}
