package cn.zhifa.casefile;

import cn.zhifa.system.EngineClock;
import cn.zhifa.system.TransactionCache;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * The case register's tables: case_file, case_party, case_officer. Reads of one case are cached for the rest of the
 * transaction ({@link TransactionCache}): the listeners of one click each ask for the same case. Every write here
 * (and {@link CaseNumbering}'s) evicts that case.
 */
@Component
class CaseStore {

    /** The owner of this store's transaction cache entries. */
    static final Object CACHE = CaseStore.class;

    /** What is cached of one case. */
    private record Cached(String what, long caseId) {
    }

    static final ZoneId ZONE = EngineClock.ZONE;
    private static final String SUMMARY_COLUMNS = """
            c.id, c.case_no, c.kind, c.agency_id, c.handling_unit_id, c.title, c.stage, c.created_at, c.created_by,
            c.overdue, c.submitted_for_review""";

    private final JdbcClient jdbc;

    CaseStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insertCase(CaseKind kind, String agencyId, String unitId, String title, OffsetDateTime now, String actor) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO case_file (kind, agency_id, handling_unit_id, title, stage, created_at, created_by,
                    stage_changed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(kind.name(), agencyId, unitId, title, CaseStage.CLUE.name(), now, actor, now)
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    void insertParty(long caseId, int position, NewCase.NewParty party) {
        evict(caseId);
        jdbc.sql("""
                INSERT INTO case_party (case_id, position, kind, name, id_number, address, legal_representative, phone)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(caseId, position, party.kind().name(), party.name().strip(),
                        party.idNumber().strip().toUpperCase(), blankToNull(party.address()),
                        blankToNull(party.legalRepresentative()), blankToNull(party.phone()))
                .update();
    }

    void insertOfficer(long caseId, String userId, OfficerRole role, OffsetDateTime now) {
        evict(caseId);
        jdbc.sql("INSERT INTO case_officer (case_id, user_id, role, assigned_at) VALUES (?, ?, ?, ?)")
                .params(caseId, userId, role.name(), now).update();
    }

    Optional<CaseSummary> summary(long caseId) {
        return Optional.ofNullable(TransactionCache.get(CACHE, new Cached("summary", caseId), () ->
                jdbc.sql("SELECT " + SUMMARY_COLUMNS + " FROM case_file c WHERE c.id = ?").param(caseId)
                        .query(CaseStore::summaryRow).optional().orElse(null)));
    }

    /** Forgets what this transaction read of the case, after it changed the case. */
    static void evict(long caseId) {
        TransactionCache.evict(CACHE, key -> key instanceof Cached c && c.caseId() == caseId
                && !c.what().equals("locked"));
    }

    Optional<Long> idOfNumber(String caseNo) {
        return jdbc.sql("SELECT id FROM case_file WHERE case_no = ?").param(caseNo).query(Long.class).optional();
    }

    /** The case, locked until the end of the transaction; a second call in the same transaction does not lock again. */
    Optional<CaseSummary> summaryForUpdate(long caseId) {
        Cached locked = new Cached("locked", caseId);
        if (TransactionCache.get(CACHE, locked, () -> null) != null) {
            return summary(caseId);
        }
        Optional<CaseSummary> summary = jdbc.sql("SELECT " + SUMMARY_COLUMNS + " FROM case_file c WHERE c.id = ? FOR UPDATE")
                .param(caseId).query(CaseStore::summaryRow).optional();
        summary.ifPresent(s -> {
            TransactionCache.put(CACHE, locked, Boolean.TRUE);
            TransactionCache.put(CACHE, new Cached("summary", caseId), s);
        });
        return summary;
    }

    Map<String, String> unitNames(Set<String> unitIds) {
        return TransactionCache.get(CACHE, Set.copyOf(unitIds), () -> Map.copyOf(readUnitNames(unitIds)));
    }

    private Map<String, String> readUnitNames(Set<String> unitIds) {
        Map<String, String> names = new HashMap<>();
        jdbc.sql("SELECT id, name FROM org_unit WHERE id IN (:ids)").param("ids", unitIds)
                .query((ResultSet rs) -> {
                    names.put(rs.getString(1), rs.getString(2));
                });
        return names;
    }

    List<Party> parties(long caseId) {
        return TransactionCache.get(CACHE, new Cached("parties", caseId), () -> List.copyOf(jdbc.sql("""
                SELECT id, kind, name, id_number, address, legal_representative, phone
                FROM case_party WHERE case_id = ? ORDER BY position""")
                .param(caseId)
                .query((rs, i) -> new Party(rs.getLong(1), PartyKind.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)))
                .list()));
    }

    record OfficerRow(String userId, OfficerRole role) {
    }

    List<OfficerRow> officers(long caseId) {
        return TransactionCache.get(CACHE, new Cached("officers", caseId), () -> List.copyOf(jdbc.sql(
                        "SELECT user_id, role FROM case_officer WHERE case_id = ? ORDER BY role, assigned_at, user_id")
                .param(caseId)
                .query((rs, i) -> new OfficerRow(rs.getString(1), OfficerRole.valueOf(rs.getString(2))))
                .list()));
    }

    void updateOfficerRole(long caseId, String userId, OfficerRole role) {
        evict(caseId);
        jdbc.sql("UPDATE case_officer SET role = ? WHERE case_id = ? AND user_id = ?").params(role.name(), caseId, userId)
                .update();
    }

    void updateStage(long caseId, CaseStage stage, OffsetDateTime now) {
        evict(caseId);
        jdbc.sql("UPDATE case_file SET stage = ?, stage_changed_at = ? WHERE id = ?").params(stage.name(), now, caseId)
                .update();
    }

    boolean updateFlag(long caseId, String column, boolean value) {
        evict(caseId);
        // column is one of two constants of CaseRegister, never user input
        return jdbc.sql("UPDATE case_file SET " + column + " = ? WHERE id = ? AND " + column + " <> ?")
                .params(value, caseId, value).update() > 0;
    }

    /** The cases matching the query among those the viewer may see, newest first. */
    List<CaseSummary> search(CaseQuery query, CaseVisibility.Viewer viewer, int limit) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        where.add(viewer.sqlCondition(params));
        if (hasText(query.caseNo())) {
            where.add("c.case_no LIKE :caseNo ESCAPE '\\'");
            params.put("caseNo", "%" + escapeLike(query.caseNo().strip()) + "%");
        }
        if (hasText(query.party())) {
            where.add("""
                    EXISTS (SELECT 1 FROM case_party p WHERE p.case_id = c.id
                        AND (p.name LIKE :partyName ESCAPE '\\' OR p.id_number = :partyNumber))""");
            params.put("partyName", "%" + escapeLike(query.party().strip()) + "%");
            params.put("partyNumber", query.party().strip().toUpperCase());
        }
        if (hasText(query.text())) {
            String text = query.text().strip();
            String registration = text.startsWith(CaseSummary.REGISTRATION_PREFIX)
                    ? text.substring(CaseSummary.REGISTRATION_PREFIX.length()).strip() : text;
            where.add("""
                    (c.case_no LIKE :text ESCAPE '\\' OR c.title LIKE :text ESCAPE '\\' OR c.id = :registration
                        OR EXISTS (SELECT 1 FROM case_party p WHERE p.case_id = c.id AND p.name LIKE :text ESCAPE '\\'))""");
            params.put("text", "%" + escapeLike(text) + "%");
            params.put("registration", registration.matches("\\d{1,18}") ? Long.parseLong(registration) : -1L);
        }
        if (query.stage() != null) {
            where.add("c.stage = :stage");
            params.put("stage", query.stage().name());
        }
        if (hasText(query.unitId())) {
            where.add("c.handling_unit_id = :unit");
            params.put("unit", query.unitId().strip());
        }
        if (query.overdue() != null) {
            where.add("c.overdue = :overdue");
            params.put("overdue", query.overdue());
        }
        return jdbc.sql("SELECT " + SUMMARY_COLUMNS + " FROM case_file c WHERE " + String.join(" AND ", where)
                        + " ORDER BY c.id DESC FETCH FIRST " + limit + " ROWS ONLY")
                .params(params)
                .query(CaseStore::summaryRow)
                .list();
    }

    /** Those of {@code caseIds} the viewer may see. */
    Set<Long> visibleAmong(Set<Long> caseIds, CaseVisibility.Viewer viewer) {
        if (caseIds.isEmpty()) {
            return Set.of();
        }
        Map<String, Object> params = new HashMap<>();
        String condition = viewer.sqlCondition(params);
        params.put("caseIds", caseIds);
        return Set.copyOf(jdbc.sql("SELECT c.id FROM case_file c WHERE c.id IN (:caseIds) AND " + condition)
                .params(params).query(Long.class).list());
    }

    boolean visible(long caseId, CaseVisibility.Viewer viewer) {
        Map<String, Object> params = new HashMap<>();
        String condition = viewer.sqlCondition(params);
        params.put("caseId", caseId);
        return jdbc.sql("SELECT COUNT(*) FROM case_file c WHERE c.id = :caseId AND " + condition).params(params)
                .query(Long.class).single() > 0;
    }

    private static CaseSummary summaryRow(ResultSet rs, int row) throws SQLException {
        return new CaseSummary(rs.getLong(1), rs.getString(2), CaseKind.valueOf(rs.getString(3)), rs.getString(4),
                rs.getString(5), rs.getString(6), CaseStage.valueOf(rs.getString(7)), local(rs.getObject(8,
                OffsetDateTime.class)), rs.getString(9), rs.getBoolean(10), rs.getBoolean(11));
    }

    static OffsetDateTime local(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(ZONE).toOffsetDateTime();
    }

    private static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }

    private static String blankToNull(String s) {
        return hasText(s) ? s.strip() : null;
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
