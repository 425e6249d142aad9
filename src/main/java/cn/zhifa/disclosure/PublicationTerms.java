package cn.zhifa.disclosure;

import cn.zhifa.deadline.DeadlineEntry;
import cn.zhifa.deadline.DeadlineService;
import org.springframework.stereotype.Component;

/** The publication term of a record under its agency's rules, and how the reviewer reads it before publication. */
@Component
class PublicationTerms {

    private final DisclosureRuleSets ruleSets;
    private final DeadlineService deadlines;

    PublicationTerms(DisclosureRuleSets ruleSets, DeadlineService deadlines) {
        this.ruleSets = ruleSets;
        this.deadlines = deadlines;
    }

    PublicationTerm of(String agencyId, DecisionKind kind, String penalty) {
        return PublicationTerm.of(kind, penalty, ruleSets.of(agencyId));
    }

    /** E.g. 执法决定信息公示期限：自公示之日起36个月（处罚内容不限于……），届满后停止公示. */
    String describe(String agencyId, DecisionKind kind, String penalty) {
        PublicationTerm term = of(agencyId, kind, penalty);
        DeadlineEntry entry = deadlines.entryFor(agencyId, term.entry());
        String unit = switch (entry.unit()) {
            case MONTHS -> "个月";
            case WORKING_DAYS -> "个工作日";
            case CALENDAR_DAYS -> "日";
            case HOURS -> "小时";
        };
        return entry.name() + "：自公示之日起" + entry.amount() + unit + "（" + term.reason() + "），届满后停止公示";
    }
}
