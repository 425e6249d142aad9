package cn.zhifa.record;

import cn.zhifa.system.EngineClock;
import cn.zhifa.system.RowLocks;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * case_record_entry (insert and read only) and case_record_head, the per-case row that serialises appends. The head
 * is a lock and a pointer, not a proof: the application's database user may update it, so it is checked against the
 * entries (and the entries against the checkpoints) rather than trusted.
 */
@Component
class RecordStore {

    private static final ZoneId ZONE = EngineClock.ZONE;
    private static final String ENTRY_COLUMNS = """
            case_id, seq, recorded_at, actor, action, summary, data_json, data_digest, previous_hash, key_id, \
            entry_hash""";

    record Head(long lastSeq, String lastHash) {
    }

    /** The head row as it was when locked; {@code stored} is null when the row was missing and has been created. */
    record LockedHead(Head stored) {
    }

    /** Head and entries of one case read from one database snapshot. */
    record Snapshot(Head head, List<RecordEntry> entries) {
    }

    private final JdbcClient jdbc;
    private final String caseRowLock;
    private final boolean postgres;

    RecordStore(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        // an append holding the head inserts an entry whose foreign key checks the case row
        this.postgres = RowLocks.isPostgres(dataSource);
        this.caseRowLock = RowLocks.referredRowLock(postgres);
    }

    boolean isPostgres() {
        return postgres;
    }

    /**
     * Locks the chain head of the case until the end of the transaction, creating a genesis head when there is none
     * (the first append, or a deleted head row). Creation is serialised on the case row, so two appends cannot both
     * insert a head. Empty if the case does not exist.
     */
    Optional<LockedHead> lockHead(long caseId) {
        Optional<Head> head = headForUpdate(caseId);
        if (head.isPresent()) {
            return Optional.of(new LockedHead(head.get()));
        }
        boolean caseExists = jdbc.sql("SELECT id FROM case_file WHERE id = ? " + caseRowLock).param(caseId)
                .query(Long.class).optional().isPresent();
        if (!caseExists) {
            return Optional.empty();
        }
        head = headForUpdate(caseId);
        if (head.isPresent()) {
            return Optional.of(new LockedHead(head.get()));
        }
        jdbc.sql("INSERT INTO case_record_head (case_id, last_seq, last_hash) VALUES (?, 0, ?)")
                .params(caseId, RecordHashing.GENESIS).update();
        headForUpdate(caseId);
        return Optional.of(new LockedHead(null));
    }

    private Optional<Head> headForUpdate(long caseId) {
        return jdbc.sql("SELECT last_seq, last_hash FROM case_record_head WHERE case_id = ? FOR UPDATE").param(caseId)
                .query((rs, i) -> new Head(rs.getLong(1), rs.getString(2))).optional();
    }

    Optional<Head> head(long caseId) {
        return jdbc.sql("SELECT last_seq, last_hash FROM case_record_head WHERE case_id = ?").param(caseId)
                .query((rs, i) -> new Head(rs.getLong(1), rs.getString(2))).optional();
    }

    /** The entry with the highest seq: what the head should name. */
    Optional<RecordEntry> lastEntry(long caseId) {
        return jdbc.sql("SELECT " + ENTRY_COLUMNS + " FROM case_record_entry WHERE case_id = ? "
                        + "ORDER BY seq DESC, id DESC FETCH FIRST 1 ROW ONLY")
                .param(caseId).query(RecordStore::entryRow).optional();
    }

    /**
     * Writes consecutive entries of one case's chain, whose head the caller has locked, with one insert, and moves
     * the head to the last of them.
     */
    void insert(List<RecordEntry> entries) {
        List<Object> params = new ArrayList<>();
        for (RecordEntry e : entries) {
            params.addAll(Arrays.asList(e.caseId(), e.seq(), e.recordedAt(), e.actor(), e.action(), e.summary(),
                    e.data(), e.dataDigest(), e.previousHash(), e.keyId(), e.entryHash()));
        }
        String values = String.join(", ", Collections.nCopies(entries.size(), "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        jdbc.sql("INSERT INTO case_record_entry (" + ENTRY_COLUMNS + ") VALUES " + values).params(params).update();
        RecordEntry last = entries.get(entries.size() - 1);
        jdbc.sql("UPDATE case_record_head SET last_seq = ?, last_hash = ? WHERE case_id = ?")
                .params(last.seq(), last.entryHash(), last.caseId()).update();
    }

    List<RecordEntry> entries(long caseId) {
        return jdbc.sql("SELECT " + ENTRY_COLUMNS + " FROM case_record_entry WHERE case_id = ? ORDER BY seq, id")
                .param(caseId).query(RecordStore::entryRow).list();
    }

    /** The entries with one of {@code actions}, of every case with such an entry recorded at or after {@code since}. */
    List<RecordEntry> entriesOfCasesWith(Collection<String> actions, OffsetDateTime since) {
        String in = String.join(", ", Collections.nCopies(actions.size(), "?"));
        List<Object> params = new ArrayList<>(actions);
        params.add(since);
        params.addAll(actions);
        return jdbc.sql("SELECT " + ENTRY_COLUMNS + " FROM case_record_entry WHERE case_id IN (SELECT case_id FROM"
                        + " case_record_entry WHERE action IN (" + in + ") AND recorded_at >= ?) AND action IN (" + in
                        + ") ORDER BY case_id, seq")
                .params(params).query(RecordStore::entryRow).list();
    }

    /** Repeatable read, so that an append committing between the two queries cannot look like a broken chain. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    Snapshot snapshot(long caseId) {
        return new Snapshot(head(caseId).orElse(null), entries(caseId));
    }

    /** Cases with entries but no signed one: written before the record was signed, and not yet sealed. */
    List<Long> casesWithUnsealedEntries() {
        return jdbc.sql("""
                SELECT DISTINCT e.case_id FROM case_record_entry e
                WHERE e.key_id IS NULL
                  AND NOT EXISTS (SELECT 1 FROM case_record_entry s WHERE s.case_id = e.case_id AND s.key_id IS NOT NULL)
                ORDER BY e.case_id""").query(Long.class).list();
    }

    private static RecordEntry entryRow(ResultSet rs, int row) throws SQLException {
        OffsetDateTime at = rs.getObject(3, OffsetDateTime.class).atZoneSameInstant(ZONE).toOffsetDateTime();
        return new RecordEntry(rs.getLong(1), rs.getLong(2), at, rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11));
    }
}
