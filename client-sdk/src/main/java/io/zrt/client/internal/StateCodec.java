package io.zrt.client.internal;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.zrt.client.StateFormatException;
import io.zrt.client.VerificationFailedException;
import io.zrt.crypto.InvalidEncodingException;
import io.zrt.crypto.SecretBytes;
import io.zrt.crypto.art.ArtException;
import io.zrt.crypto.art.MemberView;
import io.zrt.crypto.art.PublicTree;
import io.zrt.crypto.art.SdkMemberViews;
import io.zrt.crypto.cortado.CortadoPoint;
import io.zrt.crypto.cortado.Scalar;
import io.zrt.protocol.GroupInfo;
import io.zrt.protocol.User;
import io.zrt.protocol.rules.FrameRejectedException;
import io.zrt.protocol.rules.GroupId;
import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * The persisted form of a session, version 1 (docs/client-sdk.md). All integers little-endian:
 *
 * <pre>
 * "ZRTSS" ‖ 0x01 ‖ group id (16) ‖ epoch u64 ‖ next seq u64 ‖ status u8 ‖ leaf u64
 * ‖ path secret count u8 ‖ path secrets (32 each, leaf first) ‖ stage key (32) ‖ owner identity key (32)
 * ‖ counter u64 ‖ messages since update u32 ‖ others spoke u8 ‖ last update i64 ‖ join announced u8
 * ‖ tree length u32 ‖ public tree (ART encoding) ‖ info length u32 ‖ GroupInfo (name, created, picture, members)
 * ‖ user id length u8 ‖ user id (ASCII)
 * </pre>
 *
 * Decoding is strict: exact lengths, no trailing bytes, canonical scalars, valid points, booleans 0/1, and every
 * path secret must match its node's public key in the tree.
 */
public final class StateCodec {

    private static final byte[] MAGIC = "ZRTSS".getBytes(StandardCharsets.US_ASCII);
    private static final int VERSION = 1;

    private StateCodec() {
    }

    public static byte[] encode(SessionState s) {
        ByteBuffer head = le(MAGIC.length + 1 + 16 + 8 + 8 + 1 + 8);
        head.put(MAGIC).put((byte) VERSION).put(s.groupId().toBytes()).putLong(s.epoch()).putLong(s.nextSeq())
                .put((byte) s.status().ordinal()).putLong(s.myLeaf());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.array());
        List<Scalar> secrets;
        try {
            secrets = SdkMemberViews.pathSecrets(s.view());
        } catch (ArtException e) {
            throw new IllegalStateException("a member view always knows its own path", e);
        }
        out.write(secrets.size());
        for (Scalar secret : secrets) {
            out.writeBytes(secret.toBytes());
        }
        byte[] stage = s.stageKey().toByteArray();
        out.writeBytes(stage);
        Arrays.fill(stage, (byte) 0);
        out.writeBytes(s.ownerIdentityKey());
        out.writeBytes(le(8 + 4 + 1 + 8 + 1).putLong(s.counter()).putInt(s.messagesSinceUpdate())
                .put((byte) (s.othersSpoke() ? 1 : 0)).putLong(s.lastUpdateMillis())
                .put((byte) (s.joinAnnounced() ? 1 : 0)).array());
        writeBlock(out, s.view().publicTree().encode());
        GroupInfo info = GroupInfo.newBuilder().setName(s.meta().name()).setCreated(s.meta().created())
                .setPicture(ByteString.copyFrom(s.meta().picture())).addAllMembers(s.members().values()).build();
        writeBlock(out, info.toByteArray());
        byte[] userId = s.myUserId().getBytes(StandardCharsets.US_ASCII);
        out.write(userId.length);
        out.writeBytes(userId);
        return out.toByteArray();
    }

    public static SessionState decode(byte[] bytes) throws StateFormatException {
        if (bytes == null) {
            throw new StateFormatException("no session state");
        }
        try {
            ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            byte[] magic = take(in, MAGIC.length);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new StateFormatException("not a ZRT session state");
            }
            if ((in.get() & 0xff) != VERSION) {
                throw new StateFormatException("unknown session state version");
            }
            SessionState.Builder b = new SessionState.Builder();
            b.groupId = GroupId.ofBytes(take(in, 16));
            b.epoch = nonNegative(in.getLong());
            b.nextSeq = nonNegative(in.getLong());
            int status = in.get() & 0xff;
            if (status >= SessionState.Status.values().length) {
                throw new StateFormatException("unknown session status");
            }
            b.status = SessionState.Status.values()[status];
            long leaf = in.getLong();
            int count = in.get() & 0xff;
            List<Scalar> secrets = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                secrets.add(Scalar.fromCanonicalBytes(take(in, 32)));
            }
            b.stageKey = SecretBytes.copyOf(take(in, 32));
            b.ownerIdentityKey = CortadoPoint.decode(take(in, 32)).encode();
            b.counter = nonNegative(in.getLong());
            b.messagesSinceUpdate = in.getInt();
            if (b.messagesSinceUpdate < 0) {
                throw new StateFormatException("negative message count");
            }
            b.othersSpoke = bool(in.get());
            b.lastUpdateMillis = in.getLong();
            b.joinAnnounced = bool(in.get());
            PublicTree tree = PublicTree.decode(readBlock(in));
            b.view = SdkMemberViews.restore(tree, leaf, secrets);
            GroupInfo info = GroupInfo.parseFrom(readBlock(in));
            Payloads.requireNoUnknownFields(info);
            ActionRules.checkMemberList(info.getMembersList());
            b.meta = new SessionState.GroupMeta(info.getName(), info.getCreated(), info.getPicture().toByteArray());
            b.members = new TreeMap<>();
            for (User user : info.getMembersList()) {
                b.members.put((long) user.getLeaf(), user);
            }
            b.myUserId = new String(take(in, in.get() & 0xff), StandardCharsets.US_ASCII);
            if (in.hasRemaining()) {
                throw new StateFormatException("trailing bytes after the session state");
            }
            return b.build();
        } catch (BufferUnderflowException e) {
            throw new StateFormatException("session state is truncated");
        } catch (InvalidEncodingException | FrameRejectedException | InvalidProtocolBufferException
                | VerificationFailedException e) {
            throw new StateFormatException("session state holds an invalid value: " + e.getMessage());
        } catch (ArtException e) {
            throw new StateFormatException("session state's secrets do not fit its tree: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new StateFormatException("session state holds an invalid value");
        }
    }

    private static void writeBlock(ByteArrayOutputStream out, byte[] block) {
        out.writeBytes(le(4).putInt(block.length).array());
        out.writeBytes(block);
    }

    private static byte[] readBlock(ByteBuffer in) throws StateFormatException {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw new StateFormatException("block length exceeds the state");
        }
        return take(in, length);
    }

    private static byte[] take(ByteBuffer in, int length) {
        byte[] out = new byte[length];
        in.get(out);
        return out;
    }

    private static long nonNegative(long value) throws StateFormatException {
        if (value < 0) {
            throw new StateFormatException("negative counter in session state");
        }
        return value;
    }

    private static boolean bool(byte value) throws StateFormatException {
        if (value != 0 && value != 1) {
            throw new StateFormatException("boolean field is neither 0 nor 1");
        }
        return value == 1;
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
