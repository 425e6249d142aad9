package cn.zhifa.record;

import cn.zhifa.system.EngineClock;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** case_record_entry (insert and read only) and case_record_head, the per-case chain head that serialises appends. */
@Component
class RecordStore {

    private static final ZoneId ZONE = EngineClock.ZONE;

    record Head(long lastSeq, String lastHash) {
    }

    private final JdbcClient jdbc;
    private final String caseRowLock;

    RecordStore(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.caseRowLock = caseRowLockFor(dataSource);
    }

    /**
     * PostgreSQL: FOR NO KEY UPDATE, because an append holding the head inserts an entry whose foreign key takes a
     * KEY SHARE lock on the case row; FOR UPDATE there would deadlock with a second first-append waiting on the head.
     */
    private static String caseRowLockFor(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            return product.toLowerCase().contains("postgres") ? "FOR NO KEY UPDATE" : "FOR UPDATE";
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database product", e);
        }
    }

    /**
     * Locks the chain head of the case until the end of the transaction, creating it on the first append. Creation
     * is serialised on the case row, so two first appends cannot both insert a head. Empty if the case does not exist.
     */
    Optional<Head> lockHead(long caseId) {
        Optional<Head> head = headForUpdate(caseId);
        if (head.isPresent()) {
            return head;
        }
        boolean caseExists = jdbc.sql("SELECT id FROM case_file WHERE id = ? " + caseRowLock).param(caseId)
                .query(Long.class).optional().isPresent();
        if (!caseExists) {
            return Optional.empty();
        }
        head = headForUpdate(caseId);
        if (head.isPresent()) {
            return head;
        }
        jdbc.sql("INSERT INTO case_record_head (case_id, last_seq, last_hash) VALUES (?, 0, ?)")
                .params(caseId, RecordHashing.GENESIS).update();
        return headForUpdate(caseId);
    }

    private Optional<Head> headForUpdate(long caseId) {
        return jdbc.sql("SELECT last_seq, last_hash FROM case_record_head WHERE case_id = ? FOR UPDATE").param(caseId)
                .query((rs, i) -> new Head(rs.getLong(1), rs.getString(2))).optional();
    }

    Optional<Head> head(long caseId) {
        return jdbc.sql("SELECT last_seq, last_hash FROM case_record_head WHERE case_id = ?").param(caseId)
                .query((rs, i) -> new Head(rs.getLong(1), rs.getString(2))).optional();
    }

    void insert(RecordEntry e) {
        jdbc.sql("""
                INSERT INTO case_record_entry (case_id, seq, recorded_at, actor, action, summary, data_json,
                    data_digest, previous_hash, entry_hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(e.caseId(), e.seq(), e.recordedAt(), e.actor(), e.action(), e.summary(), e.data(),
                        e.dataDigest(), e.previousHash(), e.entryHash())
                .update();
        jdbc.sql("UPDATE case_record_head SET last_seq = ?, last_hash = ? WHERE case_id = ?")
                .params(e.seq(), e.entryHash(), e.caseId()).update();
    }

    List<RecordEntry> entries(long caseId) {
        return jdbc.sql("""
                SELECT case_id, seq, recorded_at, actor, action, summary, data_json, data_digest, previous_hash,
                    entry_hash
                FROM case_record_entry WHERE case_id = ? ORDER BY seq, id""")
                .param(caseId).query(RecordStore::entryRow).list();
    }

    private static RecordEntry entryRow(ResultSet rs, int row) throws SQLException {
        OffsetDateTime at = rs.getObject(3, OffsetDateTime.class).atZoneSameInstant(ZONE).toOffsetDateTime();
        return new RecordEntry(rs.getLong(1), rs.getLong(2), at, rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10));
    }
}
