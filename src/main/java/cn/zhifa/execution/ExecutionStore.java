package cn.zhifa.execution;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tables of V150__execution.sql. */
@Repository
class ExecutionStore {

    record Obligation(long caseId, long originalFineFen, long fineFen, long confiscationFen, LocalDate servedOn,
            String status) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    ExecutionStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<Obligation> obligation(long caseId) {
        return jdbc.sql("""
                SELECT case_id, original_fine_fen, fine_fen, confiscation_fen, served_on, status
                FROM execution_obligation WHERE case_id = :caseId""").param("caseId", caseId)
                .query((rs, n) -> new Obligation(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getObject(5, LocalDate.class), rs.getString(6)))
                .optional();
    }

    void insertObligation(long caseId, long fineFen, long confiscationFen, LocalDate servedOn, String status) {
        jdbc.sql("""
                INSERT INTO execution_obligation (case_id, original_fine_fen, fine_fen, confiscation_fen, served_on,
                    status, opened_at) VALUES (:caseId, :fine, :fine, :confiscation, :servedOn, :status, :now)""")
                .param("caseId", caseId).param("fine", fineFen).param("confiscation", confiscationFen)
                .param("servedOn", servedOn).param("status", status).param("now", now()).update();
    }

    void status(long caseId, String status) {
        jdbc.sql("UPDATE execution_obligation SET status = :status WHERE case_id = :caseId")
                .param("status", status).param("caseId", caseId).update();
    }

    void fine(long caseId, long fineFen) {
        jdbc.sql("UPDATE execution_obligation SET fine_fen = :fine WHERE case_id = :caseId")
                .param("fine", fineFen).param("caseId", caseId).update();
    }

    List<Instalment> schedule(long caseId) {
        return jdbc.sql("SELECT due_on, amount_fen FROM execution_instalment WHERE case_id = :caseId ORDER BY seq")
                .param("caseId", caseId)
                .query((rs, n) -> new Instalment(rs.getObject(1, LocalDate.class), rs.getLong(2))).list();
    }

    void replaceSchedule(long caseId, List<Instalment> schedule) {
        jdbc.sql("DELETE FROM execution_instalment WHERE case_id = :caseId").param("caseId", caseId).update();
        int seq = 1;
        for (Instalment instalment : schedule) {
            jdbc.sql("""
                    INSERT INTO execution_instalment (case_id, seq, due_on, amount_fen)
                    VALUES (:caseId, :seq, :dueOn, :amount)""").param("caseId", caseId).param("seq", seq++)
                    .param("dueOn", instalment.dueOn()).param("amount", instalment.amountFen()).update();
        }
    }

    List<Payment> payments(long caseId) {
        return jdbc.sql("""
                SELECT receipt_no, amount_fen, paid_on, recorded_by FROM execution_payment
                WHERE case_id = :caseId ORDER BY paid_on, id""").param("caseId", caseId)
                .query((rs, n) -> new Payment(rs.getString(1), rs.getLong(2), rs.getObject(3, LocalDate.class),
                        rs.getString(4))).list();
    }

    /**
     * By case: the fine and confiscation of a decision served in [from, to) (the decision's own amounts, before any
     * remedy changed them), and the payments received in it.
     */
    List<CaseExecution.PeriodFigures> figuresBetween(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT case_id, SUM(fine_fen), SUM(confiscation_fen), SUM(paid_fen) FROM (
                    SELECT case_id, original_fine_fen AS fine_fen, confiscation_fen, 0 AS paid_fen
                    FROM execution_obligation WHERE served_on >= :from AND served_on < :to
                    UNION ALL
                    SELECT case_id, 0, 0, amount_fen FROM execution_payment WHERE paid_on >= :from AND paid_on < :to
                ) figures GROUP BY case_id ORDER BY case_id""").param("from", from).param("to", to)
                .query((rs, n) -> new CaseExecution.PeriodFigures(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        rs.getLong(4))).list();
    }

    boolean receiptRecorded(long caseId, String receiptNo) {
        return jdbc.sql("SELECT COUNT(*) FROM execution_payment WHERE case_id = :caseId AND receipt_no = :receipt")
                .param("caseId", caseId).param("receipt", receiptNo).query(Integer.class).single() > 0;
    }

    void insertPayment(long caseId, Payment payment) {
        jdbc.sql("""
                INSERT INTO execution_payment (case_id, receipt_no, amount_fen, paid_on, recorded_by, recorded_at)
                VALUES (:caseId, :receipt, :amount, :paidOn, :by, :now)""").param("caseId", caseId)
                .param("receipt", payment.receiptNo()).param("amount", payment.amountFen())
                .param("paidOn", payment.paidOn()).param("by", payment.recordedBy()).param("now", now()).update();
    }

    List<Remedy> remedies(long caseId) {
        return jdbc.sql("""
                SELECT id, kind, filed_on, decided_on, outcome, changed_fine_fen, document_no FROM execution_remedy
                WHERE case_id = :caseId ORDER BY filed_on, id""").param("caseId", caseId)
                .query((rs, n) -> new Remedy(rs.getLong(1), RemedyKind.valueOf(rs.getString(2)),
                        rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class),
                        rs.getString(5) == null ? null : RemedyOutcome.valueOf(rs.getString(5)),
                        (Long) rs.getObject(6, Long.class), rs.getString(7)))
                .list();
    }

    void insertRemedy(long caseId, RemedyKind kind, LocalDate filedOn, String actor) {
        jdbc.sql("""
                INSERT INTO execution_remedy (case_id, kind, filed_on, recorded_by, recorded_at)
                VALUES (:caseId, :kind, :filedOn, :by, :now)""").param("caseId", caseId).param("kind", kind.name())
                .param("filedOn", filedOn).param("by", actor).param("now", now()).update();
    }

    void decideRemedy(long remedyId, LocalDate decidedOn, RemedyOutcome outcome, Long changedFineFen,
            String documentNo) {
        jdbc.sql("""
                UPDATE execution_remedy SET decided_on = :decidedOn, outcome = :outcome,
                    changed_fine_fen = :changed, document_no = :documentNo WHERE id = :id""")
                .param("decidedOn", decidedOn).param("outcome", outcome.name()).param("changed", changedFineFen)
                .param("documentNo", documentNo).param("id", remedyId).update();
    }

    Optional<Boolean> ownEnforcementPower(String agencyId) {
        return jdbc.sql("SELECT own_enforcement_power FROM execution_setting WHERE agency_id = :agency")
                .param("agency", agencyId).query(Boolean.class).optional();
    }

    void ownEnforcementPower(String agencyId, boolean power, String actor) {
        int updated = jdbc.sql("""
                UPDATE execution_setting SET own_enforcement_power = :power, updated_at = :now, updated_by = :by
                WHERE agency_id = :agency""").param("power", power).param("now", now()).param("by", actor)
                .param("agency", agencyId).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO execution_setting (agency_id, own_enforcement_power, updated_at, updated_by)
                    VALUES (:agency, :power, :now, :by)""").param("power", power).param("now", now())
                    .param("by", actor).param("agency", agencyId).update();
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
