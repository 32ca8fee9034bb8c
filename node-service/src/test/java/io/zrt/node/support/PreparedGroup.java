package io.zrt.node.support;

import java.util.ArrayList;
import java.util.List;

/**
 * A group's opening frames made once per test class (their branch proofs cost seconds each) and replayed
 * before every test: {@link #replay} deletes whatever an earlier test stored for the group, posts the frames
 * again (each must be accepted) and hands out a fresh copy of the driver in the state they lead to. The Node
 * keeps no group state in memory, so a replayed group is indistinguishable from a newly created one.
 */
public final class PreparedGroup {

    private final GroupDriver template;
    private final List<GroupDriver.Pending> frames;

    private PreparedGroup(GroupDriver template, List<GroupDriver.Pending> frames) {
        this.template = template;
        this.frames = List.copyOf(frames);
    }

    /** Steps that each build the next frame from the driver's current state. */
    @FunctionalInterface
    public interface Step {
        GroupDriver.Pending next(GroupDriver driver) throws Exception;
    }

    /** Builds the frames of {@code steps} in order, moving a template driver on after each one. */
    public static PreparedGroup of(GroupDriver driver, List<Step> steps) throws Exception {
        List<GroupDriver.Pending> frames = new ArrayList<>();
        for (Step step : steps) {
            GroupDriver.Pending pending = step.next(driver);
            driver.accept(pending);
            frames.add(pending);
        }
        return new PreparedGroup(driver, frames);
    }

    /** Stores the group afresh on the Node under test and returns a driver in its state. */
    public GroupDriver replay(NodeClient client, StoredState stored) {
        stored.deleteGroup(template.id().text());
        for (GroupDriver.Pending pending : frames) {
            NodeClient.Response r = client.postFrame(template.id(), pending.bytes());
            if (r.status() != 201) {
                throw new AssertionError("replayed frame refused: " + r.status() + ": " + new String(r.body()));
            }
        }
        return template.copy();
    }
}
