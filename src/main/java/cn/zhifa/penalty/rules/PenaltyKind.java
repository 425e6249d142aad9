package cn.zhifa.penalty.rules;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * The kinds of administrative penalty of 行政处罚法 第九条, declared in ascending severity: the paragraphs of 第九条 in
 * their order, and within a paragraph the order the statute names them. {@link #OTHER} (第六项, a kind another law or
 * administrative regulation creates) is last: its weight is unknown, so it is never taken for a lighter kind, neither
 * when the heaviest proposed kind feeds the decision tables nor in the comparison of 第四十五条. The order is the
 * default of docs/penalty-rules.md, to be confirmed with the agency.
 */
public enum PenaltyKind {
    WARNING("警告"),
    NOTICE_OF_CRITICISM("通报批评"),
    FINE("罚款"),
    CONFISCATION("没收违法所得、没收非法财物"),
    LICENCE_SUSPENSION("暂扣许可证件"),
    QUALIFICATION_DOWNGRADE("降低资质等级"),
    LICENCE_REVOCATION("吊销许可证件"),
    PRODUCTION_SUSPENSION("限制开展生产经营活动、责令停产停业"),
    CLOSURE("责令关闭"),
    EMPLOYMENT_RESTRICTION("限制从业"),
    DETENTION("行政拘留"),
    OTHER("法律、行政法规规定的其他行政处罚");

    /** Lighter first. */
    public static final Comparator<PenaltyKind> BY_SEVERITY = Comparator.naturalOrder();

    private final String chineseName;

    PenaltyKind(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }

    public boolean heavierThan(PenaltyKind other) {
        return compareTo(other) > 0;
    }

    /** The heaviest of the kinds, what the decision tables read as {@code penaltyKind}; empty if there are none. */
    public static Optional<PenaltyKind> heaviest(Collection<PenaltyKind> kinds) {
        return kinds.stream().max(BY_SEVERITY);
    }
}
