package cn.zhifa.processes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/** The conventions designers and developers agreed on, checked over every model in processes/ and forms/. */
class ProcessModelConventionsTest {

    private static final Path PROCESSES = Path.of("processes");
    private static final Path FORMS = Path.of("forms");
    private static final Pattern ELEMENT_ID = Pattern.compile(
            "(StartEvent|EndEvent|Task|Gateway|SequenceFlow|BoundaryEvent|SubProcess|CallActivity|"
                    + "IntermediateEvent|TimerEventDefinition|TerminateEventDefinition|MessageEventDefinition|"
                    + "ErrorEventDefinition|EscalationEventDefinition|Message|Error|Escalation|Signal)_[A-Z][A-Za-z0-9]+");
    private static final Pattern CJK = Pattern.compile("\\p{IsHan}");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyElementIdFollowsTheNamingConvention() throws IOException {
        List<String> offending = new ArrayList<>();
        for (BpmnModelInstance model : models()) {
            for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
                if (element instanceof Process || element.getId() == null
                        || element.getElementType().getTypeName().startsWith("BPMN")) {
                    continue;
                }
                if (!ELEMENT_ID.matcher(element.getId()).matches()) {
                    offending.add(element.getId());
                }
            }
        }
        assertThat(offending).isEmpty();
    }

    @Test
    void everyProcessHasAKebabKeyMatchingItsFileAVersionTagAndHistoryTimeToLive() throws IOException {
        try (Stream<Path> files = bpmnFiles()) {
            for (Path file : files.toList()) {
                Process process = Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(Process.class)
                        .iterator().next();
                assertThat(file.getFileName().toString()).isEqualTo(process.getId() + ".bpmn");
                assertThat(process.getId()).matches("[a-z]+(-[a-z]+)*");
                assertThat(process.getCamundaVersionTag()).as(process.getId()).isNotBlank();
                assertThat(process.getCamundaHistoryTimeToLiveString()).as(process.getId()).isNotBlank();
            }
        }
    }

    @Test
    void everyNamedElementHasAChineseName() throws IOException {
        List<String> unnamed = new ArrayList<>();
        for (BpmnModelInstance model : models()) {
            for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
                boolean mustBeNamed = element instanceof UserTask
                        || element.getElementType().getTypeName().equals("serviceTask");
                if (mustBeNamed && (element.getName() == null || !CJK.matcher(element.getName()).find())) {
                    unnamed.add(element.getId());
                }
            }
        }
        assertThat(unnamed).isEmpty();
    }

    @Test
    void everyTimerNamesADeadlineCatalogueEntryAndNoDurationIsWritten() throws IOException {
        for (BpmnModelInstance model : models()) {
            for (TimerEventDefinition timer : model.getModelElementsByType(TimerEventDefinition.class)) {
                assertThat(timer.getTimeDuration()).as(timer.getId()).isNull();
                assertThat(timer.getTimeCycle()).as(timer.getId()).isNull();
                assertThat(timer.getTimeDate().getTextContent()).as(timer.getId())
                        .matches("\\$\\{deadlines\\.(dueAt|remindAt)\\(execution, '[A-Z_]+'\\)}");
            }
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                String due = task.getCamundaDueDate();
                assertThat(due == null || due.startsWith("${")).as(task.getId() + " due date").isTrue();
            }
        }
    }

    @Test
    void everyUserTaskHasItsOwnDeployedFormAndEveryFormIsUsed() throws IOException {
        Set<String> used = new HashSet<>();
        for (BpmnModelInstance model : models()) {
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                String expected = kebab(task.getId().substring("Task_".length()));
                assertThat(task.getCamundaFormRef()).as(task.getId()).isEqualTo(expected);
                assertThat(task.getCamundaFormRefBinding()).as(task.getId()).isEqualTo("deployment");
                assertThat(formId(FORMS.resolve(expected + ".form"))).as(task.getId()).isEqualTo(expected);
                used.add(expected);
            }
            for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
                if (start.getCamundaFormRef() != null) {
                    assertThat(formId(FORMS.resolve(start.getCamundaFormRef() + ".form"))).isEqualTo(start.getCamundaFormRef());
                    used.add(start.getCamundaFormRef());
                }
            }
        }
        try (Stream<Path> forms = Files.list(FORMS)) {
            assertThat(forms.map(f -> f.getFileName().toString().replace(".form", "")).toList())
                    .containsExactlyInAnyOrderElementsOf(used);
        }
    }

    @Test
    void everyFormFieldHasAnEnglishKeyAndAChineseLabel() throws IOException {
        try (Stream<Path> forms = Files.list(FORMS)) {
            for (Path form : forms.toList()) {
                for (JsonNode component : JSON.readTree(form.toFile()).get("components")) {
                    if (component.has("key")) {
                        assertThat(component.get("key").asText()).as(form + " key").matches("[a-z][A-Za-z0-9]*");
                        String label = component.has("label") ? component.get("label").asText()
                                : component.path("dateLabel").asText();
                        assertThat(CJK.matcher(label).find()).as(form + " " + component.get("key") + " label").isTrue();
                    }
                }
            }
        }
    }

    private static String formId(Path form) throws IOException {
        assertThat(form).exists();
        return JSON.readTree(form.toFile()).get("id").asText();
    }

    private static String kebab(String pascal) {
        return pascal.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }

    private static Stream<Path> bpmnFiles() throws IOException {
        return Files.list(PROCESSES).filter(f -> f.toString().endsWith(".bpmn"));
    }

    private static List<BpmnModelInstance> models() throws IOException {
        try (Stream<Path> files = bpmnFiles()) {
            return files.map(f -> Bpmn.readModelFromFile(f.toFile())).toList();
        }
    }
}
