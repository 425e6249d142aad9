package cn.zhifa.documents;

import cn.zhifa.system.EngineClock;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/** case_document: one row per generated version; rows are only ever inserted. */
@Component
class DocumentStore {

    private static final ZoneId ZONE = EngineClock.ZONE;
    private static final String COLUMNS = "id, case_id, type, version, file_name, sha256, size_bytes, created_at, created_by";

    private final JdbcClient jdbc;

    DocumentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    int nextVersion(long caseId, DocumentType type) {
        return jdbc.sql("SELECT COALESCE(MAX(version), 0) + 1 FROM case_document WHERE case_id = ? AND type = ?")
                .params(caseId, type.name()).query(Integer.class).single();
    }

    long insert(long caseId, DocumentType type, int version, String fileName, String sha256, long size,
            OffsetDateTime at, String actor) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO case_document (case_id, type, version, file_name, sha256, size_bytes, created_at, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(caseId, type.name(), version, fileName, sha256, size, at, actor)
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    Optional<StoredDocument> find(long documentId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM case_document WHERE id = ?").param(documentId)
                .query(DocumentStore::row).optional();
    }

    List<StoredDocument> ofCase(long caseId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM case_document WHERE case_id = ? ORDER BY type, version")
                .param(caseId).query(DocumentStore::row).list();
    }

    Optional<StoredDocument> latest(long caseId, DocumentType type) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM case_document WHERE case_id = ? AND type = ? "
                        + "ORDER BY version DESC FETCH FIRST 1 ROWS ONLY")
                .params(caseId, type.name()).query(DocumentStore::row).optional();
    }

    private static StoredDocument row(ResultSet rs, int i) throws SQLException {
        DocumentType type = DocumentType.valueOf(rs.getString(3));
        return new StoredDocument(rs.getLong(1), rs.getLong(2), type, type.chineseName(), rs.getInt(4),
                rs.getString(5), rs.getString(6), rs.getLong(7),
                rs.getObject(8, OffsetDateTime.class).atZoneSameInstant(ZONE).toOffsetDateTime(), rs.getString(9));
    }
}
