package io.zrt.transistor.blobs;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zrt.transistor.TransistorMetrics;
import io.zrt.transistor.TransistorMetrics.Kind;
import io.zrt.transistor.TransistorProperties;
import io.zrt.transistor.web.ApiException;
import io.zrt.transistor.web.Ids;
import io.zrt.transistor.web.LimitedInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Binary read-once blobs: PUT streams one in, GET streams it out exactly once. */
@RestController
@RequestMapping("/transistor/v1/public/blobs")
@Tag(name = "blobs", description = "Read-once binary blobs")
public class BlobController {

    private final BlobStore store;
    private final TransistorProperties properties;
    private final TransistorMetrics metrics;

    public BlobController(BlobStore store, TransistorProperties properties, TransistorMetrics metrics) {
        this.store = store;
        this.properties = properties;
        this.metrics = metrics;
    }

    @Operation(summary = "Store a blob", description = "201 stored; 400 bad id; 409 id taken; 413 too large")
    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    public void put(@PathVariable("id") String id, HttpServletRequest request) {
        UUID uuid = Ids.parse(id);
        long limit = properties.maxBlobSize().toBytes();
        if (request.getContentLengthLong() > limit) {
            throw ApiException.tooLarge(limit);
        }
        try (InputStream body = new LimitedInputStream(request.getInputStream(), limit)) {
            store.put(uuid, body, properties.ttl());
        } catch (DuplicateKeyException e) {
            throw ApiException.conflict("blob " + uuid);
        } catch (IOException | UncheckedIOException e) {
            throw ApiException.badRequest("unreadable_body", "the request body could not be read");
        }
        metrics.stored(Kind.BLOBS);
    }

    @Operation(summary = "Read a blob once", description = "200 with the bytes, after which it is gone; "
            + "404 unknown, already read or expired")
    @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    public void take(@PathVariable("id") String id, HttpServletResponse response) {
        UUID uuid = Ids.parse(id);
        boolean found = store.take(uuid, size -> {
            response.setStatus(HttpStatus.OK.value());
            response.setContentType(MediaType.APPLICATION_OCTET_STREAM_VALUE);
            response.setContentLengthLong(size);
            return response.getOutputStream();
        });
        if (!found) {
            throw ApiException.notFound("blob " + uuid);
        }
        metrics.read(Kind.BLOBS);
    }
}
