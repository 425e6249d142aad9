package cn.zhifa.casefile;

import cn.zhifa.system.RowLocks;
import cn.zhifa.system.ZhifaException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Gives a case its number inside the caller's transaction. The case row and the (agency, year) counter row are locked
 * until commit, so numbers are unique and gap-free on any number of nodes: a rolled-back numbering also rolls back
 * its counter step. The first numbering of a year locks the agency's org_unit row to create the counter; on
 * PostgreSQL FOR NO KEY UPDATE, which still serialises the creators but not the foreign key checks of rows that
 * refer to the agency: a numbering transaction goes on to write such rows while holding the counter, and a creator
 * holding the agency row FOR UPDATE and waiting for the counter deadlocked with it.
 */
@Component
class CaseNumbering {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(prefix|agency|year|seq)(?::(\\d{1,2}))?}");

    private final JdbcClient jdbc;
    private final String format;
    private final String agencyRowLock;

    CaseNumbering(JdbcClient jdbc, DataSource dataSource, CasefileProperties properties) {
        this.jdbc = jdbc;
        this.format = properties.numberFormat();
        this.agencyRowLock = RowLocks.referredRowLock(RowLocks.isPostgres(dataSource));
    }

    record Numbered(String caseNo, String agencyId, int year, int seq, boolean fresh) {
    }

    /** Must run in a transaction. Returns the existing number if the case already has one. */
    Numbered assign(long caseId, int year) {
        record Locked(String caseNo, String agencyId, Integer year, Integer seq) {
        }
        Locked locked = jdbc.sql("SELECT case_no, agency_id, number_year, number_seq FROM case_file WHERE id = ? FOR UPDATE")
                .param(caseId)
                .query((rs, i) -> new Locked(rs.getString(1), rs.getString(2), (Integer) rs.getObject(3),
                        (Integer) rs.getObject(4)))
                .optional()
                .orElseThrow(() -> CaseRegister.notFound(caseId));
        if (locked.caseNo() != null) {
            return new Numbered(locked.caseNo(), locked.agencyId(), locked.year(), locked.seq(), false);
        }
        String prefix = jdbc.sql("SELECT case_number_prefix FROM org_unit WHERE id = ?").param(locked.agencyId())
                .query(String.class).optional().orElse(null);
        if (format.contains("{prefix") && (prefix == null || prefix.isBlank())) {
            throw new ZhifaException(HttpStatus.UNPROCESSABLE_ENTITY, "CASE_NUMBER_PREFIX_MISSING",
                    "执法机关未配置案件编号前缀，无法编号");
        }
        int seq = nextSeq(locked.agencyId(), year);
        String caseNo = format(format, prefix, locked.agencyId(), year, seq);
        jdbc.sql("UPDATE case_file SET case_no = ?, number_year = ?, number_seq = ? WHERE id = ?")
                .params(caseNo, year, seq, caseId).update();
        CaseStore.evict(caseId);
        return new Numbered(caseNo, locked.agencyId(), year, seq, true);
    }

    private int nextSeq(String agencyId, int year) {
        if (increment(agencyId, year) == 0) {
            // first number of the year: serialise the creation of the counter on the agency row
            jdbc.sql("SELECT id FROM org_unit WHERE id = ? " + agencyRowLock).param(agencyId).query(String.class)
                    .single();
            if (increment(agencyId, year) == 0) {
                jdbc.sql("INSERT INTO case_number_counter (agency_id, number_year, last_seq) VALUES (?, ?, 1)")
                        .params(agencyId, year).update();
            }
        }
        return jdbc.sql("SELECT last_seq FROM case_number_counter WHERE agency_id = ? AND number_year = ?")
                .params(agencyId, year).query(Integer.class).single();
    }

    private int increment(String agencyId, int year) {
        return jdbc.sql("UPDATE case_number_counter SET last_seq = last_seq + 1 WHERE agency_id = ? AND number_year = ?")
                .params(agencyId, year).update();
    }

    static String format(String format, String prefix, String agencyId, int year, int seq) {
        Matcher matcher = PLACEHOLDER.matcher(format);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = switch (matcher.group(1)) {
                case "prefix" -> Optional.ofNullable(prefix).orElse("");
                case "agency" -> agencyId;
                case "year" -> String.valueOf(year);
                default -> matcher.group(2) == null ? String.valueOf(seq)
                        : String.format("%0" + Integer.parseInt(matcher.group(2)) + "d", seq);
            };
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
