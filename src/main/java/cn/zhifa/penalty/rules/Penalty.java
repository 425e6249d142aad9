package cn.zhifa.penalty.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A penalty as proposed in the notice (告知) or as decided: its kinds, the fine and the value confiscated (违法所得和
 * 非法财物价值总额), both in fen so that no rounding ever decides a comparison. The decision tables read the amounts in
 * yuan ({@link #fineYuan()}, {@link #confiscationYuan()}).
 */
public record Penalty(Set<PenaltyKind> kinds, long fineFen, long confiscationFen) {

    public Penalty {
        if (fineFen < 0 || confiscationFen < 0) {
            throw new IllegalArgumentException("amounts are not negative: fine " + fineFen + ", confiscation "
                    + confiscationFen);
        }
        if (fineFen > 0 && !kinds.contains(PenaltyKind.FINE)) {
            throw new IllegalArgumentException("a fine amount without the kind FINE");
        }
        if (confiscationFen > 0 && !kinds.contains(PenaltyKind.CONFISCATION)) {
            throw new IllegalArgumentException("a confiscated value without the kind CONFISCATION");
        }
        kinds = kinds.isEmpty() ? Collections.unmodifiableSet(EnumSet.noneOf(PenaltyKind.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(kinds));
    }

    public static Penalty warning() {
        return new Penalty(EnumSet.of(PenaltyKind.WARNING), 0, 0);
    }

    public static Penalty fine(long fineFen) {
        return new Penalty(EnumSet.of(PenaltyKind.FINE), fineFen, 0);
    }

    /** What the decision tables read as {@code penaltyKind}. */
    public Optional<PenaltyKind> heaviestKind() {
        return PenaltyKind.heaviest(kinds);
    }

    public BigDecimal fineYuan() {
        return BigDecimal.valueOf(fineFen, 2);
    }

    public BigDecimal confiscationYuan() {
        return BigDecimal.valueOf(confiscationFen, 2);
    }

    /**
     * Why this penalty, decided after the party's statement and defence, is heavier than the one {@code notified}
     * (行政处罚法 第四十五条第二款: 不得因当事人陈述、申辩而给予更重的处罚), in Chinese; empty if it is not heavier.
     * <p>
     * Heavier means: it adds a kind (more kinds that were not notified than notified kinds it drops); or a kind that
     * was not notified takes the place of a lighter one (new and dropped kinds paired heaviest with heaviest); or it
     * fines more, or confiscates more, than notified. A lighter kind in place of a heavier one, or a smaller amount,
     * is not heavier. What the kinds leave open (the length of a suspension, the scope of a restriction) the head
     * compares in the review of the defence (复核); a heavier decision needs a new notice and a new period.
     */
    public List<String> heavierThan(Penalty notified) {
        List<String> reasons = new ArrayList<>();
        List<PenaltyKind> added = kinds.stream().filter(k -> !notified.kinds.contains(k))
                .sorted(PenaltyKind.BY_SEVERITY.reversed()).toList();
        List<PenaltyKind> dropped = notified.kinds.stream().filter(k -> !kinds.contains(k))
                .sorted(PenaltyKind.BY_SEVERITY.reversed()).toList();
        if (added.size() > dropped.size()) {
            reasons.add("决定增加了告知时未拟作出的处罚种类：" + names(added));
        } else {
            for (int i = 0; i < added.size(); i++) {
                if (added.get(i).heavierThan(dropped.get(i))) {
                    reasons.add("决定以较重的处罚种类「" + added.get(i).chineseName() + "」代替告知的「"
                            + dropped.get(i).chineseName() + "」");
                }
            }
        }
        if (fineFen > notified.fineFen) {
            reasons.add("决定的罚款数额" + Yuan.format(fineFen) + "高于告知的" + Yuan.format(notified.fineFen));
        }
        if (confiscationFen > notified.confiscationFen) {
            reasons.add("决定没收的违法所得和非法财物价值" + Yuan.format(confiscationFen) + "高于告知的"
                    + Yuan.format(notified.confiscationFen));
        }
        return List.copyOf(reasons);
    }

    private static String names(List<PenaltyKind> kinds) {
        return kinds.stream().map(PenaltyKind::chineseName).collect(Collectors.joining("、"));
    }
}
