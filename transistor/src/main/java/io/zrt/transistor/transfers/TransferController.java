package io.zrt.transistor.transfers;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zrt.transistor.TransistorMetrics;
import io.zrt.transistor.TransistorMetrics.Kind;
import io.zrt.transistor.TransistorProperties;
import io.zrt.transistor.web.ApiException;
import io.zrt.transistor.web.Ids;
import io.zrt.transistor.web.LimitedInputStream;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

/** JSON:API transfers: POST stores one, GET hands it out exactly once. */
@RestController
@RequestMapping("/transistor/v1/public/transfers")
@Tag(name = "transfers", description = "Read-once JSON transfers")
public class TransferController {

    static final String JSON_API = "application/vnd.api+json";
    private static final String JSON = "application/json";
    private static final String PROBLEM = "application/problem+json";

    private final TransferStore store;
    private final TransistorProperties properties;
    private final TransistorMetrics metrics;
    private final TransferParser parser;

    public TransferController(TransferStore store, TransistorProperties properties, TransistorMetrics metrics,
            ObjectMapper mapper) {
        this.store = store;
        this.properties = properties;
        this.metrics = metrics;
        this.parser = new TransferParser(mapper);
    }

    @Operation(summary = "Store a transfer",
            description = "Stores the document under its client-chosen id until it is read once or expires "
                    + "(zrt.transistor.ttl, 24 h). The whole body is limited to zrt.transistor.max-transfer-size (1 MiB).",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    description = "{\"data\": {\"id\": \"<uuid>\", \"type\": \"transfers\", \"attributes\": "
                            + "{\"data\": \"<string>\"}}}",
                    content = {@Content(mediaType = JSON_API, schema = @Schema(implementation = TransferDocument.class)),
                        @Content(mediaType = JSON, schema = @Schema(implementation = TransferDocument.class))}),
            responses = {
                @ApiResponse(responseCode = "201", description = "stored; Location names it"),
                @ApiResponse(responseCode = "400", description = "malformed_json, invalid_document, invalid_type, invalid_id",
                        content = @Content(mediaType = PROBLEM)),
                @ApiResponse(responseCode = "409", description = "already_exists", content = @Content(mediaType = PROBLEM)),
                @ApiResponse(responseCode = "413", description = "too_large", content = @Content(mediaType = PROBLEM)),
                @ApiResponse(responseCode = "415", description = "unsupported_media_type",
                        content = @Content(mediaType = PROBLEM))})
    @PostMapping(consumes = {JSON_API, JSON}, produces = {JSON_API, JSON})
    public ResponseEntity<TransferDocument> create(HttpServletRequest request) {
        TransferParser.Transfer transfer = parser.parse(readLimited(request, properties.maxTransferSize().toBytes()));
        if (!store.insert(transfer.id(), transfer.data(), properties.ttl())) {
            throw ApiException.conflict("transfer " + transfer.id());
        }
        metrics.stored(Kind.TRANSFERS);
        return ResponseEntity.created(URI.create("/transistor/v1/public/transfers/" + transfer.id()))
                .body(TransferDocument.of(transfer.id(), transfer.data()));
    }

    @Operation(summary = "Read a transfer once",
            description = "Hands the document out and deletes it in the same statement: a second read finds nothing.",
            responses = {
                @ApiResponse(responseCode = "200", description = "the document, now gone from Transistor"),
                @ApiResponse(responseCode = "400", description = "invalid_id", content = @Content(mediaType = PROBLEM)),
                @ApiResponse(responseCode = "404", description = "not_found: unknown, already read or expired",
                        content = @Content(mediaType = PROBLEM))})
    @GetMapping(path = "/{id}", produces = {JSON_API, JSON})
    public TransferDocument take(@PathVariable("id") String id) {
        var uuid = Ids.parse(id);
        String data = store.take(uuid).orElseThrow(() -> ApiException.notFound("transfer " + uuid));
        metrics.read(Kind.TRANSFERS);
        return TransferDocument.of(uuid, data);
    }

    private static byte[] readLimited(HttpServletRequest request, long limit) {
        if (request.getContentLengthLong() > limit) {
            throw ApiException.tooLarge(limit);
        }
        try (InputStream body = new LimitedInputStream(request.getInputStream(), limit)) {
            return body.readAllBytes();
        } catch (IOException e) {
            throw ApiException.badRequest("unreadable_body", "the request body could not be read");
        }
    }
}
