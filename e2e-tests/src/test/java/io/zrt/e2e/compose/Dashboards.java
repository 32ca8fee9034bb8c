package io.zrt.e2e.compose;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The Grafana dashboards of infra/grafana/dashboards and the metrics their PromQL queries ask for. */
public final class Dashboards {

    public static final String DIRECTORY = "infra/grafana/dashboards";

    /** A metric selector in a query, {@code name{job="x", ...}}. */
    public record Selector(String dashboard, String metric, String job) {
    }

    private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{([^}]*)}");
    private static final Pattern JOB = Pattern.compile("job=\"([^\"]+)\"");
    /** Spring Boot's histogram/summary series names derive from the meter: drop the suffix to get the meter. */
    private static final Pattern SERIES_SUFFIX = Pattern.compile("_(count|sum|max|bucket)$");

    private Dashboards() {
    }

    public static List<Path> files() {
        try (Stream<Path> files = Files.list(RepoFiles.ROOT.resolve(DIRECTORY))) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Map<String, Object> dashboard(Path file) {
        return RepoFiles.json(RepoFiles.ROOT.relativize(file).toString());
    }

    /** Every PromQL expression of a dashboard's panels. */
    @SuppressWarnings("unchecked")
    public static List<String> queries(Map<String, Object> dashboard) {
        List<String> queries = new ArrayList<>();
        for (Object panel : (List<Object>) dashboard.get("panels")) {
            for (Object target : (List<Object>) ComposeFile.asMap(panel, "panel").get("targets")) {
                queries.add(String.valueOf(ComposeFile.asMap(target, "target").get("expr")));
            }
        }
        return queries;
    }

    /** Every metric selector of every dashboard, with the job it asks for. */
    public static Set<Selector> selectors() {
        Set<Selector> selectors = new LinkedHashSet<>();
        for (Path file : files()) {
            for (String query : queries(dashboard(file))) {
                Matcher m = SELECTOR.matcher(query);
                while (m.find()) {
                    Matcher job = JOB.matcher(m.group(2));
                    selectors.add(new Selector(file.getFileName().toString(), m.group(1),
                            job.find() ? job.group(1) : null));
                }
            }
        }
        return selectors;
    }

    /** The series name as scraped ({@code x_seconds_sum} is a series of {@code x_seconds}). */
    public static String meterOf(String series) {
        return SERIES_SUFFIX.matcher(series).replaceFirst("");
    }
}
