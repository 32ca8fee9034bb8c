package io.zrt.transistor.web;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes at most {@code limit} bytes through and throws {@link ApiException} (413) as soon as the source
 * offers one byte more, so an oversized body is rejected without reading it all (and without needing a
 * Content-Length header).
 */
public final class LimitedInputStream extends FilterInputStream {

    private final long limit;
    private long count;

    public LimitedInputStream(InputStream source, long limit) {
        super(source);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            advance(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            advance(n);
        }
        return n;
    }

    /** Bytes passed through so far. */
    public long count() {
        return count;
    }

    private void advance(int n) {
        count += n;
        if (count > limit) {
            throw ApiException.tooLarge(limit);
        }
    }
}
