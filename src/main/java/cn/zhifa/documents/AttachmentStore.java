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

/** case_attachment: one row per upload, never changed. */
@Component
class AttachmentStore {

    private static final ZoneId ZONE = EngineClock.ZONE;
    private static final String COLUMNS = """
            id, case_id, kind, file_name, content_type, sha256, size_bytes, description, av_case_no, captured_at,
            captured_place, captured_by, proves_what, late_upload, uploaded_at, uploaded_by""";

    private final JdbcClient jdbc;

    AttachmentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long caseId, NewAttachment upload, String fileName, ContentStore.Stored stored, boolean late,
            OffsetDateTime at, String actor) {
        AudioVideoMetadata av = upload.audioVideo();
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO case_attachment (case_id, kind, file_name, content_type, sha256, size_bytes, description,
                    av_case_no, captured_at, captured_place, captured_by, proves_what, late_upload, uploaded_at,
                    uploaded_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(caseId, upload.kind().name(), fileName, upload.contentType(), stored.sha256(), stored.size(),
                        upload.description(), av == null ? null : av.caseNo(), av == null ? null : av.capturedAt(),
                        av == null ? null : av.capturedPlace(), av == null ? null : av.capturedBy(),
                        av == null ? null : av.provesWhat(), late, at, actor)
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    Optional<Attachment> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM case_attachment WHERE id = ?").param(id)
                .query(AttachmentStore::row).optional();
    }

    List<Attachment> ofCase(long caseId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM case_attachment WHERE case_id = ? ORDER BY id").param(caseId)
                .query(AttachmentStore::row).list();
    }

    long countLate() {
        return jdbc.sql("SELECT COUNT(*) FROM case_attachment WHERE late_upload = TRUE").query(Long.class).single();
    }

    private static Attachment row(ResultSet rs, int i) throws SQLException {
        AttachmentKind kind = AttachmentKind.valueOf(rs.getString(3));
        AudioVideoMetadata av = kind == AttachmentKind.AUDIO_VIDEO
                ? new AudioVideoMetadata(rs.getString(9), local(rs.getObject(10, OffsetDateTime.class)),
                        rs.getString(11), rs.getString(12), rs.getString(13))
                : null;
        return new Attachment(rs.getLong(1), rs.getLong(2), kind, rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getLong(7), rs.getString(8), av, rs.getBoolean(14), local(rs.getObject(15, OffsetDateTime.class)),
                rs.getString(16));
    }

    private static OffsetDateTime local(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(ZONE).toOffsetDateTime();
    }
}
