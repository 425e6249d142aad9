package cn.zhifa.processes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;

/**
 * The Java conventions tests and the bpmnlint rules (tools/bpmnlint-plugin-zhifa) agree: each model in
 * src/test/resources/lint breaks one convention, expected.json names the lint rule that must reject it (checked by
 * tools/bpmnlint-plugin-zhifa/test, run in ./mvnw verify) and, where the convention is also a Java check, the check
 * here that must reject the same file. good.bpmn passes every check on both sides.
 */
class LintAgreementTest {

    private static final Path FIXTURES = Path.of("src/test/resources/lint");

    private interface Check {
        List<String> findings(Path file) throws Exception;
    }

    private static final Map<String, Check> CHECKS = Map.of(
            "elementIds", file -> ProcessModelConventionsTest.elementIdFindings(model(file)),
            "chineseNames", file -> ProcessModelConventionsTest.chineseNameFindings(model(file)),
            "versionAndHistory", file -> ProcessModelConventionsTest.versionAndHistoryFindings(model(file)),
            "timers", file -> ProcessModelConventionsTest.timerFindings(model(file)),
            "forms", file -> ProcessModelConventionsTest.formFindings(model(file), new HashSet<>()),
            "unsafeParts", file -> {
                try (InputStream in = Files.newInputStream(file)) {
                    return ProcessModelConventionsTest.unsafeParts(in);
                }
            },
            "documentTasks", file -> ProcessModelConventionsTest.documentTaskFindings(model(file)),
            "actors", file -> BoundaryConventionsTest.actorFindings(BoundaryConventionsTest.models(List.of(file))),
            "declarations", file -> BoundaryConventionsTest.declarationFindings(BoundaryConventionsTest.models(List.of(file))),
            "formWritesEngineOwned", file -> BoundaryConventionsTest.formWritesEngineOwnedFindings(
                    BoundaryConventionsTest.models(List.of(file))));

    @Test
    void everyJavaCheckRejectsTheModelItsLintRuleRejects() throws Exception {
        JsonNode expected = new ObjectMapper().readTree(FIXTURES.resolve("expected.json").toFile());
        int checked = 0;
        for (var entry : expected.properties()) {
            if (entry.getValue().has("java")) {
                String check = entry.getValue().get("java").asText();
                assertThat(CHECKS).containsKey(check);
                assertThat(CHECKS.get(check).findings(FIXTURES.resolve(entry.getKey())))
                        .as(check + " on " + entry.getKey() + " (lint: " + entry.getValue().get("rule").asText() + ")")
                        .isNotEmpty();
                checked++;
            }
        }
        assertThat(checked).isEqualTo(CHECKS.size() + 2);
    }

    @Test
    void theGoodModelPassesEveryJavaCheck() throws Exception {
        for (var check : CHECKS.entrySet()) {
            assertThat(check.getValue().findings(FIXTURES.resolve("good.bpmn"))).as(check.getKey()).isEmpty();
        }
    }

    private static List<BpmnModelInstance> model(Path file) throws IOException {
        return List.of(Bpmn.readModelFromFile(file.toFile()));
    }
}
