package cn.zhifa.processes;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.boundary.EngineVariables;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.junit.jupiter.api.Test;

/**
 * The boundary's model conventions (docs/security.md): who may act comes from the case's agency, never from a group
 * id written in a model; every process declares its engine-owned variables and whether it runs once per case; no form
 * lets a person submit an engine-owned variable.
 */
class BoundaryConventionsTest {

    private static final Path PROCESSES = Path.of("processes");
    private static final Path FORMS = Path.of("forms");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A candidate group or assignee is an expression over a variable the engine set. */
    private static final Pattern ACTOR_EXPRESSION = Pattern.compile("\\$\\{[a-z][A-Za-z]*}");

    @Test
    void noModelNamesAGroupOrPersonOfItsOwn() throws IOException {
        assertThat(actorFindings(models())).isEmpty();
    }

    static List<String> actorFindings(List<Model> models) {
        List<String> offending = new ArrayList<>();
        for (Model model : models) {
            for (UserTask task : model.instance().getModelElementsByType(UserTask.class)) {
                for (String actor : new String[] {task.getCamundaCandidateGroups(), task.getCamundaCandidateUsers(),
                        task.getCamundaAssignee()}) {
                    if (actor != null && !ACTOR_EXPRESSION.matcher(actor).matches()) {
                        offending.add(model.process().getId() + "/" + task.getId() + ": " + actor);
                    } else if (actor != null && !model.owned().contains(actor.substring(2, actor.length() - 1))) {
                        offending.add(model.process().getId() + "/" + task.getId() + ": " + actor
                                + " is not an engine-owned variable");
                    }
                }
            }
            for (StartEvent start : model.instance().getModelElementsByType(StartEvent.class)) {
                if (start.getCamundaInitiator() != null) {
                    offending.add(model.process().getId() + "/" + start.getId() + ": camunda:initiator");
                }
            }
        }
        return offending;
    }

    @Test
    void everyProcessDeclaresItsEngineOwnedVariablesAndWhetherItRunsOncePerCase() throws IOException {
        assertThat(declarationFindings(models())).isEmpty();
    }

    static List<String> declarationFindings(List<Model> models) {
        List<String> offending = new ArrayList<>();
        for (Model model : models) {
            if (!model.properties().containsKey(EngineVariables.OWNED_PROPERTY)
                    || !Set.of("true", "false").contains(model.properties().get(EngineVariables.ONE_PER_CASE_PROPERTY))) {
                offending.add(model.process().getId());
            }
        }
        return offending;
    }

    @Test
    void noFormOfAProcessSubmitsAnEngineOwnedVariable() throws IOException {
        assertThat(formWritesEngineOwnedFindings(models())).isEmpty();
    }

    static List<String> formWritesEngineOwnedFindings(List<Model> models) throws IOException {
        List<String> offending = new ArrayList<>();
        for (Model model : models) {
            Set<String> forms = new HashSet<>();
            model.instance().getModelElementsByType(UserTask.class).forEach(t -> forms.add(t.getCamundaFormRef()));
            model.instance().getModelElementsByType(StartEvent.class).stream().map(StartEvent::getCamundaFormRef)
                    .filter(f -> f != null).forEach(forms::add);
            for (String form : forms) {
                for (String key : submittedKeys(JSON.readTree(FORMS.resolve(form + ".form").toFile()))) {
                    if (model.owned().contains(key)) {
                        offending.add(form + ": " + key);
                    }
                }
            }
        }
        return offending;
    }

    @Test
    void contextFieldsAreDisabledNotReadOnlyBecauseReadOnlyFieldsAreSubmitted() throws IOException {
        try (Stream<Path> forms = Files.list(FORMS)) {
            for (Path form : forms.toList()) {
                assertThat(Files.readString(form)).as(form.toString()).doesNotContain("\"readonly\"");
            }
        }
    }

    private static Set<String> submittedKeys(JsonNode container) {
        Set<String> keys = new HashSet<>();
        for (JsonNode component : container.path("components")) {
            if (component.hasNonNull("key") && !component.path("disabled").asBoolean(false)) {
                keys.add(component.get("key").asText());
            }
            keys.addAll(submittedKeys(component));
        }
        return keys;
    }

    record Model(BpmnModelInstance instance, Process process, Map<String, String> properties) {

        Set<String> owned() {
            Set<String> owned = new HashSet<>(EngineVariables.COMMON);
            owned.addAll(Arrays.stream(properties.getOrDefault(EngineVariables.OWNED_PROPERTY, "").split(","))
                    .map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toSet()));
            return owned;
        }
    }

    private static List<Model> models() throws IOException {
        try (Stream<Path> files = Files.list(PROCESSES)) {
            return models(files.filter(f -> f.toString().endsWith(".bpmn")).toList());
        }
    }

    static List<Model> models(List<Path> files) {
        return files.stream().map(f -> {
                BpmnModelInstance instance = Bpmn.readModelFromFile(f.toFile());
                Process process = instance.getModelElementsByType(Process.class).iterator().next();
                Map<String, String> properties = process.getExtensionElements() == null ? Map.of()
                        : process.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class)
                                .list().stream().flatMap(p -> p.getCamundaProperties().stream())
                                .collect(Collectors.toMap(CamundaProperty::getCamundaName,
                                        CamundaProperty::getCamundaValue));
                return new Model(instance, process, properties);
            }).toList();
    }
}
