package io.zrt.node.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zrt.node.challenges.ReadProof;
import io.zrt.node.push.PushTokenService;
import io.zrt.protocol.rules.FrameRejectedException;
import io.zrt.protocol.rules.GroupId;
import io.zrt.protocol.rules.Rejection;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** POST /v1/push/token: a Centrifugo connection token for every group proven in the request. */
@RestController
@Tag(name = "push", description = "Connection tokens for Centrifugo's live delivery")
public class PushController {

    private final PushTokenService tokens;

    public PushController(PushTokenService tokens) {
        this.tokens = tokens;
    }

    @Operation(summary = "Get a push token",
            description = "A Centrifugo connection JWT (HS256, the secret shared with Centrifugo) whose channels claim "
                    + "names exactly the proven groups. Each entry is a push-token proof with the tree key of the "
                    + "group's current epoch, so a removed member's old keys get no live subscription.",
            responses = {
                @ApiResponse(responseCode = "200", description = "the token, its expiry and its channels"),
                @ApiResponse(responseCode = "400", description = "invalid_field, bad_request",
                        content = @Content(mediaType = GroupController.PROBLEM)),
                @ApiResponse(responseCode = "401", description = "invalid_proof, invalid_challenge",
                        content = @Content(mediaType = GroupController.PROBLEM)),
                @ApiResponse(responseCode = "404", description = "unknown_group",
                        content = @Content(mediaType = GroupController.PROBLEM)),
                @ApiResponse(responseCode = "409", description = "stale_epoch, only for a proof that verified at an older "
                        + "epoch: the body carries the current epoch",
                        content = @Content(mediaType = GroupController.PROBLEM)),
                @ApiResponse(responseCode = "410", description = "group_dropped",
                        content = @Content(mediaType = GroupController.PROBLEM)),
                @ApiResponse(responseCode = "413", description = "body_too_large: over zrt.node.max-request-body (64 KiB)",
                        content = @Content(mediaType = GroupController.PROBLEM)),
                @ApiResponse(responseCode = "429", description = "rate_limited",
                        content = @Content(mediaType = GroupController.PROBLEM)),
                @ApiResponse(responseCode = "503", description = "push_disabled: no secret of at least 32 bytes",
                        content = @Content(mediaType = GroupController.PROBLEM))})
    @PostMapping(path = "/v1/push/token", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ApiModels.PushToken token(@RequestBody ApiModels.PushTokenRequest request) throws FrameRejectedException {
        if (request == null || request.groups() == null) {
            throw new FrameRejectedException(Rejection.INVALID_FIELD, "body must be {\"groups\": [...]}");
        }
        List<PushTokenService.GroupProof> proofs = new ArrayList<>();
        for (ApiModels.GroupProof g : request.groups()) {
            if (g == null || g.groupId() == null || g.epoch() == null || g.challenge() == null || g.signature() == null) {
                throw new FrameRejectedException(Rejection.INVALID_FIELD,
                        "each group needs groupId, epoch, challenge and signature");
            }
            if (g.epoch() < 0) {
                throw new FrameRejectedException(Rejection.INVALID_FIELD, "epoch must be non-negative");
            }
            proofs.add(new PushTokenService.GroupProof(GroupId.parse(g.groupId()), new ReadProof(g.epoch(),
                    ProofParameters.base64url(g.challenge(), "challenge"),
                    ProofParameters.base64url(g.signature(), "signature"), 1)));
        }
        PushTokenService.PushToken token = tokens.issue(proofs);
        return new ApiModels.PushToken(token.token(), token.expiresAt().toString(), token.channels());
    }
}
