package cn.zhifa.service;

import cn.zhifa.system.EngineClock;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/** document_service and service_attempt: a service row changes status; attempts are only ever inserted. */
@Component
class ServiceStore {

    private final JdbcClient jdbc;

    ServiceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long open(long caseId, String processInstanceId, long documentId, String documentName, String recipient,
            OffsetDateTime at, String startedBy) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO document_service (case_id, process_instance_id, document_id, document_name, recipient,
                    status, started_at, started_by) VALUES (?, ?, ?, ?, ?, 'IN_PROGRESS', ?, ?)""")
                .params(caseId, processInstanceId, documentId, documentName, recipient, at, startedBy)
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    void receipt(long serviceId, long receiptDocumentId) {
        jdbc.sql("UPDATE document_service SET receipt_document_id = ? WHERE id = ?")
                .params(receiptDocumentId, serviceId).update();
    }

    int attempt(long serviceId, ServiceMethod method, String outcome, LocalDate date, String note, String evidence,
            String recordedBy, OffsetDateTime at) {
        int seq = jdbc.sql("SELECT COALESCE(MAX(seq), 0) + 1 FROM service_attempt WHERE service_id = ?")
                .param(serviceId).query(Integer.class).single();
        jdbc.sql("""
                INSERT INTO service_attempt (service_id, seq, method, outcome, event_date, note, evidence,
                    recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(serviceId, seq, method.name(), outcome, date, note, evidence, recordedBy, at).update();
        return seq;
    }

    void announced(long serviceId, LocalDate announcedOn, LocalDate deemedServed) {
        jdbc.sql("""
                UPDATE document_service SET status = 'ANNOUNCED', service_method = 'ANNOUNCEMENT', announced_on = ?,
                    service_date = ? WHERE id = ?""").params(announcedOn, deemedServed, serviceId).update();
    }

    void served(long serviceId, ServiceMethod method, LocalDate serviceDate, OffsetDateTime at) {
        jdbc.sql("""
                UPDATE document_service SET status = 'SERVED', service_method = ?, service_date = ?, served_at = ?
                WHERE id = ?""").params(method.name(), serviceDate, at, serviceId).update();
    }

    List<ServedDocument> ofCase(long caseId) {
        Map<Long, List<ServedDocument.Attempt>> attempts = jdbc.sql("""
                SELECT a.service_id, a.seq, a.method, a.outcome, a.event_date, a.note, a.evidence, a.recorded_by,
                    a.recorded_at FROM service_attempt a JOIN document_service s ON s.id = a.service_id
                WHERE s.case_id = ? ORDER BY a.service_id, a.seq""").param(caseId)
                .query((rs, i) -> Map.entry(rs.getLong(1), attempt(rs))).list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return jdbc.sql("""
                SELECT id, process_instance_id, document_id, document_name, recipient, status, service_method,
                    service_date, announced_on, receipt_document_id, started_at, started_by, served_at
                FROM document_service WHERE case_id = ? ORDER BY id""").param(caseId)
                .query((rs, i) -> service(rs, attempts)).list();
    }

    private static ServedDocument service(ResultSet rs, Map<Long, List<ServedDocument.Attempt>> attempts)
            throws SQLException {
        long id = rs.getLong(1);
        ServiceMethod method = rs.getString(7) == null ? null : ServiceMethod.valueOf(rs.getString(7));
        Long receipt = rs.getObject(10, Long.class);
        return new ServedDocument(id, rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                ServedDocument.Status.valueOf(rs.getString(6)), method, method == null ? null : method.chineseName(),
                rs.getObject(8, LocalDate.class), rs.getObject(9, LocalDate.class), receipt, local(rs, 11),
                rs.getString(12), local(rs, 13), attempts.getOrDefault(id, List.of()));
    }

    private static ServedDocument.Attempt attempt(ResultSet rs) throws SQLException {
        ServiceMethod method = ServiceMethod.valueOf(rs.getString(3));
        String evidence = rs.getString(7);
        List<Long> ids = evidence == null || evidence.isBlank() ? List.of()
                : Arrays.stream(evidence.split(",")).map(Long::valueOf).toList();
        return new ServedDocument.Attempt(rs.getInt(2), method, method.chineseName(), rs.getString(4),
                rs.getObject(5, LocalDate.class), rs.getString(6), ids, rs.getString(8), local(rs, 9));
    }

    private static OffsetDateTime local(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.atZoneSameInstant(EngineClock.ZONE).toOffsetDateTime();
    }
}
