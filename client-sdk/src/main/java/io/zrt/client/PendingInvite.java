package io.zrt.client;

import java.util.Objects;

/**
 * An invite this owner made whose invitee has not joined yet. The leaf's secret is kept in the session storage
 * until the invitee's join lands (or the leaf is removed), so the invite can always be completed again with
 * {@link GroupSession#invitation(String)} or {@link GroupSession#ticket(String)} — never a second leaf, never a
 * lost secret.
 *
 * @param id            stable id of this invite (lowercase hex)
 * @param inviteeUserId the invitee's user id for an identified invite, empty for an unidentified one
 * @param leaf          heap index of the invitee's leaf now (an add that extends it moves it one level down)
 * @param epoch         the epoch of the add frame (what the invite is for)
 */
public record PendingInvite(String id, Kind kind, String inviteeUserId, long leaf, long epoch, Status status) {

    public enum Kind { IDENTIFIED, UNIDENTIFIED }

    public enum Status {
        /** The add frame is pending: its outcome is not known yet. */
        ADD_PENDING,
        /** The add frame landed; the invite can be issued (an unidentified one is not on Transistor yet). */
        READY,
        /** Unidentified: the sealed invite is stored on Transistor; the ticket can be handed out. */
        UPLOADED
    }

    public PendingInvite {
        Objects.requireNonNull(id);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(status);
        inviteeUserId = inviteeUserId == null ? "" : inviteeUserId;
    }
}
