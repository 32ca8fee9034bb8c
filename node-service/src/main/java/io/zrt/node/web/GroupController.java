package io.zrt.node.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zrt.node.challenges.ChallengeService;
import io.zrt.node.challenges.ReadProof;
import io.zrt.node.frames.FrameIngest;
import io.zrt.node.frames.FrameReader;
import io.zrt.node.groups.GroupState;
import io.zrt.node.groups.GroupStates;
import io.zrt.protocol.EpochTree;
import io.zrt.protocol.SPFrames;
import io.zrt.protocol.rules.FrameRejectedException;
import io.zrt.protocol.rules.GroupId;
import io.zrt.protocol.rules.ReadAuthorization;
import io.zrt.protocol.rules.Rejection;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The group endpoints of the Node's REST API (documented in docs/api.md). */
@RestController
@RequestMapping("/v1/group/{id}")
@Tag(name = "groups", description = "Frames, read challenges, public trees and the status of one group")
public class GroupController {

    static final String PROTOBUF = "application/x-protobuf";
    static final String PROBLEM = "application/problem+json";
    static final String GROUP_ID = "canonical lowercase UUID of the 16 group-id bytes";

    private final FrameIngest ingest;
    private final FrameReader reader;
    private final ChallengeService challenges;
    private final GroupStates groups;
    private final NodeProperties properties;

    public GroupController(FrameIngest ingest, FrameReader reader, ChallengeService challenges, GroupStates groups,
            NodeProperties properties) {
        this.ingest = ingest;
        this.reader = reader;
        this.challenges = challenges;
        this.groups = groups;
        this.properties = properties;
    }

    @Operation(summary = "Submit a frame",
            description = "Checked in this order: size (before the body is read), the client address's budget, "
                    + "strict decoding, path id = tbs.group_id, the group exists and is not dropped, nonce never "
                    + "used, the epoch rule, the signature or eligibility proof, the tree change and its branch "
                    + "proof, then the group's budget of proven frames. Stored with the next sequence number; "
                    + "docs/api.md lists every code.",
            parameters = @Parameter(name = "id", in = ParameterIn.PATH, description = GROUP_ID),
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    description = "a serialized zrt.v1.Frame (tbs: a FrameTBS; proof: an ArtProof for a group "
                            + "operation, else a 64-byte Schnorr signature), at most zrt.node.max-frame-size (1 MiB)",
                    content = @Content(mediaType = PROTOBUF, schema = @Schema(type = "string", format = "binary"))),
            responses = {
                @ApiResponse(responseCode = "201", description = "stored: its sequence number and epoch"),
                @ApiResponse(responseCode = "400", description = "malformed frame, invalid field or tree change",
                        content = @Content(mediaType = PROBLEM)),
                @ApiResponse(responseCode = "401", description = "invalid_proof or invalid_branch_proof",
                        content = @Content(mediaType = PROBLEM)),
                @ApiResponse(responseCode = "403", description = "not_eligible", content = @Content(mediaType = PROBLEM)),
                @ApiResponse(responseCode = "404", description = "unknown_group", content = @Content(mediaType = PROBLEM)),
                @ApiResponse(responseCode = "409", description = "stale or future epoch, replayed nonce (the body "
                        + "carries currentEpoch and lastSeq), group exists (it does not)", content = @Content(mediaType = PROBLEM)),
                @ApiResponse(responseCode = "410", description = "group_dropped", content = @Content(mediaType = PROBLEM)),
                @ApiResponse(responseCode = "413", description = "frame_too_large", content = @Content(mediaType = PROBLEM)),
                @ApiResponse(responseCode = "429", description = "rate_limited: the group's proven frames or the client "
                        + "address's budget", content = @Content(mediaType = PROBLEM),
                        headers = @Header(name = "Retry-After", description = "seconds until the window ends")),
                @ApiResponse(responseCode = "503", description = "busy: nothing stored, retry",
                        content = @Content(mediaType = PROBLEM))})
    @PostMapping(path = "/frames", consumes = PROTOBUF, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<ApiModels.Accepted> submit(@PathVariable("id") String id, HttpServletRequest request)
            throws FrameRejectedException, IOException {
        GroupId group = GroupId.parse(id);
        // The body cap and the client address's budget were checked before the body was read (RequestGuardFilter);
        // the group's budget is charged once the frame's proofs verified (FrameIngest).
        byte[] body = readLimited(request);
        FrameIngest.Accepted accepted = ingest.submit(group, body);
        return ResponseEntity.status(HttpStatus.CREATED).body(new ApiModels.Accepted(accepted.seq(), accepted.epoch()));
    }

    @Operation(summary = "Read frames",
            description = "Frames with seq >= fromSeq and epoch >= the proof's epoch, in seq order, at most limit "
                    + "(1 to 1000). Needs a read proof over a fresh challenge, signed with the tree key of that epoch.",
            parameters = {
                @Parameter(name = "id", in = ParameterIn.PATH, description = GROUP_ID),
                @Parameter(name = ProofParameters.EPOCH, in = ParameterIn.HEADER, description = "decimal epoch whose key signs"),
                @Parameter(name = ProofParameters.CHALLENGE, in = ParameterIn.HEADER,
                        description = "the 16-byte challenge, base64url without padding"),
                @Parameter(name = ProofParameters.SIGNATURE, in = ParameterIn.HEADER,
                        description = "64-byte Schnorr signature over the read-frames digest, base64url without padding")},
            responses = {
                @ApiResponse(responseCode = "200", description = "a serialized zrt.v1.SPFrames {frames, next_seq, has_more}",
                        content = @Content(mediaType = PROTOBUF, schema = @Schema(type = "string", format = "binary")),
                        headers = {@Header(name = "ZRT-Next-Seq", description = "the cursor for the next page"),
                            @Header(name = "ZRT-Has-More", description = "whether more frames follow")}),
                @ApiResponse(responseCode = "400", description = "invalid_field, bad_request", content = @Content(mediaType = PROBLEM)),
                @ApiResponse(responseCode = "401", description = "invalid_challenge, then invalid_proof (also for an "
                        + "epoch the group does not have)", content = @Content(mediaType = PROBLEM)),
                @ApiResponse(responseCode = "404", description = "unknown_group", content = @Content(mediaType = PROBLEM)),
                @ApiResponse(responseCode = "429", description = "rate_limited: the group's proven reads or the client "
                        + "address's budget", content = @Content(mediaType = PROBLEM),
                        headers = @Header(name = "Retry-After", description = "seconds until the window ends"))})
    @GetMapping(path = "/frames", produces = PROTOBUF)
    public ResponseEntity<byte[]> frames(@PathVariable("id") String id,
            @RequestParam(name = "fromSeq", defaultValue = "0") long fromSeq,
            @RequestParam(name = "limit", defaultValue = "100") int limit,
            @RequestHeader(name = ProofParameters.EPOCH, required = false) String epoch,
            @RequestHeader(name = ProofParameters.CHALLENGE, required = false) String challenge,
            @RequestHeader(name = ProofParameters.SIGNATURE, required = false) String signature)
            throws FrameRejectedException {
        GroupId group = GroupId.parse(id);
        ReadProof proof = ProofParameters.parse(epoch, challenge, signature, null);
        SPFrames page = reader.page(group, fromSeq, limit, proof);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(PROTOBUF))
                .header("ZRT-Next-Seq", Long.toString(page.getNextSeq()))
                .header("ZRT-Has-More", Boolean.toString(page.getHasMore()))
                .body(page.toByteArray());
    }

    @Operation(summary = "Get a read challenge",
            description = "16 random bytes, single use, valid on every instance for zrt.node.challenge-lifetime (60 s). "
                    + "Unauthenticated: counted against the client address, not the group.",
            parameters = @Parameter(name = "id", in = ParameterIn.PATH, description = GROUP_ID),
            responses = {
                @ApiResponse(responseCode = "200", description = "the challenge (base64url) and its expiry (ISO-8601 UTC)"),
                @ApiResponse(responseCode = "404", description = "unknown_group", content = @Content(mediaType = PROBLEM)),
                @ApiResponse(responseCode = "429", description = "rate_limited", content = @Content(mediaType = PROBLEM),
                        headers = @Header(name = "Retry-After", description = "seconds until the window ends"))})
    @GetMapping(path = "/challenge", produces = MediaType.APPLICATION_JSON_VALUE)
    public ApiModels.Challenge challenge(@PathVariable("id") String id, HttpServletRequest request)
            throws FrameRejectedException {
        GroupId group = GroupId.parse(id);
        // Unauthenticated: counted against the client address (RequestGuardFilter), never against the group.
        ChallengeService.Challenge issued = challenges.issue(group);
        return new ApiModels.Challenge(ProofParameters.base64url(issued.value()), issued.expiresAt().toString());
    }

    @Operation(summary = "Read the public tree of an epoch",
            description = "Needs a read proof at that epoch, signed with the tree key (ZRT-Prover-Node 1) or with a "
                    + "leaf key (ZRT-Prover-Node: the leaf's heap index), e.g. by an invitee joining at that epoch.",
            parameters = {
                @Parameter(name = "id", in = ParameterIn.PATH, description = GROUP_ID),
                @Parameter(name = ProofParameters.PROVER_NODE, in = ParameterIn.HEADER,
                        description = "heap index of the signing node; 1 (default) is the tree key"),
                @Parameter(name = ProofParameters.CHALLENGE, in = ParameterIn.HEADER,
                        description = "the 16-byte challenge, base64url without padding"),
                @Parameter(name = ProofParameters.SIGNATURE, in = ParameterIn.HEADER,
                        description = "64-byte Schnorr signature over the read-tree digest, base64url without padding")},
            responses = {
                @ApiResponse(responseCode = "200", description = "a serialized zrt.v1.EpochTree {group_id, epoch, "
                        + "public_tree}; public_tree is the ART canonical tree encoding (docs/art.md)",
                        content = @Content(mediaType = PROTOBUF, schema = @Schema(type = "string", format = "binary"))),
                @ApiResponse(responseCode = "400", description = "invalid_field", content = @Content(mediaType = PROBLEM)),
                @ApiResponse(responseCode = "401", description = "invalid_challenge, then invalid_proof (also for an "
                        + "epoch the group does not have or a prover node that may not sign)",
                        content = @Content(mediaType = PROBLEM)),
                @ApiResponse(responseCode = "404", description = "unknown_group", content = @Content(mediaType = PROBLEM)),
                @ApiResponse(responseCode = "429", description = "rate_limited", content = @Content(mediaType = PROBLEM),
                        headers = @Header(name = "Retry-After", description = "seconds until the window ends"))})
    @GetMapping(path = "/tree/{epoch}", produces = PROTOBUF)
    public ResponseEntity<byte[]> tree(@PathVariable("id") String id, @PathVariable("epoch") long epoch,
            @RequestHeader(name = ProofParameters.EPOCH, required = false) String proofEpoch,
            @RequestHeader(name = ProofParameters.CHALLENGE, required = false) String challenge,
            @RequestHeader(name = ProofParameters.SIGNATURE, required = false) String signature,
            @RequestHeader(name = ProofParameters.PROVER_NODE, required = false) String proverNode)
            throws FrameRejectedException {
        GroupId group = GroupId.parse(id);
        // The proof is made at the epoch of the requested tree; a separate header would only add a way to differ.
        ReadProof proof = ProofParameters.parse(proofEpoch == null ? Long.toString(epoch) : proofEpoch, challenge,
                signature, proverNode);
        if (proof.epoch() != epoch) {
            throw new FrameRejectedException(Rejection.INVALID_FIELD, "the proof must be made at the requested epoch");
        }
        if (groups.load(group).isEmpty()) {
            throw new FrameRejectedException(Rejection.UNKNOWN_GROUP, "no such group");
        }
        challenges.authorize(group, proof, c -> ReadAuthorization.treeDigest(group, c, epoch, proof.proverNode()), true);
        byte[] tree = groups.encodedTreeAt(group, epoch).orElseThrow(
                () -> new FrameRejectedException(Rejection.UNKNOWN_EPOCH, "the group has no epoch " + epoch));
        EpochTree body = EpochTree.newBuilder().setGroupId(com.google.protobuf.ByteString.copyFrom(group.toBytes()))
                .setEpoch(epoch).setPublicTree(com.google.protobuf.ByteString.copyFrom(tree))
                .build();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(PROTOBUF)).body(body.toByteArray());
    }

    @Operation(summary = "Read a group's status",
            description = "Without a proof: the group id and its state (ACTIVE or DROPPED). With a read proof over "
                    + "the status digest: also its epoch and last sequence number.",
            parameters = @Parameter(name = "id", in = ParameterIn.PATH, description = GROUP_ID),
            responses = {
                @ApiResponse(responseCode = "200", description = "the status"),
                @ApiResponse(responseCode = "401", description = "invalid_proof, invalid_challenge",
                        content = @Content(mediaType = PROBLEM)),
                @ApiResponse(responseCode = "404", description = "unknown_group", content = @Content(mediaType = PROBLEM))})
    @GetMapping(path = "/status", produces = MediaType.APPLICATION_JSON_VALUE)
    public ApiModels.Status status(@PathVariable("id") String id,
            @RequestHeader(name = ProofParameters.EPOCH, required = false) String epoch,
            @RequestHeader(name = ProofParameters.CHALLENGE, required = false) String challenge,
            @RequestHeader(name = ProofParameters.SIGNATURE, required = false) String signature)
            throws FrameRejectedException {
        GroupId group = GroupId.parse(id);
        GroupState state = groups.load(group)
                .orElseThrow(() -> new FrameRejectedException(Rejection.UNKNOWN_GROUP, "no such group"));
        String status = state.snapshot().status();
        if (!ProofParameters.present(epoch, challenge, signature)) {
            return new ApiModels.Status(group.text(), status, null, null);
        }
        ReadProof proof = ProofParameters.parse(epoch, challenge, signature, null);
        challenges.authorize(group, proof, c -> ReadAuthorization.statusDigest(group, c, proof.epoch()), false);
        return new ApiModels.Status(group.text(), status, state.epoch(), state.lastSeq());
    }

    /** Reads the body up to the configured limit; a longer body is refused without being buffered whole. */
    private byte[] readLimited(HttpServletRequest request) throws FrameRejectedException, IOException {
        long max = properties.maxFrameSize().toBytes();
        long declared = request.getContentLengthLong();
        if (declared > max) {
            throw tooLarge(max);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.max(0, Math.min(declared, max)));
        byte[] buffer = new byte[8192];
        try (InputStream in = request.getInputStream()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (out.size() + (long) n > max) {
                    throw tooLarge(max);
                }
                out.write(buffer, 0, n);
            }
        }
        return out.toByteArray();
    }

    private static FrameRejectedException tooLarge(long max) {
        return new FrameRejectedException(Rejection.FRAME_TOO_LARGE, "frames are limited to " + max + " bytes");
    }
}
