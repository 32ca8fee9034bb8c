package io.zrt.node.storage.durability;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import io.zrt.node.support.NodeTestBase;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The Node's MongoDB client acknowledges a write only once a majority of the replica set journaled it. */
class WriteConcernTest extends NodeTestBase {

    @Autowired
    MongoClient mongo;

    @Test
    void writesWaitForAJournaledMajorityByDefault() {
        WriteConcern concern = mongo.getDatabase(DATABASE).getWriteConcern();
        assertThat(concern.getWString()).isEqualTo("majority");
        assertThat(concern.getJournal()).isTrue();
        assertThat(concern.getWTimeout(TimeUnit.SECONDS)).isEqualTo(10);
    }

    @Test
    void aNumberOfMembersCanBeConfigured() {
        WriteConcern concern = WriteConcernConfiguration.writeConcern(new DurabilityProperties("2", false, Duration.ofSeconds(3), true));
        assertThat(concern.getW()).isEqualTo(2);
        assertThat(concern.getJournal()).isFalse();
        assertThat(concern.getWTimeout(TimeUnit.MILLISECONDS)).isEqualTo(3000);
    }
}
