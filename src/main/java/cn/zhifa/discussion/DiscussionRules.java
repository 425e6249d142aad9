package cn.zhifa.discussion;

import cn.zhifa.identity.StaffDirectory;
import cn.zhifa.system.ZhifaException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The feature's API for each agency's rule of collective discussion: read it (the defaults when the agency set none),
 * and set it with the agency's setup (over HTTP only its administrators may); the principal head must be a head of
 * that agency.
 */
@Service
public class DiscussionRules {

    private static final Logger log = LoggerFactory.getLogger(DiscussionRules.class);

    private final JdbcClient jdbc;
    private final StaffDirectory staff;
    private final Clock clock;

    DiscussionRules(JdbcClient jdbc, StaffDirectory staff, Clock clock) {
        this.jdbc = jdbc;
        this.staff = staff;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public DiscussionRule of(String agencyId) {
        return jdbc.sql("""
                SELECT agency_id, principal_head, quorum_numerator, quorum_denominator, quorum_inclusive,
                    conclusion_rule, meeting_kind
                FROM discussion_rule WHERE agency_id = ?""")
                .param(agencyId).query(DiscussionRules::row).optional()
                .orElseGet(() -> DiscussionRule.defaults(agencyId));
    }

    /** Sets the agency's rule, {@code actor} being who set it; refused unless the rule is sound. */
    @Transactional
    public DiscussionRule update(DiscussionRule rule, String actor) {
        if (!staff.agencyOfUnit(rule.agencyId()).map(rule.agencyId()::equals).orElse(false)) {
            throw new ZhifaException(HttpStatus.NOT_FOUND, "AGENCY_NOT_FOUND", "行政执法机关不存在：" + rule.agencyId());
        }
        if (rule.quorumNumerator() < 1 || rule.quorumNumerator() > rule.quorumDenominator()) {
            throw new ZhifaException(HttpStatus.BAD_REQUEST, "DISCUSSION_QUORUM_INVALID",
                    "法定人数比例不正确：分子、分母须为正整数，且分子不大于分母");
        }
        if (rule.principalHead() != null && !staff.isHeadOf(rule.agencyId(), rule.principalHead())) {
            throw new ZhifaException(HttpStatus.UNPROCESSABLE_ENTITY, "PRINCIPAL_HEAD_NOT_HEAD",
                    staff.displayName(rule.principalHead()) + "不是该机关的负责人，不能设为主要负责人");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        int updated = jdbc.sql("""
                UPDATE discussion_rule SET principal_head = ?, quorum_numerator = ?, quorum_denominator = ?,
                    quorum_inclusive = ?, conclusion_rule = ?, meeting_kind = ?, updated_at = ?, updated_by = ?
                WHERE agency_id = ?""")
                .params(rule.principalHead(), rule.quorumNumerator(), rule.quorumDenominator(),
                        rule.quorumInclusive(), rule.conclusion().name(), rule.meetingKind().name(), now, actor,
                        rule.agencyId())
                .update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO discussion_rule (agency_id, principal_head, quorum_numerator, quorum_denominator,
                        quorum_inclusive, conclusion_rule, meeting_kind, updated_at, updated_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(rule.agencyId(), rule.principalHead(), rule.quorumNumerator(), rule.quorumDenominator(),
                            rule.quorumInclusive(), rule.conclusion().name(), rule.meetingKind().name(), now, actor)
                    .update();
        }
        log.info("Discussion rule of agency {} set by {}: principal head {}, quorum {}/{}{}, {}", rule.agencyId(),
                actor, rule.principalHead(), rule.quorumNumerator(), rule.quorumDenominator(),
                rule.quorumInclusive() ? " inclusive" : "", rule.conclusion());
        return of(rule.agencyId());
    }

    private static DiscussionRule row(ResultSet rs, int i) throws SQLException {
        return new DiscussionRule(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getBoolean(5),
                DiscussionRule.Conclusion.valueOf(rs.getString(6)),
                DiscussionRule.MeetingKind.valueOf(rs.getString(7)));
    }
}
