package cn.zhifa.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which publication term of 第十三条 a penalty gets, with an agency whose 较低数额 is 1000 yuan. */
class PublicationTermTest {

    static final DisclosureRuleSet LIMIT_1000 = new DisclosureRuleSet("agency", false, 1000_00L, "本省规定");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "通报批评|DISCLOSURE_TERM_SHORT",
            "罚款人民币500元|DISCLOSURE_TERM_SHORT",
            "罚款1000元|DISCLOSURE_TERM_SHORT",
            "通报批评，并处罚款人民币800.50元|DISCLOSURE_TERM_SHORT",
            "罚款人民币1000.01元|DISCLOSURE_TERM",
            "罚款人民币0.2万元|DISCLOSURE_TERM",
            "罚款人民币2,000元|DISCLOSURE_TERM",
            "警告，罚款人民币500元|DISCLOSURE_TERM",
            "没收违法所得人民币120元，并处罚款人民币500元|DISCLOSURE_TERM",
            "吊销许可证|DISCLOSURE_TERM"})
    void aPenaltyOfOnlyCriticismOrALowFineGetsTheShortTerm(String penalty, String entry) {
        assertThat(PublicationTerm.of(DecisionKind.PENALTY, penalty, LIMIT_1000).entry()).isEqualTo(entry);
    }

    @ParameterizedTest
    @CsvSource({"PENALTY,罚款人民币500元", "LICENSING,", "OTHER,责令改正"})
    void withoutALimitOrForOtherDecisionsTheStandardTerm(DecisionKind kind, String penalty) {
        DisclosureRuleSet none = DisclosureRuleSet.defaults("agency");
        assertThat(PublicationTerm.of(kind, penalty, none).entry()).isEqualTo(PublicationTerm.STANDARD);
    }
}
