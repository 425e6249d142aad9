package cn.zhifa.processes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.util.ClassUtils;

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
    private static final String DOCUMENTS_MODULE = "cn.zhifa.documents";
    private static final Pattern BEAN_IN_EXPRESSION = Pattern.compile("\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern TIMER = Pattern.compile("\\$\\{deadlines\\.(dueAt|remindAt)\\(execution, '[A-Z_]+'\\)}");
    private static final Pattern RETRY_CYCLE = Pattern.compile("R[1-9][0-9]*/P.+");

    // no code in models (docs/security.md): the shapes an expression may take, and the beans a model may call;
    // an engine service is a camelCase name (identityService), not a catalogue id such as 'DECISION_SERVICE'
    private static final Set<String> CALLABLE_BEANS = Set.of("deadlines");
    private static final String IDENTIFIER = "[a-z][A-Za-z0-9]*";
    private static final Pattern DELEGATE = Pattern.compile("\\$\\{" + IDENTIFIER + "(Delegate|Listener)}");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{" + IDENTIFIER + "}");
    private static final Pattern BEAN_CALL = Pattern.compile("\\$\\{(" + IDENTIFIER + ")\\.[a-z][A-Za-z0-9]*"
            + "\\((execution|task)(, ('[A-Z][A-Z0-9_]*'|" + IDENTIFIER + "))*\\)}");
    private static final String COMPARISON = "!?" + IDENTIFIER + "( (==|!=) ('[A-Za-z0-9_]+'|true|false|[0-9]+))?";
    private static final Pattern CONDITION = Pattern.compile(
            "\\$\\{" + COMPARISON + "( (&&|\\|\\|) " + COMPARISON + ")*}");
    private static final Pattern DANGEROUS = Pattern.compile(
            "(?i)getclass|forname|\\bruntime\\b|processbuilder|classloader|jdbc|datasource|(?-i:[a-z0-9]Service)\\b"
                    + "|processengine|applicationcontext|\\benvironment\\b|\\b(execution|task)\\.");
    private static final Set<String> CODE_ELEMENTS = Set.of("scriptTask", "script", "connector");
    private static final Set<String> CODE_ATTRIBUTES =
            Set.of("class", "scriptFormat", "resource", "expressionLanguage");

    @Test
    void everyElementIdFollowsTheNamingConvention() throws IOException {
        assertThat(elementIdFindings(models())).isEmpty();
    }

    static List<String> elementIdFindings(List<BpmnModelInstance> models) {
        List<String> offending = new ArrayList<>();
        for (BpmnModelInstance model : models) {
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
        return offending;
    }

    @Test
    void everyProcessHasAKebabKeyMatchingItsFileAVersionTagAndHistoryTimeToLive() throws IOException {
        try (Stream<Path> files = bpmnFiles()) {
            for (Path file : files.toList()) {
                Process process = Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(Process.class)
                        .iterator().next();
                assertThat(file.getFileName().toString()).isEqualTo(process.getId() + ".bpmn");
                assertThat(process.getId()).matches("[a-z]+(-[a-z]+)*");
            }
        }
        assertThat(versionAndHistoryFindings(models())).isEmpty();
    }

    static List<String> versionAndHistoryFindings(List<BpmnModelInstance> models) {
        List<String> offending = new ArrayList<>();
        for (BpmnModelInstance model : models) {
            for (Process process : model.getModelElementsByType(Process.class)) {
                if (process.getCamundaVersionTag() == null || process.getCamundaVersionTag().isBlank()) {
                    offending.add(process.getId() + ": no version tag");
                }
                if (process.getCamundaHistoryTimeToLiveString() == null
                        || process.getCamundaHistoryTimeToLiveString().isBlank()) {
                    offending.add(process.getId() + ": no history time to live");
                }
            }
        }
        return offending;
    }

    @Test
    void everyNamedElementHasAChineseName() throws IOException {
        assertThat(chineseNameFindings(models())).isEmpty();
    }

    static List<String> chineseNameFindings(List<BpmnModelInstance> models) {
        List<String> unnamed = new ArrayList<>();
        for (BpmnModelInstance model : models) {
            for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
                boolean mustBeNamed = element instanceof UserTask
                        || element.getElementType().getTypeName().equals("serviceTask");
                if (mustBeNamed && (element.getName() == null || !CJK.matcher(element.getName()).find())) {
                    unnamed.add(element.getId());
                }
            }
        }
        return unnamed;
    }

    @Test
    void everyTimerNamesADeadlineCatalogueEntryAndNoDurationIsWritten() throws IOException {
        assertThat(timerFindings(models())).isEmpty();
    }

    static List<String> timerFindings(List<BpmnModelInstance> models) {
        List<String> offending = new ArrayList<>();
        for (BpmnModelInstance model : models) {
            for (TimerEventDefinition timer : model.getModelElementsByType(TimerEventDefinition.class)) {
                if (timer.getTimeDuration() != null || timer.getTimeCycle() != null || timer.getTimeDate() == null
                        || !TIMER.matcher(timer.getTimeDate().getTextContent()).matches()) {
                    offending.add(timer.getId());
                }
            }
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                String due = task.getCamundaDueDate();
                if (due != null && !due.startsWith("${")) {
                    offending.add(task.getId() + " due date");
                }
            }
        }
        return offending;
    }

    @Test
    void everyUserTaskHasItsOwnDeployedFormAndEveryFormIsUsed() throws IOException {
        Set<String> used = new HashSet<>();
        assertThat(formFindings(models(), used)).isEmpty();
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

    @Test
    void everyExpressionInEveryModelIsOneOfTheSafeShapes() throws Exception {
        for (Path model : modelFiles()) {
            try (InputStream in = Files.newInputStream(model)) {
                assertThat(unsafeParts(in)).as(model.toString()).isEmpty();
            }
        }
    }

    @Test
    void theCheckFindsTheAttacksOfIssue8() throws Exception {


        // the same model the lint rule zhifa/no-code-in-models must reject (tools/bpmnlint-plugin-zhifa/test)
        List<String> found;
        try (InputStream attack = Files.newInputStream(Path.of("src/test/resources/lint/attack-of-issue-8.bpmn"))) {
            found = unsafeParts(attack);
        }

        assertThat(found.stream().map(finding -> finding.substring(0, finding.indexOf(':'))).distinct())
                .containsExactlyInAnyOrder("a", "b", "c", "d", "e", "f", "g", "h");
    }

    /** Every expression that is not a safe shape, every script and every Java class a model names. */
    static List<String> unsafeParts(InputStream model)
            throws ParserConfigurationException, SAXException, IOException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        List<String> unsafe = new ArrayList<>();
        collectUnsafe(factory.newDocumentBuilder().parse(model).getDocumentElement(), "", unsafe);
        return unsafe;
    }

    /** Findings read "id of the nearest element that has one: what". */
    private static void collectUnsafe(Element element, String ownerId, List<String> unsafe) {
        String owner = element.getAttribute("id").isEmpty() ? ownerId : element.getAttribute("id");
        String where = owner + ": " + element.getLocalName();
        if (CODE_ELEMENTS.contains(element.getLocalName())) {
            unsafe.add(where + " (a script or connector)");
        }
        for (int i = 0; i < element.getAttributes().getLength(); i++) {
            Attr attribute = (Attr) element.getAttributes().item(i);
            String name = attribute.getLocalName();
            boolean feel = name.equals("expressionLanguage") && attribute.getValue().toLowerCase().contains("feel");
            if (CODE_ATTRIBUTES.contains(name) && !feel || !isSafe(name, attribute.getValue())) {
                unsafe.add(where + " " + name + "=" + attribute.getValue());
            }
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            String text = child.getNodeValue() == null ? "" : child.getNodeValue().strip();
            if (child instanceof Element nested) {
                collectUnsafe(nested, owner, unsafe);
            } else if (child.getNodeType() == Node.TEXT_NODE && !isSafe(element.getLocalName(), text)) {
                unsafe.add(where + " " + text);
            }
        }
    }

    private static boolean isSafe(String context, String value) {
        if (!value.contains("${") && !value.contains("#{")) {
            return true;
        }
        if (DANGEROUS.matcher(value).find()) {
            return false;
        }
        if (context.equals("delegateExpression")) {
            return DELEGATE.matcher(value).matches();
        }
        if (context.equals("conditionExpression")) {
            return CONDITION.matcher(value).matches();
        }
        Matcher call = BEAN_CALL.matcher(value);
        return VARIABLE.matcher(value).matches() || call.matches() && CALLABLE_BEANS.contains(call.group(1));
    }

    private static List<Path> modelFiles() throws IOException {
        try (Stream<Path> files = Files.list(PROCESSES)) {
            return files.filter(f -> f.toString().endsWith(".bpmn") || f.toString().endsWith(".dmn")).toList();
        }
    }

    /**
     * Rendering a document or storing a file can fail for reasons the user's click cannot fix (a broken template, a
     * full disk): such a service task runs in a job of its own with a retry cycle, so a failure is retried and then
     * shows as an incident in Cockpit. Which delegates do that is read from the code: those that use the documents
     * module, the one module that renders documents and writes files.
     */
    @Test
    void everyServiceTaskThatRendersDocumentsOrWritesFilesRunsInARetriedJob() throws IOException {
        Map<String, Class<?>> beans = componentClasses();
        assertThat(beans.get("issueReviewOpinionDelegate")).as("a delegate that renders a document")
                .matches(ProcessModelConventionsTest::usesTheDocumentsModule);
        assertThat(documentTaskFindings(models()))
                .as("service tasks without asyncBefore and a retry cycle such as R3/PT5M").isEmpty();
    }

    static List<String> documentTaskFindings(List<BpmnModelInstance> models) {
        Map<String, Class<?>> beans = componentClasses();
        List<String> offending = new ArrayList<>();
        for (BpmnModelInstance model : models) {
            for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
                Class<?> delegate = delegateClass(task, beans);
                if (delegate != null && usesTheDocumentsModule(delegate) && !(task.isCamundaAsyncBefore()
                        && RETRY_CYCLE.matcher(String.valueOf(retryCycle(task))).matches())) {
                    offending.add(task.getId());
                }
            }
        }
        return offending;
    }

    static boolean usesTheDocumentsModule(Class<?> type) {
        return type.getPackageName().equals(DOCUMENTS_MODULE) || Stream.of(type.getDeclaredConstructors())
                .flatMap(constructor -> Stream.of(constructor.getParameterTypes()))
                .anyMatch(parameter -> parameter.getPackageName().equals(DOCUMENTS_MODULE));
    }

    /** The bean named by camunda:delegateExpression or camunda:expression (models name no classes, see above). */
    private static Class<?> delegateClass(ServiceTask task, Map<String, Class<?>> beans) {
        String expression = task.getCamundaDelegateExpression() != null ? task.getCamundaDelegateExpression()
                : task.getCamundaExpression();
        if (expression == null) {
            return null;
        }
        Matcher bean = BEAN_IN_EXPRESSION.matcher(expression);
        return bean.lookingAt() ? beans.get(bean.group(1)) : null;
    }

    private static String retryCycle(ServiceTask task) {
        if (task.getExtensionElements() == null) {
            return null;
        }
        return task.getExtensionElements().getElementsQuery().filterByType(CamundaFailedJobRetryTimeCycle.class).list()
                .stream().map(CamundaFailedJobRetryTimeCycle::getTextContent).findFirst().orElse(null);
    }

    /** Every Spring component under cn.zhifa by its bean name. */
    static Map<String, Class<?>> componentClasses() {
        Map<String, Class<?>> beans = new HashMap<>();
        BeanDefinitionRegistry registry = new SimpleBeanDefinitionRegistry();
        for (BeanDefinition definition : new ClassPathScanningCandidateComponentProvider(true)
                .findCandidateComponents("cn.zhifa")) {
            beans.put(AnnotationBeanNameGenerator.INSTANCE.generateBeanName(definition, registry),
                    ClassUtils.resolveClassName(definition.getBeanClassName(), null));
        }
        return beans;
    }

    /** User tasks and start events without their own form in forms/; collects the forms used. */
    static List<String> formFindings(List<BpmnModelInstance> models, Set<String> used) throws IOException {
        List<String> offending = new ArrayList<>();
        for (BpmnModelInstance model : models) {
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                String expected = kebab(task.getId().replaceFirst("^Task_", ""));
                if (!expected.equals(task.getCamundaFormRef()) || !"deployment".equals(task.getCamundaFormRefBinding())
                        || !expected.equals(formId(FORMS.resolve(expected + ".form")))) {
                    offending.add(task.getId());
                }
                used.add(expected);
            }
            for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
                if (start.getCamundaFormRef() != null) {
                    if (!start.getCamundaFormRef().equals(formId(FORMS.resolve(start.getCamundaFormRef() + ".form")))) {
                        offending.add(start.getId());
                    }
                    used.add(start.getCamundaFormRef());
                }
            }
        }
        return offending;
    }

    private static String formId(Path form) throws IOException {
        return Files.exists(form) ? JSON.readTree(form.toFile()).get("id").asText() : null;
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
