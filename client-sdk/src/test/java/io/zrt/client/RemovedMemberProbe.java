package io.zrt.client;

import io.zrt.client.engine.SessionState;
import io.zrt.client.engine.TestAccess;

/** Tries to read the group's latest frames with a removed member's last keys (it must not be able to). */
final class RemovedMemberProbe {

    private RemovedMemberProbe() {
    }

    static boolean canDecryptLatest(ZrtClient client, GroupSession reader, SessionState removedMember)
            throws ZrtException {
        return TestAccess.canDecryptAnyFrameAfter(reader.runner(), removedMember);
    }
}
