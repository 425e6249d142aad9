package cn.zhifa.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The arithmetic of 加处罚款 without the engine: 3% a day of the overdue fine, capped at the fine, paused by remedies. */
class SurchargeTest {

    static final LocalDate DUE = LocalDate.of(2026, 10, 8);
    static final List<Instalment> ONCE = List.of(new Instalment(DUE, 1_000_00));

    @Test
    void nothingAccruesOnTheDueDayItself() {
        assertThat(Surcharge.compute(1_000_00, ONCE, List.of(), List.of(), DUE))
                .isEqualTo(new Surcharge.Result(0, 0, false, null));
    }

    @Test
    void threePercentOfTheFineADayFromTheDayAfterTheDueDateUpToTheFine() {
        assertThat(Surcharge.compute(1_000_00, ONCE, List.of(), List.of(), DUE.plusDays(1)))
                .isEqualTo(new Surcharge.Result(30_00, 1, false, null));
        assertThat(Surcharge.compute(1_000_00, ONCE, List.of(), List.of(), DUE.plusDays(33)))
                .isEqualTo(new Surcharge.Result(990_00, 33, false, null));
        assertThat(Surcharge.compute(1_000_00, ONCE, List.of(), List.of(), DUE.plusDays(34)))
                .isEqualTo(new Surcharge.Result(1_000_00, 34, true, DUE.plusDays(34)));
        assertThat(Surcharge.compute(1_000_00, ONCE, List.of(), List.of(), DUE.plusDays(400)).surchargeFen())
                .isEqualTo(1_000_00);
    }

    @Test
    void fractionsOfAFenAreRoundedDownOnceAtTheEnd() {
        // 3% of 0.33 yuan is 0.99 fen a day: after one day nothing, after two days 1 fen (1.98), not 0 + 0
        List<Instalment> small = List.of(new Instalment(DUE, 33));
        assertThat(Surcharge.compute(33, small, List.of(), List.of(), DUE.plusDays(1)).surchargeFen()).isZero();
        assertThat(Surcharge.compute(33, small, List.of(), List.of(), DUE.plusDays(2)).surchargeFen()).isEqualTo(1);
    }

    @Test
    void aPartPaymentLowersTheBaseFromTheDayAfterItAndAFullOneStopsTheSurcharge() {
        List<Payment> part = List.of(new Payment("B1", 500_00, DUE.plusDays(2), "zhangwei"));
        // two days on 1000 (60), then three on 500 (45)
        assertThat(Surcharge.compute(1_000_00, ONCE, part, List.of(), DUE.plusDays(5)).surchargeFen())
                .isEqualTo(105_00);
        List<Payment> full = List.of(new Payment("B1", 1_000_00, DUE.plusDays(2), "zhangwei"));
        assertThat(Surcharge.compute(1_000_00, ONCE, full, List.of(), DUE.plusDays(20)))
                .isEqualTo(new Surcharge.Result(60_00, 2, false, null));
    }

    @Test
    void noSurchargeWhileAReconsiderationIsPendingFromFilingToDecision() {
        Remedy decided = new Remedy(1, RemedyKind.RECONSIDERATION, DUE.plusDays(5), DUE.plusDays(15),
                RemedyOutcome.UPHELD, null, "复议决定书");
        // days 1-4 and 16-20 count: 9 days
        assertThat(Surcharge.compute(1_000_00, ONCE, List.of(), List.of(decided), DUE.plusDays(20)).days())
                .isEqualTo(9);
        Remedy pending = new Remedy(1, RemedyKind.LITIGATION, DUE.plusDays(5), null, null, null, null);
        assertThat(Surcharge.compute(1_000_00, ONCE, List.of(), List.of(pending), DUE.plusDays(200)))
                .isEqualTo(new Surcharge.Result(120_00, 4, false, null));
    }

    @Test
    void instalmentsAccrueEachFromItsOwnDueDate() {
        List<Instalment> two = List.of(new Instalment(DUE, 400_00), new Instalment(DUE.plusDays(30), 600_00));
        // first instalment late 10 days: 3% of 400 = 12 a day
        assertThat(Surcharge.compute(1_000_00, two, List.of(), List.of(), DUE.plusDays(10)).surchargeFen())
                .isEqualTo(120_00);
        List<Payment> first = List.of(new Payment("B1", 400_00, DUE, "zhangwei"));
        assertThat(Surcharge.compute(1_000_00, two, first, List.of(), DUE.plusDays(30)).surchargeFen()).isZero();
        assertThat(Surcharge.compute(1_000_00, two, first, List.of(), DUE.plusDays(31)).surchargeFen())
                .isEqualTo(18_00);
    }

    @Test
    void yuanAreParsedExactly() {
        assertThat(Money.parseYuan("1234.56")).isEqualTo(123456L);
        assertThat(Money.parseYuan("0.1")).isEqualTo(10L);
        assertThat(Money.parseYuan("1.005")).isNull();
        assertThat(Money.parseYuan("-1")).isNull();
        assertThat(Money.parseYuan("abc")).isNull();
        assertThat(Money.yuan(123456)).isEqualTo("1234.56元");
    }
}
