package cn.zhifa.penalty.rules;

import static cn.zhifa.penalty.rules.PenaltyKind.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** 行政处罚法 第四十五条第二款: the decision after a defence is never heavier than the notice. */
class PenaltyTest {

    private static Penalty penalty(Set<PenaltyKind> kinds, long fineFen, long confiscationFen) {
        return new Penalty(kinds, fineFen, confiscationFen);
    }

    @Test
    void theSamePenaltyOrALowerAmountIsNotHeavier() {
        Penalty notified = penalty(EnumSet.of(FINE, CONFISCATION), 1000000, 500000);

        assertThat(notified.heavierThan(notified)).isEmpty();
        assertThat(penalty(EnumSet.of(FINE, CONFISCATION), 999999, 500000).heavierThan(notified)).isEmpty();
        assertThat(Penalty.fine(1000000).heavierThan(notified)).isEmpty();
    }

    @Test
    void oneFenMoreIsHeavier() {
        List<String> reasons = Penalty.fine(1000001).heavierThan(Penalty.fine(1000000));

        assertThat(reasons).containsExactly("决定的罚款数额10,000.01元高于告知的10,000.00元");
    }

    @Test
    void aLargerConfiscationIsHeavier() {
        assertThat(penalty(EnumSet.of(CONFISCATION), 0, 200001).heavierThan(penalty(EnumSet.of(CONFISCATION), 0,
                200000))).containsExactly("决定没收的违法所得和非法财物价值2,000.01元高于告知的2,000.00元");
    }

    @Test
    void addingAKindIsHeavierEvenALighterOne() {
        List<String> reasons = penalty(EnumSet.of(WARNING, FINE), 100000, 0).heavierThan(Penalty.fine(100000));

        assertThat(reasons).containsExactly("决定增加了告知时未拟作出的处罚种类：警告");
    }

    @Test
    void aHeavierKindInPlaceOfTheNotifiedOneIsHeavier() {
        List<String> reasons = penalty(EnumSet.of(LICENCE_REVOCATION), 0, 0)
                .heavierThan(penalty(EnumSet.of(LICENCE_SUSPENSION), 0, 0));

        assertThat(reasons).containsExactly("决定以较重的处罚种类「吊销许可证件」代替告知的「暂扣许可证件」");
    }

    @Test
    void aLighterKindInPlaceOfTheNotifiedOneIsNot() {
        assertThat(Penalty.warning().heavierThan(Penalty.fine(100000))).isEmpty();
        assertThat(penalty(EnumSet.of(FINE, LICENCE_SUSPENSION), 100000, 0)
                .heavierThan(penalty(EnumSet.of(FINE, LICENCE_REVOCATION), 100000, 0))).isEmpty();
    }

    @Test
    void replacementsArePairedHeaviestWithHeaviest() {
        Penalty notified = penalty(EnumSet.of(WARNING, LICENCE_REVOCATION), 0, 0);

        assertThat(penalty(EnumSet.of(NOTICE_OF_CRITICISM, LICENCE_SUSPENSION), 0, 0).heavierThan(notified))
                .containsExactly("决定以较重的处罚种类「通报批评」代替告知的「警告」");
        assertThat(penalty(EnumSet.of(WARNING, CLOSURE), 0, 0).heavierThan(notified)).hasSize(1);
    }

    @Test
    void anOtherKindIsNeverTakenForALighterOne() {
        assertThat(penalty(EnumSet.of(OTHER), 0, 0).heavierThan(penalty(EnumSet.of(DETENTION), 0, 0))).hasSize(1);
    }

    @Test
    void everyReasonIsGiven() {
        List<String> reasons = penalty(EnumSet.of(FINE, CONFISCATION), 300000, 200000)
                .heavierThan(Penalty.fine(200000));

        assertThat(reasons).hasSize(3);
    }

    @Test
    void theHeaviestKindAndTheAmountsInYuan() {
        Penalty penalty = penalty(EnumSet.of(FINE, PRODUCTION_SUSPENSION, WARNING), 1234567, 0);

        assertThat(penalty.heaviestKind()).contains(PRODUCTION_SUSPENSION);
        assertThat(penalty.fineYuan()).isEqualByComparingTo("12345.67");
        assertThat(Yuan.format(1234567)).isEqualTo("12,345.67元");
    }

    @Test
    void anAmountNeedsItsKind() {
        assertThatThrownBy(() -> penalty(EnumSet.of(WARNING), 100, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> penalty(EnumSet.of(FINE), 0, 100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> penalty(EnumSet.of(FINE), -1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theKindsFollowArticleNineFromTheLightest() {
        assertThat(PenaltyKind.values()).startsWith(WARNING, NOTICE_OF_CRITICISM, FINE).endsWith(DETENTION, OTHER);
        assertThat(CLOSURE.heavierThan(PRODUCTION_SUSPENSION)).isTrue();
        assertThat(FINE.heavierThan(FINE)).isFalse();
        assertThat(PenaltyKind.heaviest(Set.of())).isEmpty();
        assertThat(LICENCE_REVOCATION.chineseName()).isEqualTo("吊销许可证件");
    }

    @Test
    void theBandsOfTheBenchmark() {
        assertThat(DiscretionBand.values()).extracting(DiscretionBand::chineseName)
                .containsExactly("不予处罚", "减轻处罚", "从轻处罚", "一般处罚", "从重处罚");
        assertThat(DiscretionBand.NO_PENALTY.basis()).contains("第三十三条");
    }
}
