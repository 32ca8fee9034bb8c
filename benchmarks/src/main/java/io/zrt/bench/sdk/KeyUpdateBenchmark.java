package io.zrt.bench.sdk;

import io.zrt.client.PrekeyBundle;
import io.zrt.client.engine.Creation;
import io.zrt.client.engine.FrameProcessor;
import io.zrt.client.engine.Invites;
import io.zrt.client.engine.Joining;
import io.zrt.client.engine.Operations;
import io.zrt.client.engine.SessionState;
import io.zrt.client.engine.TreeWire;
import io.zrt.crypto.art.PublicTree;
import io.zrt.crypto.cortado.CortadoKeyPair;
import io.zrt.crypto.x3dh.SignedPreKey;
import io.zrt.crypto.x3dh.UserId;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * SDK-level cost of a key update, without the network (the SDK's pure engine, {@code io.zrt.client.engine}): the sender building the frame (new path, stage key,
 * sealed and signed payload, eligibility proof) and a receiver processing it with every section-11 check. The
 * baseline is a plain chat message built and processed in the same group. Group of N members: the owner with
 * N - 1 initial members; the receiver is the last member placed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
public class KeyUpdateBenchmark {

    @Param({"10", "1000", "10000"})
    public int members;

    private SecureRandom random;
    private Operations ownerOps;
    private SessionState owner;
    private SessionState receiver;
    private byte[] keyUpdateFrame;
    private byte[] plainFrame;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        random = new SecureRandom();
        CortadoKeyPair ownerKey = CortadoKeyPair.generate(random);
        List<PrekeyBundle> bundles = new ArrayList<>();
        CortadoKeyPair lastIdentity = null;
        CortadoKeyPair lastPrekey = null;
        for (int i = 1; i < members; i++) {
            lastIdentity = CortadoKeyPair.generate(random);
            lastPrekey = CortadoKeyPair.generate(random);
            bundles.add(new PrekeyBundle(lastIdentity.publicKey(), SignedPreKey.create(lastIdentity, lastPrekey, random)));
        }
        Creation.Created created = Creation.create(ownerKey, "owner", "bench", bundles, TreeWire.ART, random, 0);
        owner = created.state();
        ownerOps = new Operations(ownerKey, random);
        Invites.Opened invite = Invites.open(created.invites().get(bundles.size() - 1), ownerKey.publicKey().encode(),
                lastIdentity, lastPrekey);
        PublicTree tree = PublicTree.decode(owner.view().publicTree().encode());
        receiver = Joining.fromFirstFrame(invite, tree, 0, created.initFrame(), UserId.of(lastIdentity.publicKey()), 0);
        keyUpdateFrame = ownerOps.keyUpdate(owner, null, 0).frame();
        plainFrame = ownerOps.plain(owner, List.of(), 0).frame();
    }

    @Benchmark
    public byte[] createKeyUpdate() throws Exception {
        return ownerOps.keyUpdate(owner, null, 0).frame();
    }

    @Benchmark
    public SessionState processKeyUpdate() throws Exception {
        return FrameProcessor.process(receiver, 1, keyUpdateFrame, 0).state();
    }

    @Benchmark
    public byte[] baselineCreatePlainMessage() {
        return ownerOps.plain(owner, List.of(), 0).frame();
    }

    @Benchmark
    public SessionState baselineProcessPlainMessage() throws Exception {
        return FrameProcessor.process(receiver, 1, plainFrame, 0).state();
    }
}
