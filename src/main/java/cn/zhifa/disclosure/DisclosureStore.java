package cn.zhifa.disclosure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The tables of the disclosure (V110): records, remedies, correction requests. The public reads go through
 * {@link #publicPage} and {@link #publicOne}, which select status PUBLISHED only: there is no other way from the
 * public endpoints to a row.
 */
@Component
class DisclosureStore {

    /** A record with what the staff see beyond the public text. */
    record Row(long id, long caseId, String agencyId, String processInstanceId, Long supersedes, DecisionKind kind,
            Long documentId, String status, PublicRecord text, String exemption, String exemptionHandling,
            String exemptionReason, String exemptionBasis, OffsetDateTime dueAt, OffsetDateTime publishedAt,
            OffsetDateTime withdrawalDueAt, OffsetDateTime withdrawnAt, String withdrawalNotice) {
    }

    record Correction(long id, long recordId, long caseId, String reason, String evidence, String contact,
            OffsetDateTime requestedAt, String status, String result) {
    }

    record PendingRemedy(long id, long caseId, Remedy kind, String reason, Long changedDocumentId,
            LocalDate changedDecidedOn, OffsetDateTime receivedAt) {
    }

    record Notice(String decisionNo, String agencyName, OffsetDateTime withdrawnAt, String notice) {
    }

    record Page(List<PublicRecord> items, long total) {
    }

    private static final String PUBLIC_COLUMNS = """
            id, agency_name, target, category, conclusion, decision_no, filed_on, facts, basis, penalty, decided_on,
            published_at, corrected_at, supersedes_id, full_text, public_until""";

    private final JdbcClient jdbc;

    DisclosureStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insertDraft(long caseId, String agencyId, String processInstanceId, Long supersedes, DecisionKind kind,
            Long documentId, PublicRecord text, OffsetDateTime dueAt) {
        jdbc.sql("""
                INSERT INTO disclosure_record (case_id, agency_id, process_instance_id, supersedes_id, decision_kind,
                    decision_document_id, status, agency_name, target, category, conclusion, decision_no, filed_on,
                    facts, basis, penalty, decided_on, full_text, due_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?, 'DRAFT', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(caseId, agencyId, processInstanceId, supersedes, kind.name(), documentId, text.agencyName(),
                        text.target(), text.category(), text.conclusion(), text.decisionNo(), text.filedOn(),
                        text.facts(), text.basis(), text.penalty(), text.decidedOn(), text.fullText(), dueAt,
                        Dates.now())
                .update();
        return jdbc.sql("SELECT MAX(id) FROM disclosure_record WHERE process_instance_id = ?")
                .param(processInstanceId).query(Long.class).single();
    }

    /** The redacted text as prepared, and the exemption that applies. */
    void prepare(long id, PublicRecord text, String exemption, String handling, String reason, String basis,
            String preparedBy) {
        jdbc.sql("""
                UPDATE disclosure_record SET target = ?, conclusion = ?, facts = ?, basis = ?, penalty = ?,
                    full_text = ?, exemption = ?, exemption_handling = ?, exemption_reason = ?, exemption_basis = ?,
                    prepared_by = ?
                WHERE id = ? AND status = 'DRAFT'""")
                .params(text.target(), text.conclusion(), text.facts(), text.basis(), text.penalty(), text.fullText(),
                        exemption, handling, reason, basis, preparedBy, id).update();
    }

    void dueAt(long id, OffsetDateTime dueAt) {
        jdbc.sql("UPDATE disclosure_record SET due_at = ? WHERE id = ?").params(dueAt, id).update();
    }

    void publish(long id, String reviewedBy, OffsetDateTime at, String termEntry, OffsetDateTime publicUntil) {
        jdbc.sql("""
                UPDATE disclosure_record SET status = 'PUBLISHED', reviewed_by = ?, published_at = ?, term_entry = ?,
                    public_until = ? WHERE id = ? AND status = 'DRAFT'""")
                .params(reviewedBy, at, termEntry, publicUntil, id).update();
    }

    /** The publication term is over: the record leaves the public side. */
    boolean end(long id, OffsetDateTime at) {
        return jdbc.sql("UPDATE disclosure_record SET status = 'ENDED', ended_at = ? WHERE id = ? AND status = 'PUBLISHED'")
                .params(at, id).update() > 0;
    }

    /** When the term of a record whose publication ended was over. */
    Optional<OffsetDateTime> endedAt(long id) {
        return jdbc.sql("SELECT ended_at FROM disclosure_record WHERE id = ? AND status = 'ENDED'").param(id)
                .query(OffsetDateTime.class).optional();
    }

    void withhold(long id, String approvedBy) {
        jdbc.sql("UPDATE disclosure_record SET status = 'WITHHELD', reviewed_by = ? WHERE id = ? AND status = 'DRAFT'")
                .params(approvedBy, id).update();
    }

    /** A draft that will never be published: its decision was revoked or changed first. */
    void abandon(long id) {
        jdbc.sql("UPDATE disclosure_record SET status = 'ABANDONED' WHERE id = ? AND status = 'DRAFT'").param(id)
                .update();
    }

    void remedyReceived(long id, OffsetDateTime receivedAt) {
        jdbc.sql("UPDATE disclosure_record SET remedy_received_at = ? WHERE id = ?").params(receivedAt, id).update();
    }

    void withdrawalDueAt(long id, OffsetDateTime dueAt) {
        jdbc.sql("UPDATE disclosure_record SET withdrawal_due_at = ? WHERE id = ?").params(dueAt, id).update();
    }

    void withdraw(long id, String by, OffsetDateTime at, String notice) {
        jdbc.sql("""
                UPDATE disclosure_record SET status = 'WITHDRAWN', withdrawn_by = ?, withdrawn_at = ?,
                    withdrawal_notice = ? WHERE id = ? AND status = 'PUBLISHED'""")
                .params(by, at, notice, id).update();
    }

    /** A granted correction: the published text replaced by the reviewed one. */
    void correct(long id, PublicRecord text, OffsetDateTime at) {
        jdbc.sql("""
                UPDATE disclosure_record SET target = ?, conclusion = ?, facts = ?, basis = ?, penalty = ?,
                    corrected_at = ? WHERE id = ? AND status = 'PUBLISHED'""")
                .params(text.target(), text.conclusion(), text.facts(), text.basis(), text.penalty(), at, id).update();
    }

    Optional<Row> find(long id) {
        return jdbc.sql("SELECT * FROM disclosure_record WHERE id = ?").param(id).query(DisclosureStore::row)
                .optional();
    }

    Optional<Row> published(long caseId) {
        return jdbc.sql("SELECT * FROM disclosure_record WHERE case_id = ? AND status = 'PUBLISHED' ORDER BY id DESC")
                .param(caseId).query(DisclosureStore::row).stream().findFirst();
    }

    List<Row> ofCase(long caseId) {
        return jdbc.sql("SELECT * FROM disclosure_record WHERE case_id = ? ORDER BY id").param(caseId)
                .query(DisclosureStore::row).list();
    }

    /** Published records only; {@code q} matches the (redacted) target, number, agency, facts and conclusion. */
    Page publicPage(String q, LocalDate from, LocalDate to, DecisionKind kind, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE status = 'PUBLISHED'");
        List<Object> params = new ArrayList<>();
        if (q != null && !q.isBlank()) {
            where.append(" AND (LOWER(target) LIKE ? OR LOWER(decision_no) LIKE ? OR LOWER(agency_name) LIKE ?"
                    + " OR LOWER(facts) LIKE ? OR LOWER(conclusion) LIKE ?)");
            String like = "%" + q.strip().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                    + "%";
            for (int i = 0; i < 5; i++) {
                params.add(like);
            }
        }
        if (from != null) {
            where.append(" AND decided_on >= ?");
            params.add(from);
        }
        if (to != null) {
            where.append(" AND decided_on <= ?");
            params.add(to);
        }
        if (kind != null) {
            where.append(" AND decision_kind = ?");
            params.add(kind.name());
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM disclosure_record" + where).params(params).query(Long.class)
                .single();
        List<Object> paged = new ArrayList<>(params);
        paged.add(size);
        paged.add((long) page * size);
        List<PublicRecord> items = jdbc.sql("SELECT " + PUBLIC_COLUMNS + " FROM disclosure_record" + where
                + " ORDER BY decided_on DESC, id DESC LIMIT ? OFFSET ?").params(paged)
                .query(DisclosureStore::publicRow).list();
        return new Page(items, total);
    }

    Optional<PublicRecord> publicOne(long id) {
        return jdbc.sql("SELECT " + PUBLIC_COLUMNS + " FROM disclosure_record WHERE id = ? AND status = 'PUBLISHED'")
                .param(id).query(DisclosureStore::publicRow).optional();
    }

    boolean isWithdrawn(long id) {
        return jdbc.sql("SELECT COUNT(*) FROM disclosure_record WHERE id = ? AND status = 'WITHDRAWN'").param(id)
                .query(Long.class).single() > 0;
    }

    /** The public notices of withdrawals (why, not what): newest first. */
    List<Notice> notices(int limit) {
        return jdbc.sql("""
                SELECT decision_no, agency_name, withdrawn_at, withdrawal_notice FROM disclosure_record
                WHERE status = 'WITHDRAWN' AND withdrawal_notice IS NOT NULL ORDER BY withdrawn_at DESC LIMIT ?""")
                .param(limit).query((rs, i) -> new Notice(rs.getString(1), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class), rs.getString(4))).list();
    }

    Optional<Notice> notice(long id) {
        return jdbc.sql("""
                SELECT decision_no, agency_name, withdrawn_at, withdrawal_notice FROM disclosure_record
                WHERE id = ? AND status = 'WITHDRAWN' AND withdrawal_notice IS NOT NULL""")
                .param(id).query((rs, i) -> new Notice(rs.getString(1), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class), rs.getString(4))).optional();
    }

    long insertRemedy(long caseId, Remedy kind, String reason, Long changedDocumentId, LocalDate changedDecidedOn,
            OffsetDateTime receivedAt) {
        jdbc.sql("""
                INSERT INTO disclosure_remedy (case_id, remedy_kind, reason, changed_document_id, changed_decided_on,
                    received_at) VALUES (?, ?, ?, ?, ?, ?)""")
                .params(caseId, kind.name(), reason, changedDocumentId, changedDecidedOn, receivedAt).update();
        return jdbc.sql("SELECT MAX(id) FROM disclosure_remedy WHERE case_id = ?").param(caseId).query(Long.class)
                .single();
    }

    /** The oldest remedy of the case that no process has taken yet, now taken. */
    Optional<PendingRemedy> takeRemedy(long caseId) {
        Optional<PendingRemedy> remedy = jdbc.sql("""
                SELECT id, case_id, remedy_kind, reason, changed_document_id, changed_decided_on, received_at
                FROM disclosure_remedy WHERE case_id = ? AND consumed_at IS NULL ORDER BY id""").param(caseId)
                .query((rs, i) -> new PendingRemedy(rs.getLong(1), rs.getLong(2), Remedy.valueOf(rs.getString(3)),
                        rs.getString(4), (Long) rs.getObject(5, Long.class), rs.getObject(6, LocalDate.class),
                        rs.getObject(7, OffsetDateTime.class))).stream().findFirst();
        remedy.ifPresent(r -> jdbc.sql("UPDATE disclosure_remedy SET consumed_at = ? WHERE id = ?")
                .params(Dates.now(), r.id()).update());
        return remedy;
    }

    long insertCorrection(long recordId, long caseId, String reason, String evidence, String contact,
            String requesterKey, OffsetDateTime at) {
        jdbc.sql("""
                INSERT INTO disclosure_correction (record_id, case_id, reason, evidence, contact, requester_key,
                    requested_at, status) VALUES (?, ?, ?, ?, ?, ?, ?, 'OPEN')""")
                .params(recordId, caseId, reason, evidence, contact, requesterKey, at).update();
        return jdbc.sql("SELECT MAX(id) FROM disclosure_correction WHERE record_id = ?").param(recordId)
                .query(Long.class).single();
    }

    /** The oldest request of the case that no correction task has taken yet, now taken by this process. */
    Optional<Correction> takeCorrection(long caseId, String processInstanceId) {
        Optional<Correction> correction = jdbc.sql("SELECT * FROM disclosure_correction WHERE case_id = ?"
                + " AND taken_at IS NULL ORDER BY id").param(caseId).query(DisclosureStore::correction).stream()
                .findFirst();
        correction.ifPresent(c -> jdbc.sql("UPDATE disclosure_correction SET taken_at = ?, process_instance_id = ?"
                + " WHERE id = ?").params(Dates.now(), processInstanceId, c.id()).update());
        return correction;
    }

    Optional<Correction> correction(long id) {
        return jdbc.sql("SELECT * FROM disclosure_correction WHERE id = ?").param(id)
                .query(DisclosureStore::correction).optional();
    }

    void finishCorrection(long id, String status, String result, String by, OffsetDateTime at) {
        jdbc.sql("""
                UPDATE disclosure_correction SET status = ?, result = ?, handled_by = ?, handled_at = ?
                WHERE id = ? AND status = 'OPEN'""").params(status, result, by, at, id).update();
    }

    long correctionsSince(String requesterKey, OffsetDateTime since) {
        return jdbc.sql("SELECT COUNT(*) FROM disclosure_correction WHERE requester_key = ? AND requested_at >= ?")
                .params(requesterKey, since).query(Long.class).single();
    }

    /** Every record whose decision falls in the range (for the timeliness figures), drafts and withheld included. */
    List<Row> decidedBetween(LocalDate from, LocalDate to, Collection<String> agencyIds) {
        StringBuilder sql = new StringBuilder("SELECT * FROM disclosure_record WHERE decided_on >= ? AND decided_on <= ?");
        List<Object> params = new ArrayList<>(List.of(from, to));
        if (agencyIds != null) {
            if (agencyIds.isEmpty()) {
                return List.of();
            }
            sql.append(" AND agency_id IN (").append(String.join(", ", Collections.nCopies(agencyIds.size(), "?")))
                    .append(')');
            params.addAll(agencyIds);
        }
        return jdbc.sql(sql + " ORDER BY id").params(params).query(DisclosureStore::row).list();
    }

    private static Row row(ResultSet rs, int i) throws SQLException {
        return new Row(rs.getLong("id"), rs.getLong("case_id"), rs.getString("agency_id"),
                rs.getString("process_instance_id"), rs.getObject("supersedes_id", Long.class),
                DecisionKind.valueOf(rs.getString("decision_kind")), rs.getObject("decision_document_id", Long.class),
                rs.getString("status"), publicRow(rs, i), rs.getString("exemption"),
                rs.getString("exemption_handling"), rs.getString("exemption_reason"), rs.getString("exemption_basis"),
                rs.getObject("due_at", OffsetDateTime.class), rs.getObject("published_at", OffsetDateTime.class),
                rs.getObject("withdrawal_due_at", OffsetDateTime.class),
                rs.getObject("withdrawn_at", OffsetDateTime.class), rs.getString("withdrawal_notice"));
    }

    private static PublicRecord publicRow(ResultSet rs, int i) throws SQLException {
        return new PublicRecord(rs.getLong("id"), rs.getString("agency_name"), rs.getString("target"),
                rs.getString("category"), rs.getString("conclusion"), rs.getString("decision_no"),
                rs.getObject("filed_on", LocalDate.class), rs.getString("facts"), rs.getString("basis"),
                rs.getString("penalty"), rs.getObject("decided_on", LocalDate.class),
                rs.getObject("published_at", OffsetDateTime.class), rs.getObject("corrected_at", OffsetDateTime.class),
                rs.getObject("supersedes_id", Long.class), rs.getString("full_text"),
                rs.getObject("public_until", OffsetDateTime.class));
    }

    private static Correction correction(ResultSet rs, int i) throws SQLException {
        return new Correction(rs.getLong("id"), rs.getLong("record_id"), rs.getLong("case_id"), rs.getString("reason"),
                rs.getString("evidence"), rs.getString("contact"), rs.getObject("requested_at", OffsetDateTime.class),
                rs.getString("status"), rs.getString("result"));
    }
}
