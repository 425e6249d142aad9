package cn.zhifa.cluster;

import cn.zhifa.cluster.Ledger.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** bench/results/cluster-&lt;UTC time&gt;-&lt;commit&gt;.md: what ran, what failed and why, what the checker found. */
record ClusterReport(Ledger ledger, Map<String, String> faults, List<String> sessionChecks,
        ClusterChecker.Result result, Duration settled, List<String> errorLines, Duration total, int clients,
        Duration phase, long lockTimeMillis, Duration clockBehind) {

    Path write() throws IOException {
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        String commit = commit();
        StringBuilder md = new StringBuilder();
        md.append("# Cluster fault harness: ").append(now.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME).substring(0, 16))
                .append(" UTC, commit ").append(commit).append("\n\n");
        md.append("Two nodes (the packaged jar, profiles `demo,postgres,cluster`) on one embedded PostgreSQL 16, ")
                .append(clients).append(" clients (legal reviews and penalty cases over HTTP, spread over both nodes), ")
                .append("phases of ").append(phase.toSeconds()).append(" s, job lock time ").append(lockTimeMillis / 1000)
                .append(" s, node-2's clock ").append(clockBehind.toSeconds()).append(" s behind in the last phase. ")
                .append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores (shared). ")
                .append("Whole run ").append(ClusterHarnessRun.seconds(total)).append(", settling after the load ")
                .append(ClusterHarnessRun.seconds(settled)).append(". How to run and what is checked: bench/cluster.md.\n\n");

        md.append("## Result\n\n").append(result.anomalies().isEmpty() ? "**No anomaly.**"
                : "**" + result.anomalies().size() + " anomalies** (listed below).").append("\n\n");

        md.append("## Faults and recovery\n\n| fault | recovery |\n|---|---|\n");
        faults.forEach((fault, recovery) -> md.append("| ").append(fault).append(" | ").append(recovery).append(" |\n"));
        md.append("\nWebapp session (Spring Session JDBC):\n\n");
        sessionChecks.forEach(check -> md.append("- ").append(check).append("\n"));

        md.append("\n## Requests\n\n| | count |\n|---|---|\n");
        md.append("| HTTP requests sent | ").append(ledger.requests()).append(" |\n");
        md.append("| acknowledged writes | ").append(ledger.acks().size()).append(" |\n");
        for (Kind kind : Kind.values()) {
            md.append("| — ").append(kind.name().toLowerCase().replace('_', ' ')).append(" | ")
                    .append(ledger.acks(kind).size()).append(" |\n");
        }
        md.append("| writes without acknowledgement | ").append(ledger.unacked().size()).append(" |\n");

        md.append("\n### Failed requests by cause\n\n");
        if (ledger.failures().isEmpty()) {
            md.append("None.\n");
        } else {
            md.append("| cause | requests |\n|---|---|\n");
            ledger.failures().forEach((cause, count) -> md.append("| ").append(cause).append(" | ").append(count)
                    .append(" |\n"));
        }
        md.append("\nA request that could not connect went to the other node (it never reached a server). Every other "
                + "failed write is unacknowledged: the checker proves it left nothing half-done.\n");
        md.append("\n### Unacknowledged writes by cause\n\n");
        Map<String, Long> unacked = ledger.unacked().stream().collect(Collectors.groupingBy(
                u -> u.kind().name().toLowerCase().replace('_', ' ') + ": " + u.cause(), TreeMap::new,
                Collectors.counting()));
        if (unacked.isEmpty()) {
            md.append("None.\n");
        } else {
            md.append("| write: cause | count |\n|---|---|\n");
            unacked.forEach((cause, count) -> md.append("| ").append(cause).append(" | ").append(count).append(" |\n"));
        }

        md.append("\n## Timers\n\n");
        md.append("Reminder timers (`").append(Workload.REMINDER).append("`) made due by an administrator: ")
                .append(result.counts().getOrDefault("timers made due", 0L)).append("; fired exactly once (one "
                        + "activity instance, one REVIEW_REMINDED entry in the record): ")
                .append(result.counts().getOrDefault("timers fired exactly once", 0L)).append(".\n");

        md.append("\n## What the checker counted\n\n| | |\n|---|---|\n");
        result.counts().forEach((name, count) -> md.append("| ").append(name).append(" | ").append(count).append(" |\n"));

        md.append("\n## Anomalies\n\n");
        if (result.anomalies().isEmpty()) {
            md.append("None.\n");
        } else {
            result.anomalies().forEach(anomaly -> md.append("- ").append(anomaly).append("\n"));
        }

        md.append("\n## Client notes\n\n");
        List<String> notes = ledger.notes();
        if (notes.isEmpty()) {
            md.append("None.\n");
        } else {
            notes.stream().limit(50).forEach(note -> md.append("- ").append(note).append("\n"));
            if (notes.size() > 50) {
                md.append("- … ").append(notes.size() - 50).append(" more\n");
            }
        }
        md.append("\n## ERROR lines the nodes logged\n\nExpected around the faults (the database gone, a request cut "
                + "off); ").append(errorLines.size()).append(" in all");
        md.append(errorLines.isEmpty() ? ".\n" : ", the first 30:\n\n```\n" + errorLines.stream().limit(30)
                .map(line -> line.length() > 300 ? line.substring(0, 300) + " …" : line)
                .collect(Collectors.joining("\n")) + "\n```\n");

        Path dir = Files.createDirectories(Path.of("bench", "results"));
        Path file = dir.resolve("cluster-" + now.format(DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm")) + "-" + commit
                + ".md");
        Files.writeString(file, md.toString());
        return file;
    }

    private static String commit() {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes()).trim();
            return git.waitFor() == 0 ? out : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
