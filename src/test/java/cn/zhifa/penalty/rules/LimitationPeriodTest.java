package cn.zhifa.penalty.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** 行政处罚法 第三十六条: two years, five for life, health or financial safety with harm; from the end of a continuing act. */
class LimitationPeriodTest {

    private static final LocalDate ACT = LocalDate.of(2024, 3, 10);

    @Test
    void discoveredOnTheLastDayOfTwoYearsIsWithin() {
        LimitationPeriod.Assessment assessment = LimitationPeriod.assess(ACT, null, false, LocalDate.of(2026, 3, 10));

        assertThat(assessment.lastDay()).isEqualTo(LocalDate.of(2026, 3, 10));
        assertThat(assessment.beyondLimitation()).isFalse();
        assertThat(assessment.reason()).isEqualTo("违法行为发生于2024年3月10日，追责期限二年（行政处罚法第三十六条），"
                + "至2026年3月10日届满；于2026年3月10日发现，在追责期限内。");
    }

    @Test
    void discoveredTheDayAfterIsBeyond() {
        LimitationPeriod.Assessment assessment = LimitationPeriod.assess(ACT, null, false, LocalDate.of(2026, 3, 11));

        assertThat(assessment.beyondLimitation()).isTrue();
        assertThat(assessment.reason()).contains("已超过追责期限，不再给予行政处罚，不予立案");
    }

    @Test
    void fiveYearsForLifeHealthOrFinancialSafetyWithHarm() {
        LimitationPeriod.Assessment within = LimitationPeriod.assess(ACT, null, true, LocalDate.of(2029, 3, 10));
        LimitationPeriod.Assessment beyond = LimitationPeriod.assess(ACT, null, true, LocalDate.of(2029, 3, 11));

        assertThat(within.years()).isEqualTo(5);
        assertThat(within.lastDay()).isEqualTo(LocalDate.of(2029, 3, 10));
        assertThat(within.beyondLimitation()).isFalse();
        assertThat(within.reason()).contains("涉及公民生命健康安全、金融安全且有危害后果，追责期限五年");
        assertThat(beyond.beyondLimitation()).isTrue();
    }

    @Test
    void aContinuingActCountsFromItsEnd() {
        LimitationPeriod.Assessment assessment = LimitationPeriod.assess(LocalDate.of(2020, 1, 1),
                LocalDate.of(2025, 6, 30), false, LocalDate.of(2027, 6, 30));

        assertThat(assessment.lastDay()).isEqualTo(LocalDate.of(2027, 6, 30));
        assertThat(assessment.beyondLimitation()).isFalse();
        assertThat(assessment.reason()).startsWith("违法行为有连续或者继续状态，自行为终了之日2025年6月30日起计算");
    }

    @Test
    void aLeapDayEndsOnTheLastDayOfFebruary() {
        assertThat(LimitationPeriod.assess(LocalDate.of(2024, 2, 29), null, false, LocalDate.of(2026, 3, 1))
                .lastDay()).isEqualTo(LocalDate.of(2026, 2, 28));
    }

    @Test
    void aLastDayOnAHolidayIsNotMoved() {
        // 2026-10-01 is National Day: an act of 2024-10-01 discovered on the first working day after is beyond
        assertThat(LimitationPeriod.assess(LocalDate.of(2024, 10, 1), null, false, LocalDate.of(2026, 10, 9))
                .beyondLimitation()).isTrue();
    }

    @Test
    void datesOutOfOrderAreAMistake() {
        assertThatThrownBy(() -> LimitationPeriod.assess(ACT, ACT.minusDays(1), false, ACT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LimitationPeriod.assess(ACT, null, false, ACT.minusDays(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
