package cn.zhifa.onthespot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The limits of the on-the-spot procedure as shipped in processes/simple-procedure-eligible.dmn, each at its threshold
 * (以下 includes the amount): 200 yuan for a person, 3,000 for an organisation (第五十一条), a warning always; and the
 * 100 yuan up to which a fine may be collected on the spot (第六十八条第一项).
 */
class SimpleProcedureEligibleTableTest {

    private static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    private static final DmnDecision TABLE = parse();

    private static DmnDecision parse() {
        try (InputStream in = Files.newInputStream(Path.of("processes", "simple-procedure-eligible.dmn"))) {
            return DMN.parseDecision("simple-procedure-eligible", in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @CsvSource({
            "INDIVIDUAL, WARNING, 0, true, false",
            "ORGANISATION, WARNING, 0, true, false",
            "INDIVIDUAL, FINE, 100, true, true",
            "INDIVIDUAL, FINE, 100.01, true, false",
            "INDIVIDUAL, FINE, 200, true, false",
            "INDIVIDUAL, FINE, 200.01, false, false",
            "ORGANISATION, FINE, 100, true, true",
            "ORGANISATION, FINE, 100.01, true, false",
            "ORGANISATION, FINE, 3000, true, false",
            "ORGANISATION, FINE, 3000.01, false, false",
            "INDIVIDUAL, CONFISCATION, 50, false, false",
            "ORGANISATION, LICENCE_SUSPENSION, 0, false, false"})
    void eachLimitAtItsThreshold(String party, String kind, double yuan, boolean eligible, boolean collectable) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("partyKind", party);
        variables.put("penaltyKind", kind);
        variables.put("fineAmount", yuan);

        DmnDecisionResultEntries result = DMN.evaluateDecision(TABLE, variables).getSingleResult();

        assertThat(result.<Boolean>getEntry("eligible")).isEqualTo(eligible);
        assertThat(result.<Boolean>getEntry("smallFineCollectable")).isEqualTo(collectable);
        assertThat(result.<String>getEntry("reason")).contains("第五十一条");
    }
}
