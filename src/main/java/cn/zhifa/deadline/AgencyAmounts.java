package cn.zhifa.deadline;

import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An agency's own length for a catalogue entry (table {@code deadline_agency_amount}): the catalogue's rule sets are
 * chosen for the whole installation, while the disclosure periods, for one, differ by province and agency.
 */
final class AgencyAmounts {

    private final JdbcClient jdbc;

    AgencyAmounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    DeadlineEntry apply(String agencyId, DeadlineEntry entry) {
        if (agencyId == null) {
            return entry;
        }
        return jdbc.sql("SELECT amount FROM deadline_agency_amount WHERE agency_id = ? AND entry_id = ?")
                .params(agencyId, entry.id()).query(Integer.class).optional()
                .map(amount -> new DeadlineEntry(entry.id(), entry.name(), amount, entry.unit(), entry.clockStart(),
                        entry.extension(), entry.partyFavourable(), entry.legalBasis(), entry.reminder(),
                        entry.escalation(), entry.pausable(), entry.countedBack()))
                .orElse(entry);
    }

    void set(String agencyId, String entryId, int amount, String legalBasis, OffsetDateTime at, String actor) {
        clear(agencyId, entryId);
        jdbc.sql("""
                INSERT INTO deadline_agency_amount (agency_id, entry_id, amount, legal_basis, updated_at, updated_by)
                VALUES (?, ?, ?, ?, ?, ?)""").params(agencyId, entryId, amount, legalBasis, at, actor).update();
    }

    void clear(String agencyId, String entryId) {
        jdbc.sql("DELETE FROM deadline_agency_amount WHERE agency_id = ? AND entry_id = ?").params(agencyId, entryId)
                .update();
    }
}
