package cn.zhifa.cluster;

import cn.zhifa.cluster.Ledger.Ack;
import cn.zhifa.cluster.Ledger.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * After the run, from the database, the shared files and the application's own record verification: every
 * acknowledged write is there, nothing unacknowledged is half there, case numbers are gap-free and unique, every
 * record chain verifies, every due timer fired exactly once, no job is stuck, every process instance matches its
 * case. Each finding is an anomaly; zero is expected.
 */
final class ClusterChecker {

    /** What was checked and found. */
    record Result(List<String> anomalies, Map<String, Long> counts) {
    }

    private final JdbcClient db;
    private final Path storage;
    private final Function<Long, Map<String, Object>> verifyRecord;
    private final List<String> anomalies = new ArrayList<>();
    private final Map<String, Long> counts = new TreeMap<>();

    ClusterChecker(DataSource superuser, Path storage, Function<Long, Map<String, Object>> verifyRecord) {
        this.db = JdbcClient.create(superuser);
        this.storage = storage;
        this.verifyRecord = verifyRecord;
    }

    Result check(Ledger ledger) {
        deployment();
        acknowledged(ledger);
        casesAndNumbers();
        attachments();
        records();
        timers(ledger);
        jobs();
        processInstances();
        return new Result(List.copyOf(anomalies), Map.copyOf(counts));
    }

    private void deployment() {
        long deployments = count("SELECT COUNT(*) FROM act_re_deployment WHERE name_ = 'zhifa'");
        counts.put("deployments named zhifa", deployments);
        if (deployments != 1) {
            anomalies.add(deployments + " deployments named zhifa after two simultaneous first starts, expected 1");
        }
        for (String table : List.of("act_re_procdef", "act_re_decision_def", "act_re_camformdef")) {
            db.sql("SELECT key_, COUNT(*) FROM " + table + " GROUP BY key_ HAVING COUNT(*) > 1")
                    .query((rs, i) -> rs.getString(1) + " ×" + rs.getLong(2)).list()
                    .forEach(duplicate -> anomalies.add("duplicate definition in " + table + ": " + duplicate));
        }
        counts.put("process definitions", count("SELECT COUNT(*) FROM act_re_procdef"));
    }

    private void acknowledged(Ledger ledger) {
        for (Ack ack : ledger.acks()) {
            String missing = switch (ack.kind()) {
                case CASE_REGISTERED -> exists("SELECT COUNT(*) FROM case_file WHERE id = ?",
                        Long.parseLong(ack.id("caseId"))) ? null : "case " + ack.id("caseId");
                case ATTACHMENT_UPLOADED -> exists("SELECT COUNT(*) FROM case_attachment WHERE id = ? AND case_id = ? "
                                + "AND sha256 = ?", Long.parseLong(ack.id("attachmentId")),
                        Long.parseLong(ack.id("caseId")), ack.id("sha256")) ? null
                        : "attachment " + ack.id("attachmentId") + " of case " + ack.id("caseId");
                case PROCESS_STARTED -> exists("SELECT COUNT(*) FROM act_hi_procinst h JOIN case_proceeding p "
                                + "ON p.process_instance_id = h.id_ WHERE h.id_ = ? AND p.case_id = ?",
                        ack.id("processInstanceId"), Long.parseLong(ack.id("caseId"))) ? null
                        : ack.id("processKey") + " " + ack.id("processInstanceId") + " of case " + ack.id("caseId");
                case TASK_COMPLETED -> exists("SELECT COUNT(*) FROM act_hi_taskinst WHERE id_ = ? "
                        + "AND end_time_ IS NOT NULL AND delete_reason_ = 'completed'", ack.id("taskId")) ? null
                        : "completion of task " + ack.id("taskId");
                case TIMER_MADE_DUE -> null;
            };
            if (missing != null) {
                anomalies.add("acknowledged but missing: " + missing + " (acknowledged by " + ack.node() + " at "
                        + ack.at() + ")");
            }
        }
        counts.put("acknowledged writes checked", (long) ledger.acks().size());
    }

    private void casesAndNumbers() {
        counts.put("cases", count("SELECT COUNT(*) FROM case_file"));
        db.sql("SELECT id FROM case_file c WHERE NOT EXISTS (SELECT 1 FROM case_party p WHERE p.case_id = c.id)")
                .query(Long.class).list().forEach(id -> anomalies.add("case " + id + " has no party"));
        db.sql("SELECT id FROM case_file c WHERE NOT EXISTS (SELECT 1 FROM case_officer o WHERE o.case_id = c.id)")
                .query(Long.class).list().forEach(id -> anomalies.add("case " + id + " has no officer"));
        db.sql("SELECT case_no, COUNT(*) FROM case_file WHERE case_no IS NOT NULL GROUP BY case_no HAVING COUNT(*) > 1")
                .query((rs, i) -> rs.getString(1) + " ×" + rs.getLong(2)).list()
                .forEach(duplicate -> anomalies.add("duplicate case number " + duplicate));
        Map<String, List<Integer>> seqs = new TreeMap<>();
        db.sql("SELECT agency_id, number_year, number_seq FROM case_file WHERE case_no IS NOT NULL")
                .query((rs, i) -> Map.entry(rs.getString(1) + "/" + rs.getInt(2), rs.getInt(3))).list()
                .forEach(e -> seqs.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        Map<String, Integer> counters = new HashMap<>();
        db.sql("SELECT agency_id, number_year, last_seq FROM case_number_counter")
                .query((rs, i) -> Map.entry(rs.getString(1) + "/" + rs.getInt(2), rs.getInt(3))).list()
                .forEach(e -> counters.put(e.getKey(), e.getValue()));
        Set<String> series = new TreeSet<>(seqs.keySet());
        series.addAll(counters.keySet());
        for (String key : series) {
            anomalies.addAll(numberingProblems(key, seqs.getOrDefault(key, List.of()), counters.getOrDefault(key, 0)));
        }
        counts.put("numbered cases", (long) seqs.values().stream().mapToInt(List::size).sum());
    }

    /** Gaps, duplicates and a counter that is not the highest number, of one agency's numbers of one year. */
    static List<String> numberingProblems(String series, List<Integer> numbers, int counter) {
        List<String> problems = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (int n : numbers) {
            if (!seen.add(n)) {
                problems.add(series + ": number " + n + " given twice");
            }
        }
        for (int n = 1; n <= counter; n++) {
            if (!seen.contains(n)) {
                problems.add(series + ": number " + n + " missing (gap), counter at " + counter);
            }
        }
        seen.stream().filter(n -> n > counter || n < 1).sorted()
                .forEach(n -> problems.add(series + ": number " + n + " beyond the counter " + counter));
        return problems;
    }

    private void attachments() {
        List<Map.Entry<Long, String>> rows = db.sql("SELECT id, sha256 FROM case_attachment")
                .query((rs, i) -> Map.entry(rs.getLong(1), rs.getString(2))).list();
        for (Map.Entry<Long, String> row : rows) {
            Path file = storage.resolve(row.getValue().substring(0, 2)).resolve(row.getValue().substring(2, 4))
                    .resolve(row.getValue());
            try {
                if (!Files.isRegularFile(file)) {
                    anomalies.add("attachment " + row.getKey() + ": its file " + file + " is missing");
                } else if (!Workload.sha256(Files.readAllBytes(file)).equals(row.getValue())) {
                    anomalies.add("attachment " + row.getKey() + ": its file does not hash to " + row.getValue());
                }
            } catch (IOException e) {
                anomalies.add("attachment " + row.getKey() + ": cannot read " + file + ": " + e);
            }
        }
        counts.put("attachments", (long) rows.size());
    }

    private void records() {
        long verified = 0;
        for (long caseId : db.sql("SELECT id FROM case_file ORDER BY id").query(Long.class).list()) {
            Map<String, Object> result = verifyRecord.apply(caseId);
            if (!Boolean.TRUE.equals(result.get("intact"))) {
                anomalies.add("record of case " + caseId + " does not verify: " + result);
            } else {
                verified++;
            }
        }
        counts.put("record chains verified intact", verified);
        counts.put("record entries", count("SELECT COUNT(*) FROM case_record_entry"));
    }

    private void timers(Ledger ledger) {
        long fired = 0;
        for (Ack due : ledger.acks(Kind.TIMER_MADE_DUE)) {
            String instance = due.id("processInstanceId");
            long times = count("SELECT COUNT(*) FROM act_hi_actinst WHERE proc_inst_id_ = ? AND act_id_ = ?",
                    instance, Workload.REMINDER);
            long entries = count("SELECT COUNT(*) FROM case_record_entry e JOIN case_proceeding p "
                    + "ON p.case_id = e.case_id WHERE p.process_instance_id = ? AND e.action = 'REVIEW_REMINDED'",
                    instance);
            if (times != 1 || entries != 1) {
                anomalies.add("reminder of " + instance + " (due " + due.id("dueAt") + "): fired " + times
                        + " times, " + entries + " reminder entries in the record; expected 1 and 1");
            } else {
                fired++;
            }
        }
        counts.put("timers made due", (long) ledger.acks(Kind.TIMER_MADE_DUE).size());
        counts.put("timers fired exactly once", fired);
        db.sql("SELECT proc_inst_id_, act_id_, COUNT(*) FROM act_hi_actinst WHERE act_type_ LIKE '%Timer%' "
                        + "GROUP BY proc_inst_id_, act_id_ HAVING COUNT(*) > 1")
                .query((rs, i) -> rs.getString(1) + " " + rs.getString(2) + " ×" + rs.getLong(3)).list()
                .forEach(twice -> anomalies.add("timer fired more than once: " + twice));
        db.sql("SELECT id_, process_instance_id_, duedate_ FROM act_ru_job WHERE type_ = 'timer' AND retries_ > 0 "
                        + "AND suspension_state_ = 1 AND duedate_ < now() - interval '30 seconds'")
                .query((rs, i) -> rs.getString(1) + " of " + rs.getString(2) + " due " + rs.getTimestamp(3)).list()
                .forEach(late -> anomalies.add("timer due but not fired: " + late));
    }

    private void jobs() {
        db.sql("SELECT id_, lock_owner_, lock_exp_time_ FROM act_ru_job WHERE lock_exp_time_ < now()")
                .query((rs, i) -> rs.getString(1) + " owner " + rs.getString(2) + " until " + rs.getTimestamp(3))
                .list().forEach(stuck -> anomalies.add("job locked past its lock time: " + stuck));
        db.sql("SELECT id_, process_instance_id_, exception_msg_ FROM act_ru_job WHERE retries_ = 0")
                .query((rs, i) -> rs.getString(1) + " of " + rs.getString(2) + ": " + rs.getString(3)).list()
                .forEach(failed -> anomalies.add("job failed (incident): " + failed));
        db.sql("SELECT id_, process_instance_id_, type_ FROM act_ru_job WHERE retries_ > 0 AND suspension_state_ = 1 "
                        + "AND (duedate_ IS NULL OR duedate_ < now() - interval '30 seconds')")
                .query((rs, i) -> rs.getString(3) + " job " + rs.getString(1) + " of " + rs.getString(2)).list()
                .forEach(waiting -> anomalies.add("executable job never executed: " + waiting));
        counts.put("jobs left (future timers)", count("SELECT COUNT(*) FROM act_ru_job"));
    }

    private void processInstances() {
        db.sql("""
                SELECT h.id_, h.proc_def_key_ FROM act_hi_procinst h
                WHERE h.super_process_instance_id_ IS NULL
                  AND NOT EXISTS (SELECT 1 FROM case_proceeding p JOIN act_hi_varinst v
                                  ON v.proc_inst_id_ = h.id_ AND v.name_ = 'caseId' AND v.long_ = p.case_id
                                  WHERE p.process_instance_id = h.id_)""")
                .query((rs, i) -> rs.getString(2) + " " + rs.getString(1)).list()
                .forEach(orphan -> anomalies.add("process instance without its case (proceeding and caseId agree): "
                        + orphan));
        db.sql("SELECT p.process_instance_id FROM case_proceeding p WHERE NOT EXISTS "
                        + "(SELECT 1 FROM act_hi_procinst h WHERE h.id_ = p.process_instance_id)")
                .query(String.class).list()
                .forEach(orphan -> anomalies.add("proceeding without its process instance: " + orphan));
        db.sql("""
                SELECT p.process_instance_id FROM case_proceeding p JOIN act_hi_procinst h ON h.id_ = p.process_instance_id
                WHERE (h.end_time_ IS NULL) <> (p.ended_at IS NULL)""")
                .query(String.class).list()
                .forEach(mismatch -> anomalies.add("proceeding and process instance disagree on its end: "
                        + mismatch));
        db.sql("""
                SELECT e.id_, e.business_key_, c.id, c.case_no FROM act_ru_execution e
                JOIN case_proceeding p ON p.process_instance_id = e.id_ JOIN case_file c ON c.id = p.case_id
                WHERE e.id_ = e.proc_inst_id_
                  AND e.business_key_ IS DISTINCT FROM COALESCE(c.case_no, '登记号' || c.id)""")
                .query((rs, i) -> rs.getString(1) + " has business key " + rs.getString(2) + ", its case " + rs.getLong(3)
                        + " is " + rs.getString(4)).list()
                .forEach(mismatch -> anomalies.add("business key is not the case's reference: " + mismatch));
        counts.put("process instances", count("SELECT COUNT(*) FROM act_hi_procinst"));
        counts.put("process instances running", count("SELECT COUNT(*) FROM act_ru_execution WHERE id_ = proc_inst_id_"));
    }

    private long count(String sql, Object... params) {
        return db.sql(sql).params(params).query(Long.class).single();
    }

    private boolean exists(String sql, Object... params) {
        return count(sql, params) > 0;
    }
}
