package io.zrt.node.web;

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
public class PushController {

    private final PushTokenService tokens;

    public PushController(PushTokenService tokens) {
        this.tokens = tokens;
    }

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
