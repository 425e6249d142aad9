package cn.zhifa.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The part of the harness's checker that is logic, not SQL: what counts as a broken series of case numbers. */
class ClusterCheckerTest {

    @Test
    void aSeriesFromOneToTheCounterIsFine() {
        assertThat(ClusterChecker.numberingProblems("a/2026", List.of(3, 1, 2), 3)).isEmpty();
        assertThat(ClusterChecker.numberingProblems("a/2026", List.of(), 0)).isEmpty();
    }

    @Test
    void findsAGapADuplicateAndANumberBeyondTheCounter() {
        assertThat(ClusterChecker.numberingProblems("a/2026", List.of(1, 3), 3))
                .containsExactly("a/2026: number 2 missing (gap), counter at 3");
        assertThat(ClusterChecker.numberingProblems("a/2026", List.of(1, 2, 2), 2))
                .containsExactly("a/2026: number 2 given twice");
        assertThat(ClusterChecker.numberingProblems("a/2026", List.of(1, 2, 3), 2))
                .containsExactly("a/2026: number 3 beyond the counter 2");
    }

    @Test
    void aCounterAheadOfTheCasesIsAGap() {
        // a counter stepped in a transaction whose case was not numbered: the number is lost
        assertThat(ClusterChecker.numberingProblems("a/2026", List.of(1), 2))
                .containsExactly("a/2026: number 2 missing (gap), counter at 2");
    }
}
