package cn.zhifa.penalty.rules;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.casefile.PartyKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The decision tables of processes/ as the designers ship them, each rule at its threshold (以上 includes the amount:
 * 10,000 yuan is 较大数额 for a person, 9,999.99 is not). Read by the engine's own DMN engine, without a Spring context.
 */
class DecisionTablesTest {

    private static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    private static final DmnDecision HEARING = decision("hearing-right");
    private static final DmnDecision REVIEW = decision("legal-review-required");
    private static final DmnDecision DISCUSSION = decision("collective-discussion-required");

    private static DmnDecision decision(String key) {
        try (InputStream in = Files.newInputStream(Path.of("processes", key + ".dmn"))) {
            return DMN.parseDecision(key, in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DmnDecisionResultEntries evaluate(DmnDecision decision, DecisionInputs inputs) {
        return DMN.evaluateDecision(decision, inputs.variables()).getSingleResult();
    }

    private static DecisionInputs inputs(PartyKind party, Penalty penalty) {
        return new DecisionInputs(party, penalty, false, false, false, false, false, false);
    }

    private static Penalty fine(long yuan) {
        return Penalty.fine(yuan * 100);
    }

    private static Penalty confiscation(long fen) {
        return new Penalty(EnumSet.of(PenaltyKind.CONFISCATION), 0, fen);
    }

    private static Penalty only(PenaltyKind kind) {
        return new Penalty(EnumSet.of(kind), 0, 0);
    }

    @Nested
    class HearingRight {

        @ParameterizedTest
        @CsvSource({"INDIVIDUAL, 999999, false", "INDIVIDUAL, 1000000, true", "ORGANISATION, 1000000, false",
                "ORGANISATION, 9999999, false", "ORGANISATION, 10000000, true"})
        void aFineOfALargeAmountFromTheThreshold(PartyKind party, long fen, boolean right) {
            DmnDecisionResultEntries result = evaluate(HEARING, inputs(party, Penalty.fine(fen)));

            assertThat(result.<Boolean>getEntry("hearingRight")).isEqualTo(right);
            assertThat(result.<String>getEntry("reason"))
                    .contains(right ? "较大数额罚款" : "不属于听证范围").contains("第六十三条");
        }

        @ParameterizedTest
        @CsvSource({"INDIVIDUAL, 999999, false", "INDIVIDUAL, 1000000, true", "ORGANISATION, 9999999, false",
                "ORGANISATION, 10000000, true"})
        void aConfiscationOfALargeValueFromTheThreshold(PartyKind party, long fen, boolean right) {
            DmnDecisionResultEntries result = evaluate(HEARING, inputs(party, confiscation(fen)));

            assertThat(result.<Boolean>getEntry("hearingRight")).isEqualTo(right);
            if (right) {
                assertThat(result.<String>getEntry("reason")).contains("没收").contains("第六十三条第一款第二项");
            }
        }

        @Test
        void theFineAndTheConfiscationAreNotAddedUp() {
            Penalty both = new Penalty(EnumSet.of(PenaltyKind.FINE, PenaltyKind.CONFISCATION), 600000, 600000);

            assertThat(evaluate(HEARING, inputs(PartyKind.INDIVIDUAL, both)).<Boolean>getEntry("hearingRight"))
                    .isFalse();
        }

        @ParameterizedTest
        @EnumSource(value = PenaltyKind.class, names = {"QUALIFICATION_DOWNGRADE", "LICENCE_REVOCATION",
                "PRODUCTION_SUSPENSION", "CLOSURE", "EMPLOYMENT_RESTRICTION", "LICENCE_SUSPENSION", "OTHER"})
        void theHeavierKindsGiveTheRightWhateverTheAmount(PenaltyKind kind) {
            DmnDecisionResultEntries result = evaluate(HEARING, inputs(PartyKind.ORGANISATION, only(kind)));

            assertThat(result.<Boolean>getEntry("hearingRight")).isTrue();
            assertThat(result.<String>getEntry("reason")).contains("第六十三条第一款");
        }

        @ParameterizedTest
        @EnumSource(value = PenaltyKind.class, names = {"WARNING", "NOTICE_OF_CRITICISM", "DETENTION"})
        void theLighterKindsDoNot(PenaltyKind kind) {
            assertThat(evaluate(HEARING, inputs(PartyKind.INDIVIDUAL, only(kind))).<Boolean>getEntry("hearingRight"))
                    .isFalse();
        }

        @Test
        void aRevocationNamesItsOwnGroundEvenWithALargeFine() {
            Penalty both = new Penalty(EnumSet.of(PenaltyKind.FINE, PenaltyKind.LICENCE_REVOCATION), 20000000, 0);

            assertThat(evaluate(HEARING, inputs(PartyKind.ORGANISATION, both)).<String>getEntry("reason"))
                    .contains("吊销许可证件").contains("第三项");
        }
    }

    @Nested
    class LegalReviewRequired {

        private DmnDecisionResultEntries review(boolean publicInterest, boolean hearing, boolean complex,
                boolean reviewAll, PartyKind party, Penalty penalty) {
            return evaluate(REVIEW, new DecisionInputs(party, penalty, hearing, complex, publicInterest, false, false,
                    reviewAll));
        }

        @ParameterizedTest
        @CsvSource({"true, false, false, 第一项", "false, true, false, 第二项", "false, false, true, 第三项"})
        void eachGroundOfArticle58(boolean publicInterest, boolean hearing, boolean complex, String item) {
            DmnDecisionResultEntries result = review(publicInterest, hearing, complex, false, PartyKind.INDIVIDUAL,
                    Penalty.warning());

            assertThat(result.<Boolean>getEntry("legalReviewRequired")).isTrue();
            assertThat(result.<String>getEntry("reason")).contains("第五十八条第一款" + item);
        }

        @ParameterizedTest
        @CsvSource({"INDIVIDUAL, 999999, false", "INDIVIDUAL, 1000000, true", "ORGANISATION, 9999999, false",
                "ORGANISATION, 10000000, true"})
        void aLargeFineFromTheThreshold(PartyKind party, long fen, boolean required) {
            DmnDecisionResultEntries result = review(false, false, false, false, party, Penalty.fine(fen));

            assertThat(result.<Boolean>getEntry("legalReviewRequired")).isEqualTo(required);
            assertThat(result.<String>getEntry("reason")).contains(required ? "目录清单" : "案件审核");
        }

        @ParameterizedTest
        @CsvSource({"INDIVIDUAL, 999999, false", "INDIVIDUAL, 1000000, true", "ORGANISATION, 9999999, false",
                "ORGANISATION, 10000000, true"})
        void aLargeConfiscationFromTheThreshold(PartyKind party, long fen, boolean required) {
            assertThat(review(false, false, false, false, party, confiscation(fen))
                    .<Boolean>getEntry("legalReviewRequired")).isEqualTo(required);
        }

        @ParameterizedTest
        @CsvSource({"LICENCE_REVOCATION, true", "PRODUCTION_SUSPENSION, true", "CLOSURE, true",
                "QUALIFICATION_DOWNGRADE, false", "LICENCE_SUSPENSION, false", "WARNING, false"})
        void revocationAndOrdersToStopOrClose(PenaltyKind kind, boolean required) {
            assertThat(review(false, false, false, false, PartyKind.ORGANISATION, only(kind))
                    .<Boolean>getEntry("legalReviewRequired")).isEqualTo(required);
        }

        @Test
        void theAgencysSwitchReviewsEveryGeneralProcedurePenalty() {
            DmnDecisionResultEntries result = review(false, false, false, true, PartyKind.INDIVIDUAL,
                    Penalty.warning());

            assertThat(result.<Boolean>getEntry("legalReviewRequired")).isTrue();
            assertThat(result.<String>getEntry("reason")).contains("均须进行法制审核");
        }

        @Test
        void underTheSwitchTheStatutoryGroundIsStillTheReasonGiven() {
            assertThat(review(false, true, false, true, PartyKind.INDIVIDUAL, fine(500))
                    .<String>getEntry("reason")).contains("经过听证程序");
        }
    }

    @Nested
    class CollectiveDiscussionRequired {

        @ParameterizedTest
        @CsvSource({"true, false, false, 第六十四条", "false, true, false, 情节复杂",
                "false, false, true, 重大违法行为", "false, false, false, 无须集体讨论"})
        void eachGround(boolean extension, boolean complex, boolean severe, String reason) {
            DmnDecisionResultEntries result = evaluate(DISCUSSION, new DecisionInputs(PartyKind.ORGANISATION,
                    fine(100000), false, complex, false, severe, extension, false));

            assertThat(result.<Boolean>getEntry("collectiveDiscussionRequired"))
                    .isEqualTo(extension || complex || severe);
            assertThat(result.<String>getEntry("reason")).contains(reason);
        }
    }

    @Test
    void theInputsAreWhatTheTablesRead() {
        Map<String, Object> variables = new DecisionInputs(PartyKind.INDIVIDUAL,
                new Penalty(EnumSet.of(PenaltyKind.FINE, PenaltyKind.LICENCE_SUSPENSION), 1234550, 0), true, false,
                false, false, false, true).variables();

        assertThat(variables).containsEntry("partyKind", "INDIVIDUAL")
                .containsEntry("penaltyKind", "LICENCE_SUSPENSION").containsEntry("fineAmount", 12345.5)
                .containsEntry("confiscationAmount", 0.0).containsEntry("hearingHeld", true)
                .containsEntry("reviewAll", true).hasSize(10);
    }
}
