package cn.zhifa.penalty.rules;

import cn.zhifa.identity.StaffDirectory;
import cn.zhifa.system.ZhifaException;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Each agency's {@link PenaltyRuleSet}: read it (the defaults when the agency set none), set it with its setup. */
@Service
public class PenaltyRuleSets {

    private static final Logger log = LoggerFactory.getLogger(PenaltyRuleSets.class);

    private final JdbcClient jdbc;
    private final StaffDirectory staff;
    private final Clock clock;

    PenaltyRuleSets(JdbcClient jdbc, StaffDirectory staff, Clock clock) {
        this.jdbc = jdbc;
        this.staff = staff;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public PenaltyRuleSet of(String agencyId) {
        return jdbc.sql("SELECT review_all FROM penalty_rule_set WHERE agency_id = ?").param(agencyId)
                .query(Boolean.class).optional()
                .map(reviewAll -> new PenaltyRuleSet(agencyId, reviewAll))
                .orElseGet(() -> PenaltyRuleSet.defaults(agencyId));
    }

    /** Sets the agency's rule set, {@code actor} being who set it. */
    @Transactional
    public PenaltyRuleSet update(PenaltyRuleSet ruleSet, String actor) {
        if (!staff.agencyOfUnit(ruleSet.agencyId()).map(ruleSet.agencyId()::equals).orElse(false)) {
            throw new ZhifaException(HttpStatus.NOT_FOUND, "AGENCY_NOT_FOUND", "行政执法机关不存在：" + ruleSet.agencyId());
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        int updated = jdbc.sql("UPDATE penalty_rule_set SET review_all = ?, updated_at = ?, updated_by = ? "
                        + "WHERE agency_id = ?")
                .params(ruleSet.reviewAll(), now, actor, ruleSet.agencyId()).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO penalty_rule_set (agency_id, review_all, updated_at, updated_by) VALUES (?, ?, ?, ?)")
                    .params(ruleSet.agencyId(), ruleSet.reviewAll(), now, actor).update();
        }
        log.info("Penalty rule set of agency {} set by {}: review all {}", ruleSet.agencyId(), actor,
                ruleSet.reviewAll());
        return of(ruleSet.agencyId());
    }
}
