package cn.zhifa.boundary;

import cn.zhifa.system.EngineClock;
import java.time.OffsetDateTime;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A proceeding handing its case over to another process (the on-the-spot procedure, outside its limits, to the general
 * procedure). The row is the engine's: trusted code of the handing-over process writes it, no client variable can, and
 * it is what lets a process that opens its own case ({@link CaseOpener}) take an existing case instead, once.
 */
@Component
public class CaseHandOvers {

    private final JdbcClient jdbc;
    private final Proceedings proceedings;

    CaseHandOvers(JdbcClient jdbc, Proceedings proceedings) {
        this.jdbc = jdbc;
        this.proceedings = proceedings;
    }

    /** Records that the proceeding of {@code execution} hands its case over to the process {@code toProcessKey}. */
    public void handOver(DelegateExecution execution, String toProcessKey) {
        Proceedings.Proceeding from = proceedings.of(execution.getProcessInstanceId()).orElseThrow(
                () -> new IllegalStateException("process instance " + execution.getProcessInstanceId()
                        + " has no case proceeding to hand over"));
        jdbc.sql("""
                INSERT INTO case_hand_over (case_id, from_instance_id, from_process_key, to_process_key,
                    handed_over_by, handed_over_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(from.caseId(), from.processInstanceId(), from.processKey(), toProcessKey, from.startedBy(),
                        OffsetDateTime.ofInstant(EngineClock.now(), EngineClock.ZONE))
                .update();
    }

    /**
     * Takes the case's hand-over to {@code processKey} that no instance adopted yet for {@code processInstanceId};
     * false when there is none. The conditional update keeps a hand-over adopted once, even by two starts at a time.
     */
    boolean adopt(long caseId, String processKey, String processInstanceId) {
        List<Long> pending = jdbc.sql("""
                SELECT id FROM case_hand_over
                WHERE case_id = ? AND to_process_key = ? AND adopted_by_instance IS NULL ORDER BY id""")
                .params(caseId, processKey).query(Long.class).list();
        OffsetDateTime now = OffsetDateTime.ofInstant(EngineClock.now(), EngineClock.ZONE);
        for (long id : pending) {
            int taken = jdbc.sql("""
                    UPDATE case_hand_over SET adopted_by_instance = ?, adopted_at = ?
                    WHERE id = ? AND adopted_by_instance IS NULL""")
                    .params(processInstanceId, now, id).update();
            if (taken == 1) {
                return true;
            }
        }
        return false;
    }
}
