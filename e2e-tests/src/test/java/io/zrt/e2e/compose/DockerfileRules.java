package io.zrt.e2e.compose;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a service Dockerfile of this repository must do: build the module with the Maven Wrapper on a JDK 17,
 * split exactly that module's production jar into Spring Boot's layers, copy the layers (most stable first)
 * into a JRE 17 stage, run the application jar as a non-root user and expose the service's ports.
 */
final class DockerfileRules {

    /** Spring Boot's default layers, in the order that keeps rarely changing layers cached. */
    static final List<String> LAYERS = List.of("dependencies", "spring-boot-loader", "snapshot-dependencies",
            "application");

    private static final Pattern JAR_MENTION = Pattern.compile("([A-Za-z0-9_.-]+)/target/([A-Za-z0-9_.-]+\\.jar)");
    private static final Pattern EXTRACT = Pattern.compile(
            "RUN java -Djarmode=tools -jar (\\S+) extract --layers --destination (\\S+)");

    private DockerfileRules() {
    }

    /** One instruction per element, continuation lines joined, comments dropped. */
    static List<String> instructions(String dockerfile) {
        String joined = dockerfile.replace("\\\r\n", " ").replace("\\\n", " ");
        List<String> result = new ArrayList<>();
        for (String line : joined.split("\n")) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                result.add(trimmed.replaceAll("\\s+", " "));
            }
        }
        return result;
    }

    /** The directory the build stage extracts the layers to, or null. */
    static String layersDirectory(String dockerfile) {
        for (String instruction : instructions(dockerfile)) {
            Matcher m = EXTRACT.matcher(instruction);
            if (m.matches()) {
                return m.group(2).replaceAll("/$", "");
            }
        }
        return null;
    }

    static List<String> violations(String dockerfile, String module, List<Integer> ports) {
        List<String> violations = new ArrayList<>();
        List<String> instructions = instructions(dockerfile);
        List<Integer> stages = new ArrayList<>();
        for (int i = 0; i < instructions.size(); i++) {
            if (instructions.get(i).startsWith("FROM ")) {
                stages.add(i);
            }
        }
        if (stages.size() != 2) {
            return List.of("expected a build stage and a runtime stage, found " + stages.size() + " FROM lines");
        }
        String buildFrom = instructions.get(stages.get(0));
        String runFrom = instructions.get(stages.get(1));
        if (!buildFrom.matches("FROM eclipse-temurin:17-jdk(-[a-z]+)? AS build")) {
            violations.add("build stage must be 'FROM eclipse-temurin:17-jdk AS build', is '" + buildFrom + "'");
        }
        if (!runFrom.matches("FROM eclipse-temurin:17-jre(-[a-z]+)?")) {
            violations.add("runtime stage must be a JRE 17 (eclipse-temurin:17-jre), is '" + runFrom + "'");
        }
        List<String> build = instructions.subList(stages.get(0), stages.get(1));
        List<String> run = instructions.subList(stages.get(1), instructions.size());

        boolean builds = build.stream().anyMatch(i -> i.startsWith("RUN ") && i.contains("./mvnw ")
                && i.contains(" -pl " + module + " ") && i.contains(" package"));
        if (!builds) {
            violations.add("no 'RUN ./mvnw … -pl " + module + " … package' in the build stage");
        }

        String expectedJar = module + "/target/" + module + ".jar";
        String layers = null;
        for (String i : build) {
            Matcher m = EXTRACT.matcher(i);
            if (m.matches()) {
                if (!m.group(1).equals(expectedJar)) {
                    violations.add("extracts " + m.group(1) + " instead of " + expectedJar);
                }
                layers = m.group(2).replaceAll("/$", "");
            }
        }
        Matcher mention = JAR_MENTION.matcher(dockerfile);
        while (mention.find()) {
            if (!mention.group().equals(expectedJar)) {
                violations.add("mentions another jar: " + mention.group());
            }
        }
        if (layers == null) {
            violations.add("the build stage does not extract the layers of " + expectedJar);
        } else {
            List<String> copied = new ArrayList<>();
            for (String i : run) {
                String[] words = i.split(" ");
                if (words[0].equals("COPY") && words.length >= 3 && words[1].equals("--from=build")) {
                    String source = words[2].replaceAll("/$", "");
                    copied.add(source.startsWith(layers + "/") ? source.substring(layers.length() + 1) : source);
                }
            }
            if (!copied.equals(LAYERS)) {
                violations.add("the runtime stage must copy the layers " + LAYERS + " in this order, copies " + copied);
            }
        }
        boolean runsIt = run.stream().anyMatch(i -> i.startsWith("ENTRYPOINT [")
                && i.contains("\"-jar\", \"/app/" + module + ".jar\""));
        if (!runsIt) {
            violations.add("ENTRYPOINT does not run /app/" + module + ".jar (the application layer's jar)");
        }
        List<Integer> exposed = new ArrayList<>();
        run.stream().filter(i -> i.startsWith("EXPOSE ")).forEach(i -> {
            for (String port : i.substring("EXPOSE ".length()).split(" ")) {
                exposed.add(Integer.parseInt(port.replaceAll("/tcp$", "")));
            }
        });
        for (int port : ports) {
            if (!exposed.contains(port)) {
                violations.add("runtime stage does not EXPOSE " + port);
            }
        }
        String user = run.stream().filter(i -> i.startsWith("USER ")).reduce((a, b) -> b).orElse("USER root");
        if (user.equals("USER root") || user.equals("USER 0")) {
            violations.add("runs as root");
        }
        return violations;
    }
}
