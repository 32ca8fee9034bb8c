package io.zrt.node.web;

import io.zrt.node.challenges.ChallengeService;
import io.zrt.node.challenges.ReadProof;
import io.zrt.node.frames.FrameIngest;
import io.zrt.node.frames.FrameReader;
import io.zrt.node.groups.GroupState;
import io.zrt.node.groups.GroupStates;
import io.zrt.node.ratelimit.RateLimiter;
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
public class GroupController {

    static final String PROTOBUF = "application/x-protobuf";

    private final FrameIngest ingest;
    private final FrameReader reader;
    private final ChallengeService challenges;
    private final GroupStates groups;
    private final NodeProperties properties;
    private final RateLimiter rateLimiter;

    public GroupController(FrameIngest ingest, FrameReader reader, ChallengeService challenges, GroupStates groups,
            NodeProperties properties, RateLimiter rateLimiter) {
        this.rateLimiter = rateLimiter;
        this.ingest = ingest;
        this.reader = reader;
        this.challenges = challenges;
        this.groups = groups;
        this.properties = properties;
    }

    @PostMapping(path = "/frames", consumes = PROTOBUF, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<ApiModels.Accepted> submit(@PathVariable("id") String id, HttpServletRequest request)
            throws FrameRejectedException, IOException {
        GroupId group = GroupId.parse(id);
        // Counted before the body is read or parsed, so that a flood costs the Node as little as possible.
        rateLimiter.acquire(RateLimiter.Scope.CLIENT_ADDRESS, request.getRemoteAddr());
        rateLimiter.acquire(RateLimiter.Scope.GROUP_FRAMES, group.text());
        byte[] body = readLimited(request);
        FrameIngest.Accepted accepted = ingest.submit(group, body);
        return ResponseEntity.status(HttpStatus.CREATED).body(new ApiModels.Accepted(accepted.seq(), accepted.epoch()));
    }

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

    @GetMapping(path = "/challenge", produces = MediaType.APPLICATION_JSON_VALUE)
    public ApiModels.Challenge challenge(@PathVariable("id") String id, HttpServletRequest request)
            throws FrameRejectedException {
        GroupId group = GroupId.parse(id);
        rateLimiter.acquire(RateLimiter.Scope.CLIENT_ADDRESS, request.getRemoteAddr());
        rateLimiter.acquire(RateLimiter.Scope.GROUP_CHALLENGES, group.text());
        ChallengeService.Challenge issued = challenges.issue(group);
        return new ApiModels.Challenge(ProofParameters.base64url(issued.value()), issued.expiresAt().toString());
    }

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
