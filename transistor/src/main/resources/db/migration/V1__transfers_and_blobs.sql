-- Read-once items. Expiry is compared with the database clock (now()) so that every instance agrees.

CREATE TABLE transfers (
    id          uuid        PRIMARY KEY,
    data        text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL
);
CREATE INDEX transfers_expires_at_idx ON transfers (expires_at);

-- Blob content lives in a PostgreSQL large object so it can be streamed in and out in chunks;
-- the row and its large object are always created and removed in the same transaction.
CREATE TABLE blobs (
    id          uuid        PRIMARY KEY,
    content_oid oid         NOT NULL,
    size_bytes  bigint      NOT NULL CHECK (size_bytes >= 0),
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL
);
CREATE INDEX blobs_expires_at_idx ON blobs (expires_at);
