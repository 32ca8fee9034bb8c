package io.zrt.e2e.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The observability profile is wired to what the services really serve: Prometheus scrapes each actuator on
 * its management port and path, Centrifugo on its internal port, NATS through the exporter; Grafana's
 * provisioning points at that Prometheus and at the mounted dashboards; every dashboard query asks a job that
 * Prometheus has, and the ZRT metrics each job asks for carry that service's prefix ({@code zrt_<service>_}).
 * (That the metrics exist is checked against the running services in e2e FullStackConversationTest.)
 */
class ObservabilityConfigTest {

    static final Map<String, String> JOB_PREFIX = Map.of("node-service", "zrt_node_", "message-relay", "zrt_relay_",
            "transistor", "zrt_transistor_");

    private final ComposeFile compose = RepoFiles.compose();
    private final Map<String, Object> prometheus = ComposeFile.asMap(ComposeFile.yaml().load(
            RepoFiles.read("infra/prometheus/prometheus.yml")), "prometheus.yml");

    @SuppressWarnings("unchecked")
    private Map<String, Map<String, Object>> jobs() {
        Map<String, Map<String, Object>> jobs = new LinkedHashMap<>();
        for (Object job : (List<Object>) prometheus.get("scrape_configs")) {
            Map<String, Object> config = ComposeFile.asMap(job, "scrape_config");
            jobs.put(String.valueOf(config.get("job_name")), config);
        }
        return jobs;
    }

    @SuppressWarnings("unchecked")
    private static List<String> targets(Map<String, Object> job) {
        List<String> targets = new ArrayList<>();
        for (Object dns : (List<Object>) job.getOrDefault("dns_sd_configs", List.of())) {
            Map<String, Object> sd = ComposeFile.asMap(dns, "dns_sd_config");
            for (Object name : (List<Object>) sd.get("names")) {
                targets.add(name + ":" + sd.get("port"));
            }
        }
        for (Object fixed : (List<Object>) job.getOrDefault("static_configs", List.of())) {
            targets.addAll((List<String>) ComposeFile.asMap(fixed, "static_config").get("targets"));
        }
        return targets;
    }

    @Test
    void prometheusScrapesEachActuatorOnItsManagementPort() {
        for (String service : ComposeFileTest.BUILT.keySet()) {
            Map<String, Object> job = jobs().get(service);
            assertThat(job).as("a scrape job for %s", service).isNotNull();
            assertThat(job.get("metrics_path")).isEqualTo("/actuator/prometheus");
            assertThat(targets(job)).containsExactly(service + ":" + ServicePorts.managementPort(service));
        }
    }

    @Test
    void prometheusScrapesCentrifugoAndNatsWhereTheyServeMetrics() {
        Map<String, Object> http = ComposeFile.asMap(RepoFiles.json("infra/centrifugo/config.json").get("http_server"),
                "http_server");
        assertThat(targets(jobs().get("centrifugo"))).containsExactly("centrifugo:" + http.get("internal_port"));
        assertThat(targets(jobs().get("nats"))).containsExactly("nats-exporter:7777");
        assertThat(compose.command("nats-exporter")).containsSubsequence("-port", "7777").contains("-jsz=all")
                .last().isEqualTo("http://nats:8222");
        assertThat(compose.command("nats")).containsSubsequence("--http_port", "8222");
        assertThat(jobs().keySet()).containsExactlyInAnyOrder("node-service", "message-relay", "transistor",
                "centrifugo", "nats");
    }

    @Test
    void composeMountsTheConfigurationWhereThePrometheusAndGrafanaImagesReadIt() {
        assertThat(compose.command("prometheus")).contains("--config.file=/etc/prometheus/prometheus.yml");
        assertThat(compose.volumes("prometheus")).contains("./infra/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro");
        assertThat(compose.volumes("grafana")).contains("./infra/grafana/provisioning:/etc/grafana/provisioning:ro",
                "./" + Dashboards.DIRECTORY + ":/var/lib/grafana/dashboards:ro");
        Map<String, Object> provider = providers().get(0);
        assertThat(ComposeFile.asMap(provider.get("options"), "options").get("path")).isEqualTo("/var/lib/grafana/dashboards");
        Map<String, Object> datasource = datasources().get(0);
        assertThat(datasource.get("uid")).isEqualTo("prometheus");
        assertThat(datasource.get("url")).isEqualTo("http://prometheus:9090");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyDashboardQueriesAKnownJobThroughTheProvisionedDatasource() {
        Set<String> uids = new TreeSet<>();
        for (var file : Dashboards.files()) {
            Map<String, Object> dashboard = Dashboards.dashboard(file);
            assertThat(uids.add(String.valueOf(dashboard.get("uid")))).as("unique uid in %s", file).isTrue();
            for (Object panel : (List<Object>) dashboard.get("panels")) {
                Map<String, Object> p = ComposeFile.asMap(panel, "panel");
                assertThat(ComposeFile.asMap(p.get("datasource"), "datasource").get("uid")).isEqualTo("prometheus");
            }
        }
        Set<String> jobsAsked = new TreeSet<>();
        for (Dashboards.Selector selector : Dashboards.selectors()) {
            assertThat(selector.job()).as("%s in %s names its job", selector.metric(), selector.dashboard()).isNotNull();
            assertThat(jobs()).as("%s in %s", selector.metric(), selector.dashboard()).containsKey(selector.job());
            jobsAsked.add(selector.job());
            if (selector.metric().startsWith("zrt_")) {
                assertThat(selector.metric()).as("ZRT metrics of job %s", selector.job())
                        .startsWith(JOB_PREFIX.get(selector.job()));
            }
        }
        assertThat(jobsAsked).as("a dashboard for every service").containsExactlyInAnyOrderElementsOf(jobs().keySet());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> providers() {
        Map<String, Object> file = ComposeFile.asMap(ComposeFile.yaml().load(
                RepoFiles.read("infra/grafana/provisioning/dashboards/zrt.yml")), "zrt.yml");
        return ((List<Object>) file.get("providers")).stream().map(p -> ComposeFile.asMap(p, "provider")).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> datasources() {
        Map<String, Object> file = ComposeFile.asMap(ComposeFile.yaml().load(
                RepoFiles.read("infra/grafana/provisioning/datasources/prometheus.yml")), "prometheus.yml");
        return ((List<Object>) file.get("datasources")).stream().map(p -> ComposeFile.asMap(p, "datasource")).toList();
    }
}
