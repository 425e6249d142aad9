package cn.zhifa.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.client.RestClient;

/**
 * What a user installs: the jar that {@code ./mvnw package} produced, started as docker/Dockerfile starts it, deploys
 * every BPMN, DMN and form of the source folders in one deployment, and a demo officer can start a legal review.
 * The expected keys are read from processes/ and forms/, so a new model is checked without touching this test.
 */
class PackagedJarIT {

    private static final String PASSWORD = "it-" + UUID.randomUUID();

    @RegisterExtension
    static final PackagedJar app = PackagedJar.demo(PASSWORD);

    private static final Path PROCESSES = Path.of("processes");
    private static final Path FORMS = Path.of("forms");
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
    };

    private static RestClient admin;
    private static Map<String, Object> deployment;

    @BeforeAll
    static void startAndFindTheOneDeployment() throws Exception {
        app.start("demo");
        admin = app.as("admin", PASSWORD);
        List<Map<String, Object>> deployments = admin.get().uri("/engine-rest/deployment").retrieve().body(LIST);
        assertThat(deployments).as("deployments of a fresh installation").hasSize(1);
        deployment = deployments.get(0);
    }

    @Test
    void shouldDeployTheSourceFoldersAsTheProcessArchiveZhifa() throws IOException {
        assertThat(deployment).containsEntry("name", "zhifa").containsEntry("source", "process application");

        Map<String, byte[]> deployed = new TreeMap<>();
        for (Map<String, Object> resource : admin.get().uri("/engine-rest/deployment/{id}/resources", id())
                .retrieve().body(LIST)) {
            deployed.put((String) resource.get("name"), admin.get()
                    .uri("/engine-rest/deployment/{id}/resources/{resource}/data", id(), resource.get("id"))
                    .retrieve().body(byte[].class));
        }
        Map<String, byte[]> sources = sources();
        assertThat(deployed.keySet()).containsExactlyInAnyOrderElementsOf(sources.keySet());
        sources.forEach((name, bytes) -> assertThat(deployed.get(name)).as(name).isEqualTo(bytes));
    }

    @Test
    void shouldDeployEveryProcessOfProcessesFolderWithItsStartFormInThatDeployment() throws IOException {
        List<String> keys = processKeys();
        assertThat(keys).contains("legal-review");
        for (String key : keys) {
            Map<String, Object> definition = admin.get().uri("/engine-rest/process-definition/key/{key}", key)
                    .retrieve().body(OBJECT);
            assertThat(definition).as(key).containsEntry("deploymentId", id());
            Map<String, Object> startForm = admin.get().uri("/engine-rest/process-definition/key/{key}/startForm", key)
                    .retrieve().body(OBJECT);
            // the context path comes from the process application the deployment is registered with
            assertThat(startForm).as(key + " start form").containsEntry("contextPath", "/");
            if (startForm.get("camundaFormRef") instanceof Map<?, ?> formRef) {
                Map<String, Object> form = admin.get()
                        .uri("/engine-rest/process-definition/key/{key}/deployed-start-form", key).retrieve().body(OBJECT);
                assertThat(form).as(key + " deployed start form").containsEntry("id", formRef.get("key"));
            }
        }
    }

    @Test
    void shouldDeployEveryDecisionOfProcessesFolderInThatDeployment() throws IOException {
        List<Map<String, Object>> definitions = admin.get().uri("/engine-rest/decision-definition?latestVersion=true")
                .retrieve().body(LIST);
        Map<String, Object> deploymentByKey = new HashMap<>();
        definitions.forEach(definition -> deploymentByKey.put((String) definition.get("key"),
                definition.get("deploymentId")));
        for (String key : decisionKeys()) {
            assertThat(deploymentByKey).as(key).containsEntry(key, id());
        }
    }

    @Test
    void shouldLetADemoOfficerRegisterACaseAndStartALegalReview() {
        RestClient officer = app.as("zhangwei", PASSWORD);
        Map<String, Object> registered = officer.post().uri("/api/cases").body(Map.of(
                "kind", "PENALTY", "title", "某商店销售不合格电线案",
                "parties", List.of(Map.of("kind", "INDIVIDUAL", "name", "张三", "idNumber", "11010519491231002X",
                        "address", "某县某路1号")),
                "officers", List.of(Map.of("userId", "zhangwei"), Map.of("userId", "lina"))))
                .retrieve().body(OBJECT);
        long caseId = ((Number) registered.get("id")).longValue();

        String instanceId = (String) startLegalReview(officer, caseId).get("id");

        Map<String, Object> instance = admin.get().uri("/engine-rest/process-instance/{id}", instanceId).retrieve()
                .body(OBJECT);
        assertThat(instance).containsEntry("businessKey", "登记号" + caseId);
        assertThat(admin.get().uri("/engine-rest/task?processInstanceId={id}", instanceId).retrieve().body(LIST))
                .singleElement().satisfies(task -> assertThat(task).containsEntry("name", "受理审查"));
    }

    @Test
    void shouldLogNoErrorWhileStartingAndServing() throws IOException {
        assertThat(app.errorLines()).as("ERROR lines in " + app.log()).isEmpty();
    }

    /** Submits the start form (forms/submit-legal-review.form) as Tasklist does: the case by its registration number. */
    private static Map<String, Object> startLegalReview(RestClient officer, long caseId) {
        Map<String, Object> variables = new HashMap<>();
        Map.of("caseRef", String.valueOf(caseId), "decisionTitle", "对当事人罚款2万元",
                "basicFacts", "当事人销售不合格电线，货值5000元。", "appliedLaw", "《中华人民共和国产品质量法》第四十九条。",
                "discretionApplied", "适用裁量基准第二档。", "investigation", "现场检查、抽样检验、询问当事人。",
                "hearingAssessment", "无", "draftDecision", "行政处罚决定书（代拟稿）：罚款2万元。",
                "evidenceList", "1. 现场检查笔录\n2. 检验报告")
                .forEach((name, value) -> variables.put(name, Map.of("value", value, "type", "String")));
        return officer.post().uri("/engine-rest/process-definition/key/legal-review/submit-form")
                .body(Map.of("variables", variables)).retrieve().body(OBJECT);
    }

    private static String id() {
        return (String) deployment.get("id");
    }

    /** Every deployable file by the name it has in the deployment: below processes/, forms/ as {@code forms/…}. */
    private static Map<String, byte[]> sources() throws IOException {
        Map<String, byte[]> sources = new TreeMap<>();
        for (Path file : files(PROCESSES, ".bpmn", ".dmn")) {
            sources.put(PROCESSES.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
        }
        for (Path file : files(FORMS, ".form")) {
            sources.put("forms/" + FORMS.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
        }
        return sources;
    }

    private static List<String> processKeys() throws IOException {
        return files(PROCESSES, ".bpmn").stream()
                .flatMap(file -> Bpmn.readModelFromFile(file.toFile())
                        .getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class).stream())
                .filter(org.camunda.bpm.model.bpmn.instance.Process::isExecutable).map(BaseElement::getId)
                .toList();
    }

    private static List<String> decisionKeys() throws IOException {
        return files(PROCESSES, ".dmn").stream()
                .flatMap(file -> Dmn.readModelFromFile(file.toFile()).getModelElementsByType(Decision.class).stream())
                .map(Decision::getId).toList();
    }

    private static List<Path> files(Path folder, String... suffixes) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> Stream.of(suffixes).anyMatch(file.toString()::endsWith)).sorted().toList();
        }
    }
}
