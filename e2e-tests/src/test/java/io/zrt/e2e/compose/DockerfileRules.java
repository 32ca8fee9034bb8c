package io.zrt.e2e.compose;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a service Dockerfile of this repository must do: build the module with the Maven Wrapper on a JDK 17,
 * copy exactly that module's executable jar into a JRE 17 stage, run it as a non-root user and expose the
 * service's port.
 */
final class DockerfileRules {

    private static final Pattern JAR_MENTION = Pattern.compile("([A-Za-z0-9_.-]+)/target/([A-Za-z0-9_.-]+\\.jar)");

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

    static List<String> violations(String dockerfile, String module, int port) {
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
        String copiedTo = null;
        for (String i : run) {
            String[] words = i.split(" ");
            if (words[0].equals("COPY") && words.length == 4 && words[1].equals("--from=build")) {
                if (words[2].endsWith("/" + expectedJar)) {
                    copiedTo = words[3];
                } else {
                    violations.add("copies " + words[2] + " instead of " + expectedJar);
                }
            }
        }
        Matcher m = JAR_MENTION.matcher(dockerfile);
        while (m.find()) {
            if (!m.group().equals(expectedJar)) {
                violations.add("mentions another jar: " + m.group());
            }
        }
        if (copiedTo == null) {
            violations.add("the runtime stage does not copy " + expectedJar + " from the build stage");
        } else {
            String target = copiedTo;
            boolean runsIt = run.stream().anyMatch(i -> i.startsWith("ENTRYPOINT [")
                    && i.contains("\"-jar\", \"" + target + "\""));
            if (!runsIt) {
                violations.add("ENTRYPOINT does not run the copied jar " + target);
            }
        }
        if (run.stream().noneMatch(i -> i.equals("EXPOSE " + port))) {
            violations.add("runtime stage does not EXPOSE " + port);
        }
        String user = run.stream().filter(i -> i.startsWith("USER ")).reduce((a, b) -> b).orElse("USER root");
        if (user.equals("USER root") || user.equals("USER 0")) {
            violations.add("runs as root");
        }
        return violations;
    }
}
