package cn.zhifa.disclosure;

import cn.zhifa.identity.StaffDirectory;
import cn.zhifa.system.ZhifaException;
import java.time.OffsetDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Each agency's {@link DisclosureRuleSet} (table disclosure_rule_set, V190): the defaults when it set none. */
@Component
class DisclosureRuleSets {

    private static final Logger log = LoggerFactory.getLogger(DisclosureRuleSets.class);

    private final JdbcClient jdbc;
    private final StaffDirectory staff;

    DisclosureRuleSets(JdbcClient jdbc, StaffDirectory staff) {
        this.jdbc = jdbc;
        this.staff = staff;
    }

    @Transactional(readOnly = true)
    DisclosureRuleSet of(String agencyId) {
        return jdbc.sql("SELECT full_text, low_fine_limit_fen, legal_basis FROM disclosure_rule_set WHERE agency_id = ?")
                .param(agencyId).query((rs, i) -> new DisclosureRuleSet(agencyId, rs.getBoolean(1),
                        rs.getObject(2, Long.class), rs.getString(3))).optional()
                .orElseGet(() -> DisclosureRuleSet.defaults(agencyId));
    }

    @Transactional
    DisclosureRuleSet update(DisclosureRuleSet rules, String actor) {
        if (!staff.agencyOfUnit(rules.agencyId()).map(rules.agencyId()::equals).orElse(false)) {
            throw new ZhifaException(HttpStatus.NOT_FOUND, "AGENCY_NOT_FOUND", "行政执法机关不存在：" + rules.agencyId());
        }
        OffsetDateTime now = Dates.now();
        int updated = jdbc.sql("""
                UPDATE disclosure_rule_set SET full_text = ?, low_fine_limit_fen = ?, legal_basis = ?, updated_at = ?,
                    updated_by = ? WHERE agency_id = ?""")
                .params(rules.fullText(), rules.lowFineLimitFen(), rules.legalBasis(), now, actor, rules.agencyId())
                .update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO disclosure_rule_set (agency_id, full_text, low_fine_limit_fen, legal_basis, updated_at,
                        updated_by) VALUES (?, ?, ?, ?, ?, ?)""")
                    .params(rules.agencyId(), rules.fullText(), rules.lowFineLimitFen(), rules.legalBasis(), now,
                            actor).update();
        }
        log.info("Disclosure rules of agency {} set by {}: full text {}, low fine limit {} fen", rules.agencyId(),
                actor, rules.fullText(), rules.lowFineLimitFen());
        return of(rules.agencyId());
    }

    /** Back to the defaults (no full text, no low fine). */
    @Transactional
    void clear(String agencyId) {
        jdbc.sql("DELETE FROM disclosure_rule_set WHERE agency_id = ?").param(agencyId).update();
    }
}
