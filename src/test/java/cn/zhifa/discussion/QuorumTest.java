package cn.zhifa.discussion;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The quorum counted as the law says it: 过半数 is more than half, 三分之二以上 includes two thirds itself. */
class QuorumTest {

    @ParameterizedTest(name = "more than half of {0} heads: {1}")
    @CsvSource({"1, 1", "2, 2", "3, 2", "4, 3", "5, 3", "6, 4", "7, 4"})
    void moreThanHalf(int heads, int required) {
        Quorum quorum = new Quorum(1, 2, false);
        assertThat(quorum.required(heads)).isEqualTo(required);
        assertThat(quorum.met(required, heads)).isTrue();
        assertThat(quorum.met(required - 1, heads)).isFalse();
        assertThat(quorum.describe()).isEqualTo("过半数");
    }

    @ParameterizedTest(name = "two thirds or more of {0} heads: {1}")
    @CsvSource({"3, 2", "4, 3", "5, 4", "6, 4", "9, 6"})
    void twoThirdsOrMore(int heads, int required) {
        Quorum quorum = new Quorum(2, 3, true);
        assertThat(quorum.required(heads)).isEqualTo(required);
        assertThat(quorum.met(required - 1, heads)).isFalse();
        assertThat(quorum.describe()).isEqualTo("不少于2/3");
    }

    @ParameterizedTest(name = "more than two thirds of {0} heads: {1}")
    @CsvSource({"3, 3", "6, 5", "9, 7"})
    void moreThanTwoThirds(int heads, int required) {
        assertThat(new Quorum(2, 3, false).required(heads)).isEqualTo(required);
    }
}
