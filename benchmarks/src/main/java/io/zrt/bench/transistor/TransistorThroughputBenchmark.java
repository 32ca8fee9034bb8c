package io.zrt.bench.transistor;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One transfer's full life (POST, then the read-once GET) through Transistor over HTTP, against the same
 * two statements issued directly over JDBC (INSERT, then DELETE ... RETURNING) on the same embedded
 * PostgreSQL. The ratio of the two is the cost of the HTTP/JSON:API layer.
 *
 * <p>Transistor runs as a separate process from {@code transistor/target/transistor.jar} (override with
 * {@code -Dzrt.transistor.jar=...}), so build it first: {@code ./mvnw -pl transistor package}.
 * Run: {@code java -jar benchmarks/target/benchmarks.jar TransistorThroughput -f 1 -wi 2 -i 3 -w 1s -r 1s}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TransistorThroughputBenchmark {

    private static final MediaType JSON_API = MediaType.get("application/vnd.api+json");
    private static final String PAYLOAD = "x".repeat(1024);

    /** The embedded database and the Transistor process, shared by all benchmark threads. */
    @State(Scope.Benchmark)
    public static class Server {
        EmbeddedPostgres postgres;
        Process transistor;
        String baseUrl;
        Path workDir;

        @Setup(Level.Trial)
        public void start() throws Exception {
            postgres = EmbeddedPostgres.builder().start();
            int port = freePort();
            workDir = Files.createTempDirectory("zrt-bench-transistor-");
            Path jar = Path.of(System.getProperty("zrt.transistor.jar", "transistor/target/transistor.jar"));
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("build Transistor first; no jar at " + jar.toAbsolutePath());
            }
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toAbsolutePath().toString(),
                    "--server.port=" + port,
                    // the actuator on the API port, for the readiness wait below (production has its own port)
                    "--management.server.port=" + port,
                    "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                    "--spring.datasource.username=postgres",
                    "--logging.level.root=WARN"));
            transistor = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectErrorStream(true).redirectOutput(workDir.resolve("transistor.log").toFile()).start();
            baseUrl = "http://127.0.0.1:" + port;
            awaitHealthy();
        }

        @TearDown(Level.Trial)
        public void stop() throws Exception {
            transistor.destroy();
            transistor.waitFor(20, TimeUnit.SECONDS);
            postgres.close();
        }

        private void awaitHealthy() throws InterruptedException, IOException {
            OkHttpClient client = new OkHttpClient();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (System.nanoTime() < deadline) {
                if (!transistor.isAlive()) {
                    throw new IllegalStateException("Transistor exited: " + Files.readString(workDir.resolve("transistor.log")));
                }
                try (Response response = client.newCall(new Request.Builder().url(baseUrl + "/actuator/health").build())
                        .execute()) {
                    if (response.code() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // still starting
                }
                Thread.sleep(200);
            }
            throw new IllegalStateException("Transistor did not become healthy");
        }
    }

    /** Per-thread HTTP client and JDBC connection. */
    @State(Scope.Thread)
    public static class Client {
        OkHttpClient http;
        Connection jdbc;
        PreparedStatement insert;
        PreparedStatement take;

        @Setup(Level.Trial)
        public void open(Server server) throws SQLException {
            http = new OkHttpClient();
            jdbc = server.postgres.getPostgresDatabase().getConnection();
            insert = jdbc.prepareStatement("INSERT INTO transfers (id, data, expires_at) "
                    + "VALUES (?, ?, now() + make_interval(secs => ?))");
            take = jdbc.prepareStatement("DELETE FROM transfers WHERE id = ? AND expires_at > now() RETURNING data");
        }

        @TearDown(Level.Trial)
        public void close() throws SQLException {
            jdbc.close();
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    @Benchmark
    public String httpPostThenGet(Server server, Client client) throws IOException {
        UUID id = UUID.randomUUID();
        String body = "{\"data\":{\"id\":\"" + id + "\",\"type\":\"transfers\",\"attributes\":{\"data\":\"" + PAYLOAD
                + "\"}}}";
        Request post = new Request.Builder().url(server.baseUrl + "/transistor/v1/public/transfers")
                .post(RequestBody.create(body, JSON_API)).build();
        try (Response created = client.http.newCall(post).execute()) {
            expect(created, 201);
        }
        Request get = new Request.Builder().url(server.baseUrl + "/transistor/v1/public/transfers/" + id).build();
        try (Response read = client.http.newCall(get).execute()) {
            expect(read, 200);
            return read.body().string();
        }
    }

    @Benchmark
    public String jdbcInsertThenDeleteReturning(Client client) throws SQLException {
        UUID id = UUID.randomUUID();
        client.insert.setObject(1, id);
        client.insert.setString(2, PAYLOAD);
        client.insert.setDouble(3, 86_400);
        client.insert.executeUpdate();
        client.take.setObject(1, id);
        try (ResultSet row = client.take.executeQuery()) {
            if (!row.next()) {
                throw new IllegalStateException("row vanished");
            }
            return row.getString(1);
        }
    }

    private static void expect(Response response, int status) throws IOException {
        if (response.code() != status) {
            throw new IllegalStateException("expected " + status + " but got " + response.code() + ": "
                    + response.body().string());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
