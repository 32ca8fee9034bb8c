package io.zrt.client.engine;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.zrt.client.FrameKind;
import io.zrt.client.GroupStatus;
import io.zrt.client.PendingInvite;
import io.zrt.client.StateFormatException;
import io.zrt.client.VerificationFailedException;
import io.zrt.crypto.InvalidEncodingException;
import io.zrt.crypto.SecretBytes;
import io.zrt.crypto.art.ArtException;
import io.zrt.crypto.art.MemberView;
import io.zrt.crypto.art.PublicTree;
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
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The stored forms of a session (docs/client-sdk.md, "Stored records"): a <b>snapshot</b> holding everything, and
 * a small <b>journal</b> holding what a plain frame changes (position, counters, pending operations).
 * Each carries a generation: a journal counts only on top of the snapshot of the same generation, so every single
 * record write leaves a state that existed, and a plain message never rewrites the tree or the member list. The
 * export ({@code GroupSession.serialize()}) is a snapshot of generation 0. All integers little-endian:
 *
 * <pre>
 * snapshot: "ZRTSS" ‖ 0x02 ‖ generation u64 ‖ group id (16) ‖ epoch u64 ‖ leaf u64 ‖ n u8 ‖ n path secrets (32,
 *           leaf first) ‖ stage key (32) ‖ owner identity key (32) ‖ u32 length ‖ public tree (ART encoding)
 *           ‖ u32 length ‖ GroupInfo (name, created, picture, members) ‖ u8 length ‖ own user id (ASCII)
 *           ‖ u16 count ‖ invites ‖ body
 * journal:  "ZRTSJ" ‖ 0x01 ‖ generation u64 ‖ group id (16) ‖ epoch u64 ‖ body
 * body:     next seq u64 ‖ status u8 ‖ counter u64 ‖ messages since update u32 ‖ others spoke u8
 *           ‖ last update i64 ‖ join announced u8 ‖ u8 length ‖ join name (UTF-8)
 *           ‖ u8 count ‖ pending operations
 * pending:  nonce (16) ‖ kind u8 ‖ epoch u64 ‖ u32 length ‖ frame ‖ leaf after i64 (-1: none) ‖ n u8 ‖ n secrets
 *           ‖ has invite u8 ‖ [invite]
 * invite:   id (16) ‖ kind u8 ‖ uploaded u8 ‖ leaf u64 ‖ invite leaf u64 ‖ epoch u64 ‖ stage key (32)
 *           ‖ leaf secret (32) ‖ u8 length ‖ invitee user id ‖ identified: ephemeral key ‖ invitee identity key
 *           ‖ invitee prekey (32 each) | unidentified: transfer id (16) ‖ transfer key (32)
 * </pre>
 *
 * Decoding is strict: exact lengths, no trailing bytes, canonical scalars, valid points, booleans 0/1, known
 * enum values, every path secret must match its node's public key in the tree, and a pending operation's id must
 * be its frame's nonce. These are the plain contents (state format version 1); whatever is stored or exported
 * is sealed around them ({@link SealedFormat}).
 */
public final class StateCodec {

    private static final byte[] SNAPSHOT_MAGIC = "ZRTSS".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] JOURNAL_MAGIC = "ZRTSJ".getBytes(StandardCharsets.US_ASCII);
    private static final int SNAPSHOT_VERSION = 2;
    private static final int JOURNAL_VERSION = 1;
    private static final int MAX_PENDING = 255;
    private static final int MAX_INVITES = 65_535;

    private StateCodec() {
    }

    /** A decoded session and the generation of the snapshot it came from. */
    public record Stored(SessionState state, long generation) {
    }

    /** The export form (a snapshot of generation 0). */
    public static byte[] encode(SessionState s) {
        return encodeSnapshot(s, 0);
    }

    /** Strict decoding of {@link #encode}. */
    public static SessionState decode(byte[] bytes) throws StateFormatException {
        return decode(bytes, null).state();
    }

    /** The generation a stored snapshot or journal names, or -1 for none or an unreadable header. */
    public static long generationOf(byte[] record) {
        if (record == null || record.length < SNAPSHOT_MAGIC.length + 1 + 8) {
            return -1;
        }
        return ByteBuffer.wrap(record, SNAPSHOT_MAGIC.length + 1, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }

    public static byte[] encodeSnapshot(SessionState s, long generation) {
        Writer out = new Writer();
        out.bytes(SNAPSHOT_MAGIC).u8(SNAPSHOT_VERSION).u64(generation).bytes(s.groupId().toBytes()).u64(s.epoch())
                .u64(s.myLeaf());
        List<Scalar> secrets = s.view().pathSecrets();
        out.u8(secrets.size());
        secrets.forEach(secret -> out.bytes(secret.toBytes()));
        out.secret(s.stageKey()).bytes(s.ownerIdentityKey());
        out.block(s.view().publicTree().encode());
        GroupInfo info = GroupInfo.newBuilder().setName(s.meta().name()).setCreated(s.meta().created())
                .setPicture(ByteString.copyFrom(s.meta().picture())).addAllMembers(s.members().values()).build();
        out.block(info.toByteArray());
        out.shortText(s.myUserId(), StandardCharsets.US_ASCII);
        if (s.invites().size() > MAX_INVITES) {
            throw new IllegalStateException("too many invites to store");
        }
        out.u16(s.invites().size());
        s.invites().forEach(record -> invite(out, record));
        body(out, s);
        return out.toByteArray();
    }

    public static byte[] encodeJournal(SessionState s, long generation) {
        Writer out = new Writer();
        out.bytes(JOURNAL_MAGIC).u8(JOURNAL_VERSION).u64(generation).bytes(s.groupId().toBytes()).u64(s.epoch());
        body(out, s);
        return out.toByteArray();
    }

    /**
     * The session from its snapshot and, if present, its journal: a journal of the snapshot's generation
     * replaces the snapshot's own position, counters and pending operations; an older one is ignored.
     */
    public static Stored decode(byte[] snapshot, byte[] journal) throws StateFormatException {
        if (snapshot == null) {
            throw new StateFormatException("no session state");
        }
        try {
            Reader in = new Reader(snapshot);
            in.magic(SNAPSHOT_MAGIC, SNAPSHOT_VERSION, "session state");
            long generation = in.nonNegative();
            SessionState.Builder b = new SessionState.Builder();
            b.groupId = GroupId.ofBytes(in.take(16));
            b.epoch = in.nonNegative();
            long leaf = in.u64();
            List<Scalar> secrets = in.scalars();
            b.stageKey = in.secret();
            b.ownerIdentityKey = CortadoPoint.decode(in.take(32)).encode();
            PublicTree tree = PublicTree.decode(in.block());
            b.view = MemberView.restore(tree, leaf, secrets);
            GroupInfo info = GroupInfo.parseFrom(in.block());
            Payloads.requireNoUnknownFields(info);
            ActionRules.checkMemberList(info.getMembersList());
            b.meta = new SessionState.GroupMeta(info.getName(), info.getCreated(), info.getPicture().toByteArray());
            TreeMap<Long, User> members = new TreeMap<>();
            for (User user : info.getMembersList()) {
                members.put((long) user.getLeaf(), user);
            }
            b.members(members);
            b.myUserId = in.shortText(StandardCharsets.US_ASCII);
            int inviteCount = in.u16();
            List<InviteRecord> invites = new ArrayList<>(inviteCount);
            for (int i = 0; i < inviteCount; i++) {
                invites.add(readInvite(in));
            }
            b.invites = invites;
            readBody(in, b);
            in.end();
            if (journal != null) {
                Reader j = new Reader(journal);
                j.magic(JOURNAL_MAGIC, JOURNAL_VERSION, "session journal");
                long journalGeneration = j.nonNegative();
                if (!Arrays.equals(j.take(16), b.groupId.toBytes())) {
                    throw new StateFormatException("session journal belongs to another group");
                }
                if (journalGeneration > generation) {
                    throw new StateFormatException("session journal is newer than its snapshot");
                }
                if (journalGeneration == generation) {
                    if (j.nonNegative() != b.epoch) {
                        throw new StateFormatException("session journal names another epoch than its snapshot");
                    }
                    long snapshotSeq = b.nextSeq;
                    readBody(j, b);
                    j.end();
                    if (b.nextSeq < snapshotSeq) {
                        throw new StateFormatException("session journal is behind its snapshot");
                    }
                }
            }
            return new Stored(b.build(), generation);
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

    private static void body(Writer out, SessionState s) {
        out.u64(s.nextSeq()).u8(s.status().ordinal()).u64(s.counter()).u32(s.messagesSinceUpdate())
                .bool(s.othersSpoke()).u64(s.lastUpdateMillis()).bool(s.joinAnnounced())
                .shortText(s.joinName(), StandardCharsets.UTF_8);
        if (s.pending().size() > MAX_PENDING) {
            throw new IllegalStateException("too many pending operations to store");
        }
        out.u8(s.pending().size());
        for (PendingOp op : s.pending()) {
            out.bytes(HexFormat.of().parseHex(op.id())).u8(op.kind().ordinal()).u64(op.epoch()).block(op.frame())
                    .u64(op.leafAfter()).u8(op.secretsAfter().size());
            op.secretsAfter().forEach(secret -> out.bytes(secret.toBytes()));
            out.bool(op.invite() != null);
            if (op.invite() != null) {
                invite(out, op.invite());
            }
        }
    }

    private static void invite(Writer out, InviteRecord r) {
        out.bytes(HexFormat.of().parseHex(r.id())).u8(r.kind().ordinal()).bool(r.uploaded()).u64(r.leaf())
                .u64(r.inviteLeaf()).u64(r.epoch()).secret(r.stageKey()).bytes(r.leafSecret().toBytes())
                .shortText(r.inviteeUserId(), StandardCharsets.US_ASCII);
        if (r.kind() == PendingInvite.Kind.IDENTIFIED) {
            out.bytes(r.ephemeralKey()).bytes(r.inviteeIdentityKey()).bytes(r.inviteePrekey());
        } else {
            out.u64(r.transferId().getMostSignificantBits()).u64(r.transferId().getLeastSignificantBits())
                    .secret(r.transferKey());
        }
    }

    private static void readBody(Reader in, SessionState.Builder b) throws StateFormatException,
            InvalidEncodingException {
        b.nextSeq = in.nonNegative();
        b.status = in.choice(GroupStatus.values(), "session status");
        b.counter = in.nonNegative();
        b.messagesSinceUpdate = in.u32();
        if (b.messagesSinceUpdate < 0) {
            throw new StateFormatException("negative message count");
        }
        b.othersSpoke = in.bool();
        b.lastUpdateMillis = in.u64();
        b.joinAnnounced = in.bool();
        b.joinName = in.shortText(StandardCharsets.UTF_8);
        int pendingCount = in.u8();
        b.pending = new ArrayList<>(pendingCount);
        for (int i = 0; i < pendingCount; i++) {
            String id = HexFormat.of().formatHex(in.take(16));
            FrameKind kind = in.choice(FrameKind.values(), "pending operation kind");
            long epoch = in.nonNegative();
            byte[] frame = in.block();
            long leafAfter = in.u64();
            List<Scalar> secrets = in.scalars();
            boolean branch = kind != FrameKind.PLAIN && kind != FrameKind.DROP_GROUP && kind != FrameKind.INIT;
            if (kind == FrameKind.INIT || branch != (leafAfter >= 1) || branch == secrets.isEmpty()
                    || !branch && leafAfter != -1) {
                throw new StateFormatException("pending operation does not fit its kind");
            }
            if (!id.equals(frameId(frame))) {
                throw new StateFormatException("pending operation's id is not its frame's nonce");
            }
            InviteRecord invite = in.bool() ? readInvite(in) : null;
            if (invite != null && kind != FrameKind.ADD_MEMBER) {
                throw new StateFormatException("only an add carries an invite");
            }
            b.pending.add(new PendingOp(id, kind, epoch, frame, leafAfter, secrets, invite, null));
        }
    }

    private static InviteRecord readInvite(Reader in) throws StateFormatException, InvalidEncodingException {
        String id = HexFormat.of().formatHex(in.take(16));
        PendingInvite.Kind kind = in.choice(PendingInvite.Kind.values(), "invite kind");
        boolean uploaded = in.bool();
        long leaf = in.positive();
        long inviteLeaf = in.positive();
        long epoch = in.nonNegative();
        SecretBytes stage = in.secret();
        Scalar leafSecret = Scalar.fromCanonicalBytes(in.take(32));
        String userId = in.shortText(StandardCharsets.US_ASCII);
        if (kind == PendingInvite.Kind.IDENTIFIED) {
            byte[] ephemeral = CortadoPoint.decode(in.take(32)).encode();
            byte[] identity = CortadoPoint.decode(in.take(32)).encode();
            byte[] prekey = CortadoPoint.decode(in.take(32)).encode();
            if (uploaded) {
                throw new StateFormatException("an identified invite is never uploaded");
            }
            return new InviteRecord(id, kind, userId, leaf, inviteLeaf, epoch, stage, leafSecret, ephemeral,
                    identity, prekey, null, null, false);
        }
        UUID transfer = new UUID(in.u64(), in.u64());
        return new InviteRecord(id, kind, userId, leaf, inviteLeaf, epoch, stage, leafSecret, new byte[0],
                new byte[0], new byte[0], transfer, in.secret(), uploaded);
    }

    private static String frameId(byte[] frame) throws StateFormatException {
        try {
            return Operations.idOf(frame);
        } catch (IllegalStateException e) {
            throw new StateFormatException("pending operation's frame does not parse");
        }
    }

    /** Little-endian writer. */
    private static final class Writer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Writer bytes(byte[] b) {
            out.writeBytes(b);
            return this;
        }

        Writer secret(SecretBytes secret) {
            byte[] b = secret.toByteArray();
            out.writeBytes(b);
            Arrays.fill(b, (byte) 0);
            return this;
        }

        Writer u8(int v) {
            out.write(v);
            return this;
        }

        Writer bool(boolean v) {
            return u8(v ? 1 : 0);
        }

        Writer u16(int v) {
            return bytes(ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) v).array());
        }

        Writer u32(int v) {
            return bytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array());
        }

        Writer u64(long v) {
            return bytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array());
        }

        Writer block(byte[] b) {
            return u32(b.length).bytes(b);
        }

        Writer shortText(String text, java.nio.charset.Charset charset) {
            byte[] b = text.getBytes(charset);
            if (b.length > 255) {
                throw new IllegalArgumentException("text longer than 255 bytes");
            }
            return u8(b.length).bytes(b);
        }

        byte[] toByteArray() {
            return out.toByteArray();
        }
    }

    /** Strict little-endian reader. */
    private static final class Reader {
        private final ByteBuffer in;

        Reader(byte[] bytes) {
            in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        }

        void magic(byte[] magic, int version, String what) throws StateFormatException {
            if (in.remaining() < magic.length + 1 || !Arrays.equals(take(magic.length), magic)) {
                throw new StateFormatException("not a ZRT " + what);
            }
            if (u8() != version) {
                throw new StateFormatException("unknown " + what + " version");
            }
        }

        byte[] take(int length) {
            byte[] out = new byte[length];
            in.get(out);
            return out;
        }

        SecretBytes secret() {
            byte[] b = take(32);
            SecretBytes secret = SecretBytes.copyOf(b);
            Arrays.fill(b, (byte) 0);
            return secret;
        }

        int u8() {
            return in.get() & 0xff;
        }

        int u16() {
            return in.getShort() & 0xffff;
        }

        int u32() {
            return in.getInt();
        }

        long u64() {
            return in.getLong();
        }

        long nonNegative() throws StateFormatException {
            long value = in.getLong();
            if (value < 0) {
                throw new StateFormatException("negative counter in session state");
            }
            return value;
        }

        long positive() throws StateFormatException {
            long value = in.getLong();
            if (value < 1) {
                throw new StateFormatException("heap index below 1 in session state");
            }
            return value;
        }

        boolean bool() throws StateFormatException {
            int value = u8();
            if (value > 1) {
                throw new StateFormatException("boolean field is neither 0 nor 1");
            }
            return value == 1;
        }

        <E> E choice(E[] values, String what) throws StateFormatException {
            int index = u8();
            if (index >= values.length) {
                throw new StateFormatException("unknown " + what);
            }
            return values[index];
        }

        List<Scalar> scalars() throws InvalidEncodingException {
            int count = u8();
            List<Scalar> out = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                out.add(Scalar.fromCanonicalBytes(take(32)));
            }
            return out;
        }

        byte[] block() throws StateFormatException {
            int length = in.getInt();
            if (length < 0 || length > in.remaining()) {
                throw new StateFormatException("block length exceeds the state");
            }
            return take(length);
        }

        String shortText(java.nio.charset.Charset charset) throws StateFormatException {
            byte[] bytes = take(u8());
            String text = new String(bytes, charset);
            if (!Arrays.equals(text.getBytes(charset), bytes)) {
                throw new StateFormatException("text field is not valid " + charset.name());
            }
            return text;
        }

        void end() throws StateFormatException {
            if (in.hasRemaining()) {
                throw new StateFormatException("trailing bytes after the session state");
            }
        }
    }
}
