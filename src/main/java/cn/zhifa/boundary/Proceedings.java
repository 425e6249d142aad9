package cn.zhifa.boundary;

import cn.zhifa.system.EngineClock;
import cn.zhifa.system.TransactionCache;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The boundary's API for the other features: the case, agency and handling unit of a process instance, as the engine
 * recorded them when the proceeding started. Listeners ask here rather than trust process variables.
 */
@Component
public class Proceedings {

    public record Proceeding(String processInstanceId, long caseId, String processKey, String agencyId,
            String handlingUnitId, String startedBy, OffsetDateTime startedAt) {
    }

    private final JdbcClient jdbc;

    Proceedings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Proceeding> of(String processInstanceId) {
        // every listener of one click asks for its instance's proceeding; the columns read here never change once it
        // is opened (closing sets only ended_at), and a missing one is not cached, so the read is once per transaction
        return Optional.ofNullable(TransactionCache.get(this, processInstanceId, () -> jdbc.sql("""
                SELECT process_instance_id, case_id, process_key, agency_id, handling_unit_id, started_by, started_at
                FROM case_proceeding WHERE process_instance_id = ?""")
                .param(processInstanceId).query(Proceedings::row).optional().orElse(null)));
    }

    /** The case of a running process instance of ours; a process instance without one is a programming error. */
    public long caseOf(String processInstanceId) {
        return of(processInstanceId).map(Proceeding::caseId).orElseThrow(
                () -> new IllegalStateException("process instance " + processInstanceId + " has no case proceeding"));
    }

    /** Inserts the proceeding; a second running one of a once-at-a-time process fails on the unique running key. */
    void open(Proceeding p, boolean onePerCase) {
        jdbc.sql("""
                INSERT INTO case_proceeding (process_instance_id, case_id, process_key, agency_id, handling_unit_id,
                    started_by, started_at, running_key)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(p.processInstanceId(), p.caseId(), p.processKey(), p.agencyId(), p.handlingUnitId(),
                        p.startedBy(), p.startedAt(), onePerCase ? runningKey(p.caseId(), p.processKey()) : null)
                .update();
        // the listeners after the start event ask for it in the same transaction
        TransactionCache.put(this, p.processInstanceId(), p);
    }

    Optional<String> runningInstance(long caseId, String processKey) {
        return jdbc.sql("SELECT process_instance_id FROM case_proceeding WHERE running_key = ?")
                .param(runningKey(caseId, processKey)).query(String.class).optional();
    }

    /** The process instances still running for the case, called ones included. */
    public List<String> runningOf(long caseId) {
        return jdbc.sql("SELECT process_instance_id FROM case_proceeding WHERE case_id = ? AND ended_at IS NULL")
                .param(caseId).query(String.class).list();
    }

    /** Whether a process of this kind ever ran for the case (running or ended): what the case file must then hold. */
    public boolean ran(long caseId, String processKey) {
        return jdbc.sql("SELECT COUNT(*) FROM case_proceeding WHERE case_id = ? AND process_key = ?")
                .params(caseId, processKey).query(Long.class).single() > 0;
    }

    void close(String processInstanceId) {
        jdbc.sql("UPDATE case_proceeding SET ended_at = ?, running_key = NULL WHERE process_instance_id = ?")
                .params(OffsetDateTime.ofInstant(EngineClock.now(), EngineClock.ZONE), processInstanceId).update();
    }

    private static String runningKey(long caseId, String processKey) {
        return caseId + ":" + processKey;
    }

    private static Proceeding row(ResultSet rs, int i) throws SQLException {
        return new Proceeding(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getObject(7, OffsetDateTime.class));
    }
}
