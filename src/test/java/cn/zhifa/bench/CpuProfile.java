package cn.zhifa.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the CPU of a round goes, from Java Flight Recorder's execution samples (built into the JDK; nothing to
 * install): every sample of a thread running Java code is charged to one part of the work by its stack. Statements
 * say what a case asks of the database; this says what the machine spends on it, which on 2 shared cores sets the
 * latency. Needs a deep stack ({@code -XX:FlightRecorderOptions:stackdepth=512} in the bench profile's argLine):
 * Camunda's stacks are deeper than JFR's default of 64 frames, and a cut stack is counted as such.
 */
final class CpuProfile implements AutoCloseable {

    /** The project engine's outermost command interceptor: every command of the project's engine passes it. */
    private static final String PROJECT_COMMAND = "cn.zhifa.boundary.DeploymentGuardInterceptor";
    private static final List<String> PROJECT_PLUMBING = List.of("cn.zhifa.boundary.DeploymentGuardInterceptor",
            "cn.zhifa.boundary.ExpressionGuardInterceptor", "cn.zhifa.boundary.ClientCommandInterceptor",
            "cn.zhifa.boundary.ClientPhaseDelegateInterceptor", "cn.zhifa.bench.");
    /** The harness's own, untimed work: set-up, looking up tasks, polling for jobs, attributing statements. */
    private static final List<String> HARNESS = List.of("cn.zhifa.bench.Rounds.awaitJobs", "cn.zhifa.bench.Rounds.awaitEnded",
            "cn.zhifa.bench.Side.findTask", "cn.zhifa.bench.Side.timerDueNow", "cn.zhifa.bench.StatementCounter.caller",
            "cn.zhifa.bench.App.registerCase", "cn.zhifa.bench.CaseWorkload$SetUp");

    static final String BARE_ENGINE = "bare engine: Camunda";
    static final String ENGINE = "project: Camunda engine itself";
    static final String RENDERING = "project: document rendering (poi-tl, Apache POI)";
    static final String OWN_SQL = "project: listeners/delegates — their SQL (JdbcClient, driver)";
    static final String ASKED_ENGINE = "project: listeners/delegates — Camunda work they ask for (queries, variables, nested commands)";
    static final String OWN_CPU = "project: listeners/delegates — their own Java (records, hashing, JSON, checks)";

    static final int PERIOD_MS = 1;

    private final Recording recording = new Recording();

    static CpuProfile start() {
        CpuProfile profile = new CpuProfile();
        profile.recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(PERIOD_MS));
        profile.recording.setToDisk(true);
        profile.recording.start();
        return profile;
    }

    /** Stops the recording and counts its samples by part of the work. */
    Map<String, Long> stop() {
        recording.stop();
        Map<String, Long> parts = new TreeMap<>();
        try {
            Path file = Files.createTempFile("bench-cpu", ".jfr");
            try {
                recording.dump(file);
                for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
                    if (event.getEventType().getName().equals("jdk.ExecutionSample") && event.getStackTrace() != null) {
                        parts.merge(part(event), 1L, Long::sum);
                    }
                }
            } finally {
                // -Dbench.jfr=<dir> keeps the recordings, to open in JDK Mission Control or `jfr print`
                String keep = System.getProperty("bench.jfr", "");
                if (!keep.isBlank()) {
                    Files.createDirectories(Path.of(keep));
                    Files.move(file, Path.of(keep).resolve(file.getFileName()));
                } else {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return parts;
    }

    private static String part(RecordedEvent event) {
        List<RecordedFrame> frames = event.getStackTrace().getFrames();  // innermost first
        List<String> names = frames.stream().map(f -> f.getMethod().getType().getName() + "." + f.getMethod().getName())
                .toList();
        if (names.stream().anyMatch(n -> HARNESS.stream().anyMatch(n::startsWith)
                || n.startsWith("cn.zhifa.bench.") && n.endsWith("Workload.prepare"))) {
            return "harness (untimed: set-up, look-ups, polling, attribution)";
        }
        boolean project = names.stream().anyMatch(n -> n.startsWith(PROJECT_COMMAND));
        if (!project) {
            if (event.getStackTrace().isTruncated()) {
                return "(stack cut by the stack depth)";
            }
            return names.stream().anyMatch(n -> n.startsWith("org.camunda.bpm.engine")) ? BARE_ENGINE
                    : "other (pools, timers, JDK)";
        }
        if (names.stream().anyMatch(n -> n.startsWith("com.deepoove.poi") || n.startsWith("org.apache.poi"))) {
            return RENDERING;
        }
        int ours = -1;
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (name.startsWith("cn.zhifa.") && PROJECT_PLUMBING.stream().noneMatch(name::startsWith)) {
                ours = i;
                break;
            }
        }
        if (ours < 0) {
            return ENGINE;
        }
        List<String> below = names.subList(0, ours);
        if (below.stream().anyMatch(n -> n.startsWith("org.postgresql") || n.startsWith("org.h2")
                || n.startsWith("com.zaxxer") || n.startsWith("org.springframework.jdbc"))) {
            return below.stream().anyMatch(n -> n.startsWith("org.camunda") || n.startsWith("org.apache.ibatis"))
                    ? ASKED_ENGINE : OWN_SQL;
        }
        if (below.stream().anyMatch(n -> n.startsWith("org.camunda") || n.startsWith("org.apache.ibatis"))) {
            return ASKED_ENGINE;
        }
        return OWN_CPU;
    }

    @Override
    public void close() {
        recording.close();
    }
}
