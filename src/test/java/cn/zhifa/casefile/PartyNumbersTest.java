package cn.zhifa.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Parties are identified by numbers whose check characters are verified (GB 11643-1999, GB 32100-2015). */
class PartyNumbersTest {

    @ParameterizedTest
    @ValueSource(strings = {"11010519491231002X", "11010519491231002x", "440524188001010014", "110101199003074477"})
    void shouldAcceptIdentityNumbersWithTheRightCheckCharacter(String number) {
        assertThat(ResidentIdentityNumber.isValid(number)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"110105194912310021", "440524188001010015", "110101199003074470", "11010519491231002",
            "1101051949123100200", "1101051949123100XX", "A10105194912310028", ""})
    void shouldRefuseIdentityNumbersWithAWrongCheckCharacterOrShape(String number) {
        assertThat(ResidentIdentityNumber.isValid(number)).isFalse();
    }

    @Test
    void shouldRefuseAnIdentityNumberWithAnImpossibleBirthDateEvenIfTheCheckCharacterFits() {
        String first17 = "11010519491331002"; // month 13
        String number = first17 + ResidentIdentityNumber.checkCharacter(first17);
        assertThat(ResidentIdentityNumber.isValid(number)).isFalse();
        assertThat(ResidentIdentityNumber.isValid(null)).isFalse();
    }

    @Test
    void shouldComputeTheMod11Dash2CheckCharacter() {
        assertThat(ResidentIdentityNumber.checkCharacter("11010519491231002")).isEqualTo('X');
        assertThat(ResidentIdentityNumber.checkCharacter("44052418800101001")).isEqualTo('4');
    }

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y43", "91440300708461136T", "91350100m000100y43"})
    void shouldAcceptCreditCodesWithTheRightCheckCharacter(String code) {
        assertThat(UnifiedSocialCreditCode.isValid(code)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y44", "91440300708461136X", "91350100M000100Y4", "91350100M000100Y430",
            "91350100MO00100Y43", "91350100M000100I43", "913501OOM000100Y43", ""})
    void shouldRefuseCreditCodesWithAWrongCheckCharacterOrForbiddenLetters(String code) {
        assertThat(UnifiedSocialCreditCode.isValid(code)).isFalse();
    }

    @Test
    void shouldComputeTheMod31CheckCharacter() {
        assertThat(UnifiedSocialCreditCode.checkCharacter("91350100M000100Y4")).isEqualTo('3');
        assertThat(UnifiedSocialCreditCode.isValid(null)).isFalse();
    }
}
