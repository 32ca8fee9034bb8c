package io.zrt.crypto.art;

import static org.assertj.core.api.Assertions.assertThat;

import io.zrt.crypto.Hex;
import io.zrt.crypto.Vectors;
import io.zrt.crypto.cortado.Scalar;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Reproduces vectors/art.json: targets, public trees and tree keys after every step, final statuses. */
class ArtVectorsTest {

    private static final JsonNode VECTORS = Vectors.load("art.json");

    @Test
    void everyCaseIsReproducedExactly() throws Exception {
        int checkedTrees = 0;
        assertThat(VECTORS.get("cases").size()).isEqualTo(3);
        for (JsonNode testCase : VECTORS.get("cases")) {
            GroupSimulation group = new GroupSimulation(scalar(testCase.get("owner_secret_hex")));
            for (JsonNode step : testCase.get("steps")) {
                long target = step.get("target").asLong();
                Scalar secret = scalar(step.get("leaf_secret_hex"));
                switch (step.get("op").asString()) {
                    case "add" -> {
                        assertThat(group.observer().placementTarget()).isEqualTo(target);
                        group.add(secret);
                    }
                    case "update" -> {
                        int holder = holderOf(group, target);
                        group.publish(holder,
                                group.view(holder).create(BranchChangeType.KEY_UPDATE, target, secret));
                    }
                    case "remove" -> group.publish(group.ownerId(),
                            group.view(group.ownerId()).create(BranchChangeType.REMOVE_MEMBER, target, secret));
                    default -> throw new AssertionError("unknown op " + step.get("op"));
                }
                group.assertConsistent();
                if (step.has("public_tree")) {
                    assertThat(publicTreeHex(group.observer())).isEqualTo(expectedTree(step.get("public_tree")));
                    assertThat(Hex.encode(group.view(group.ownerId()).treeKey().toBytes()))
                            .isEqualTo(step.get("tree_key_hex").asString());
                    checkedTrees++;
                }
            }
            Map<Long, String> statuses = new TreeMap<>();
            for (PublicTree.NodeInfo node : group.observer().nodes()) {
                if (node.isLeaf()) {
                    statuses.put(node.index(), node.status().name());
                }
            }
            Map<Long, String> expected = new TreeMap<>();
            testCase.get("statuses").properties().forEach(e -> expected.put(Long.parseLong(e.getKey()),
                    e.getValue().asString()));
            assertThat(statuses).isEqualTo(expected);
        }
        assertThat(checkedTrees).isEqualTo(9);
    }

    private static int holderOf(GroupSimulation group, long leafIndex) {
        return group.members().entrySet().stream().filter(e -> e.getValue().leafIndex() == leafIndex)
                .findFirst().orElseThrow().getKey();
    }

    private static Map<Long, String> publicTreeHex(PublicTree tree) {
        Map<Long, String> out = new TreeMap<>();
        for (PublicTree.NodeInfo node : tree.nodes()) {
            out.put(node.index(), Hex.encode(node.key().encode()));
        }
        return out;
    }

    private static Map<Long, String> expectedTree(JsonNode json) {
        Map<Long, String> out = new TreeMap<>();
        json.properties().forEach(e -> out.put(Long.parseLong(e.getKey()), e.getValue().asString()));
        return out;
    }

    private static Scalar scalar(JsonNode hex) throws Exception {
        return Scalar.fromCanonicalBytes(Vectors.hex(hex));
    }
}
