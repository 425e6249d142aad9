package cn.zhifa.processes;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.boundary.EngineVariables;
import cn.zhifa.documents.DocumentType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What the Camunda Modeler and the lint know of the project is generated from the sources: the facts the bpmnlint
 * rules check against (tools/bpmnlint-plugin-zhifa/project-facts.json) and the element templates
 * (.camunda/element-templates/zhifa.json). When a source changes (a catalogue entry, a form, a document type, a
 * delegate), the test writes the new file and fails: commit the regenerated file. A template may only name what
 * exists: a catalogue entry, a document type, a delegate bean, a process in processes/, a decision in processes/, or
 * a procedure another feature is building ({@link #EXPECTED_SOON}, docs/designers.md).
 */
class ModelerFilesTest {

    static final Path FACTS = Path.of("tools/bpmnlint-plugin-zhifa/project-facts.json");
    static final Path TEMPLATES = Path.of(".camunda/element-templates/zhifa.json");
    private static final Path CATALOGUE = Path.of("src/main/resources/deadline/catalogue.json");
    private static final Path PROCESSES = Path.of("processes");
    private static final Path FORMS = Path.of("forms");
    private static final Path SOURCES = Path.of("src/main/java");
    private static final String SCHEMA = "https://unpkg.com/@camunda/element-templates-json-schema/resources/schema.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Pattern DOCUMENT_TYPE_IN_SOURCE = Pattern.compile("DocumentType\\.([A-Z_]+)");
    private static final Pattern CATALOGUE_CALL = Pattern.compile("\\$\\{deadlines\\.[a-zA-Z]+\\(execution, '([A-Z_]+)'\\)}");
    private static final Pattern BEAN = Pattern.compile("^\\$\\{([a-z][A-Za-z0-9]*)}$");
    private static final Pattern DECISION_ID = Pattern.compile("<(?:dmn:)?decision\\s[^>]*id=\"([^\"]+)\"");

    /**
     * Keys of procedures and decisions that other features are building (issue 19): their templates may stand before
     * their models land in processes/. Remove a key here once its model is on main.
     */
    static final Set<String> EXPECTED_SOON = Set.of("disclosure", "hearing-right", "legal-review-required",
            "collective-discussion-required");

    /** The reusable procedures a call activity may call, with the variables each takes and gives back. */
    record Procedure(String key, String name, List<String> in, boolean allVariables, List<String> out) {
    }

    static final List<Procedure> PROCEDURES = List.of(
            new Procedure("legal-review", "重大执法决定法制审核", List.of(), true, List.of("reviewResult", "opinionDocumentId")),
            new Procedure("hearing", "听证", List.of("noticeServedAt", "hearingRight", "hearingRightReason", "pauseDeadline"),
                    false, List.of("hearingResult", "hearingReportDocumentId", "hearingTranscriptDocumentId")),
            new Procedure("collective-discussion", "负责人集体讨论", List.of("matter", "decisionTitle", "caseStatement",
                    "draftDecision", "extensionGrounds", "proposedExtensionDays"), false, List.of("discussionResult",
                    "discussionConclusion", "changedPenaltyHeavier", "furtherExtensionDays", "minutesDocumentId")),
            new Procedure("document-service", "送达文书", List.of("serviceDocumentId", "documentToServe", "recipient",
                    "decidedAt", "pauseDeadline"), false, List.of("serviceDate", "serviceMethod", "servedBy",
                    "announcementPublishedOn", "announcementServedOn")),
            new Procedure("disclosure", "执法决定公示", List.of("decisionKind", "decisionDocumentId", "decidedAt"), false,
                    List.of("disclosureResult")));

    /** The DMN decisions a business-rule task may evaluate. */
    static final Map<String, String> DECISIONS = Map.of(
            "hearing-right", "是否告知听证权利",
            "legal-review-required", "是否须经法制审核",
            "collective-discussion-required", "是否须经负责人集体讨论");

    @Test
    void theLintFactsAreGeneratedFromTheSources() throws IOException {
        assertUpToDate(FACTS, facts());
    }

    @Test
    void theElementTemplatesAreGeneratedFromTheSources() throws IOException {
        assertUpToDate(TEMPLATES, templates());
    }

    @Test
    void everyTemplateNamesOnlyWhatExists() throws IOException {
        assertThat(unknownNames(JSON.readTree(TEMPLATES.toFile()))).isEmpty();
    }

    @Test
    void theCheckFindsATemplateThatNamesWhatDoesNotExist() throws IOException {
        JsonNode forged = JSON.readTree("""
                [{"id": "cn.zhifa.forged", "properties": [
                  {"type": "Hidden", "value": "${deadlines.dueAt(execution, 'NO_SUCH_PERIOD')}",
                   "binding": {"type": "property", "name": "camunda:dueDate"}},
                  {"type": "Hidden", "value": "no-such-procedure", "binding": {"type": "property", "name": "calledElement"}},
                  {"type": "Hidden", "value": "no-such-decision",
                   "binding": {"type": "property", "name": "camunda:decisionRef"}},
                  {"type": "Hidden", "value": "${noSuchDelegate}",
                   "binding": {"type": "property", "name": "camunda:delegateExpression"}}]},
                 {"id": "cn.zhifa.document.NO_SUCH_DOCUMENT", "properties": []}]
                """);

        assertThat(unknownNames(forged)).containsExactlyInAnyOrder("catalogue entry NO_SUCH_PERIOD",
                "process no-such-procedure", "decision no-such-decision", "bean noSuchDelegate",
                "document type NO_SUCH_DOCUMENT");
    }

    /** Every name a template writes that is neither in the sources nor expected soon. */
    private static List<String> unknownNames(JsonNode templates) throws IOException {
        Set<String> entries = catalogueIds();
        Set<String> processes = new TreeSet<>(EXPECTED_SOON);
        Set<String> decisions = new TreeSet<>(EXPECTED_SOON);
        try (Stream<Path> files = Files.list(PROCESSES)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".bpmn")) {
                    processes.add(name.substring(0, name.length() - ".bpmn".length()));
                } else if (name.endsWith(".dmn")) {
                    Matcher decision = DECISION_ID.matcher(Files.readString(file));
                    while (decision.find()) {
                        decisions.add(decision.group(1));
                    }
                }
            }
        }
        Set<String> beans = ProcessModelConventionsTest.componentClasses().keySet();
        Set<String> types = Stream.of(DocumentType.values()).map(Enum::name).collect(TreeSet::new, Set::add, Set::addAll);
        List<String> unknown = new ArrayList<>();
        for (JsonNode template : templates) {
            String id = template.path("id").asText();
            if (id.startsWith("cn.zhifa.document.") && !types.contains(id.substring("cn.zhifa.document.".length()))) {
                unknown.add("document type " + id.substring("cn.zhifa.document.".length()));
            }
            for (JsonNode property : template.path("properties")) {
                String value = property.path("value").asText();
                String binding = property.path("binding").path("name").asText();
                Matcher entry = CATALOGUE_CALL.matcher(value);
                while (entry.find()) {
                    if (!entries.contains(entry.group(1))) {
                        unknown.add("catalogue entry " + entry.group(1));
                    }
                }
                if (binding.equals("documentType") && !types.contains(value)) {
                    unknown.add("document type " + value);
                }
                if (binding.equals("calledElement") && !processes.contains(value)) {
                    unknown.add("process " + value);
                }
                if (binding.equals("camunda:decisionRef") && !decisions.contains(value)) {
                    unknown.add("decision " + value);
                }
                Matcher bean = BEAN.matcher(value);
                if (binding.equals("camunda:delegateExpression") && (!bean.matches() || !beans.contains(bean.group(1)))) {
                    unknown.add("bean " + (bean.matches() ? bean.group(1) : value));
                }
            }
        }
        return unknown;
    }

    // ---- the facts the lint rules check against

    private static ObjectNode facts() throws IOException {
        ObjectNode facts = JSON.createObjectNode();
        facts.put("generatedBy", "cn.zhifa.processes.ModelerFilesTest (do not edit; run the test and commit)");
        ArrayNode catalogue = facts.putArray("catalogue");
        for (JsonNode entry : JSON.readTree(CATALOGUE.toFile()).get("entries")) {
            catalogue.addObject().put("id", entry.get("id").asText()).put("name", entry.get("name").asText())
                    .put("reminder", entry.hasNonNull("reminder")).put("escalation", entry.path("escalation").asBoolean());
        }
        ObjectNode forms = facts.putObject("forms");
        try (Stream<Path> files = Files.list(FORMS)) {
            for (Path file : files.sorted().toList()) {
                JsonNode form = JSON.readTree(file.toFile());
                Set<String> submitted = new TreeSet<>();
                List<String> texts = new ArrayList<>();
                walkForm(form, submitted, texts);
                ObjectNode entry = forms.putObject(form.get("id").asText());
                submitted.forEach(entry.putArray("submitted")::add);
                texts.forEach(entry.putArray("texts")::add);
            }
        }
        ArrayNode types = facts.putArray("documentTypes");
        for (DocumentType type : DocumentType.values()) {
            types.addObject().put("id", type.name()).put("name", type.chineseName());
        }
        ArrayNode delegates = facts.putArray("documentDelegates");
        for (Map.Entry<String, Class<?>> bean : documentDelegates().entrySet()) {
            ObjectNode delegate = delegates.addObject().put("bean", bean.getKey());
            documentTypesOf(bean.getValue()).forEach(delegate.putArray("documentTypes")::add);
        }
        new TreeSet<>(EngineVariables.COMMON).forEach(facts.putArray("engineOwnedCommon")::add);
        return facts;
    }

    /** What a form submits (a keyed field that is not disabled) and every text a person reads on it. */
    private static void walkForm(JsonNode container, Set<String> submitted, List<String> texts) {
        for (JsonNode component : container.path("components")) {
            if (component.hasNonNull("key") && !component.path("disabled").asBoolean(false)) {
                submitted.add(component.get("key").asText());
            }
            for (String field : List.of("label", "text", "description", "placeholder", "dateLabel")) {
                if (component.hasNonNull(field)) {
                    texts.add(component.get(field).asText());
                }
            }
            for (JsonNode value : component.path("values")) {
                texts.add(value.path("label").asText());
            }
            walkForm(component, submitted, texts);
        }
    }

    /** The delegates that render documents or write files: those that use the documents module. */
    private static Map<String, Class<?>> documentDelegates() {
        Map<String, Class<?>> delegates = new TreeMap<>();
        ProcessModelConventionsTest.componentClasses().forEach((bean, type) -> {
            if (bean.endsWith("Delegate") && ProcessModelConventionsTest.usesTheDocumentsModule(type)) {
                delegates.put(bean, type);
            }
        });
        return delegates;
    }

    private static Set<String> documentTypesOf(Class<?> delegate) throws IOException {
        Path source = SOURCES.resolve(delegate.getName().replace('.', '/') + ".java");
        Set<String> types = new TreeSet<>();
        Matcher type = DOCUMENT_TYPE_IN_SOURCE.matcher(Files.readString(source));
        while (type.find()) {
            types.add(type.group(1));
        }
        return types;
    }

    private static Set<String> catalogueIds() throws IOException {
        Set<String> ids = new TreeSet<>();
        JSON.readTree(CATALOGUE.toFile()).get("entries").forEach(entry -> ids.add(entry.get("id").asText()));
        return ids;
    }

    // ---- the element templates

    private static ArrayNode templates() throws IOException {
        ArrayNode templates = JSON.createArrayNode();
        for (JsonNode entry : JSON.readTree(CATALOGUE.toFile()).get("entries")) {
            deadlineTask(templates.addObject(), entry.get("id").asText(), entry.get("name").asText());
        }
        for (DocumentType type : DocumentType.values()) {
            documentTask(templates.addObject(), type);
        }
        recordEntry(templates.addObject());
        for (Procedure procedure : PROCEDURES) {
            callActivity(templates.addObject(), procedure);
        }
        for (Map.Entry<String, String> decision : new TreeMap<>(DECISIONS).entrySet()) {
            businessRuleTask(templates.addObject(), decision.getKey(), decision.getValue());
        }
        return templates;
    }

    private static ObjectNode header(ObjectNode template, String id, String name, String description, String appliesTo) {
        template.put("$schema", SCHEMA).put("name", name).put("id", id).put("version", 1)
                .put("description", description);
        template.putArray("appliesTo").add(appliesTo);
        template.putObject("elementType").put("value", appliesTo);
        return template;
    }

    private static void deadlineTask(ObjectNode template, String entry, String name) {
        header(template, "cn.zhifa.deadline-task." + entry, "法定期限任务：" + name + "（" + entry + "）",
                "到期日和跟进日取自期限目录 " + entry + "，任务结束时该期限办结。", "bpmn:UserTask");
        ArrayNode properties = template.putArray("properties");
        hidden(properties, "camunda:dueDate", "${deadlines.dueAt(execution, '" + entry + "')}");
        hidden(properties, "camunda:followUpDate", "${deadlines.followUpAt(execution, '" + entry + "')}");
        ObjectNode listener = properties.addObject().put("type", "Hidden")
                .put("value", "${deadlines.complete(execution, '" + entry + "')}");
        listener.putObject("binding").put("type", "camunda:executionListener").put("event", "end")
                .put("implementationType", "expression");
        ObjectNode groups = properties.addObject().put("label", "办理机构").put("type", "Dropdown")
                .put("value", "${handlingUnit}");
        ArrayNode choices = groups.putArray("choices");
        choices.addObject().put("name", "承办机构").put("value", "${handlingUnit}");
        choices.addObject().put("name", "法制审核机构").put("value", "${legalUnit}");
        choices.addObject().put("name", "机关负责人").put("value", "${leadershipUnit}");
        groups.putObject("binding").put("type", "property").put("name", "camunda:candidateGroups");
        ObjectNode form = properties.addObject().put("label", "表单（forms/ 中的表单标识）").put("type", "String")
                .put("description", "与任务标识对应：Task_ReviewOpinion 的表单为 review-opinion");
        form.putObject("binding").put("type", "property").put("name", "camunda:formRef");
        form.putObject("constraints").put("notEmpty", true).putObject("pattern")
                .put("value", "^[a-z]+(-[a-z]+)*$").put("message", "表单标识为英文小写连字符形式");
        hidden(properties, "camunda:formRefBinding", "deployment");
    }

    private static void documentTask(ObjectNode template, DocumentType type) {
        List<String> fields = type.fieldsFromProcess().entrySet().stream()
                .map(field -> field.getKey() + "（" + field.getValue() + "）").toList();
        header(template, "cn.zhifa.document." + type.name(), "生成文书：" + type.chineseName(),
                "生成《" + type.chineseName() + "》并归入案卷，案件编号、当事人、机关等取自案件登记；"
                        + (fields.isEmpty() ? "" : "其余内容取自同名流程变量：" + String.join("、", fields) + "。")
                        + "异步执行：在“异步延续”中填写重试周期，如 R3/PT5M。", "bpmn:ServiceTask");
        ArrayNode properties = template.putArray("properties");
        hidden(properties, "camunda:delegateExpression", "${generateDocumentDelegate}");
        ObjectNode async = properties.addObject().put("type", "Hidden").put("value", true);
        async.putObject("binding").put("type", "property").put("name", "camunda:asyncBefore");
        properties.addObject().put("type", "Hidden").put("value", type.name()).putObject("binding")
                .put("type", "camunda:inputParameter").put("name", "documentType");
        ObjectNode author = properties.addObject().put("label", "制作人（引擎记录的人员变量）").put("type", "String")
                .put("value", "${startedBy}").put("description", "如 ${startedBy}、${reviewer}；须符合该文书的制作人规则");
        author.putObject("binding").put("type", "camunda:inputParameter").put("name", "documentAuthor");
        author.putObject("constraints").put("notEmpty", true).putObject("pattern")
                .put("value", "^\\$\\{[a-z][A-Za-z0-9]*}$").put("message", "写作 ${变量名}");
        ObjectNode id = properties.addObject().put("label", "文书编号写入变量（须列入 engineOwnedVariables）")
                .put("type", "String").put("value", lowerCamel(type.name()) + "DocumentId");
        id.putObject("binding").put("type", "camunda:inputParameter").put("name", "documentIdVariable");
        id.putObject("constraints").put("notEmpty", true).putObject("pattern")
                .put("value", "^[a-z][A-Za-z0-9]*$").put("message", "英文变量名");
    }

    private static void recordEntry(ObjectNode template) {
        header(template, "cn.zhifa.record-entry", "记录：全过程记录",
                "在案件的全过程记录中追加一条记录（记录代码、摘要、记录人、流程实例和环节）。", "bpmn:ServiceTask");
        ArrayNode properties = template.putArray("properties");
        hidden(properties, "camunda:delegateExpression", "${recordEntryDelegate}");
        ObjectNode action = properties.addObject().put("label", "记录代码（大写英文）").put("type", "String");
        action.putObject("binding").put("type", "camunda:inputParameter").put("name", "recordAction");
        action.putObject("constraints").put("notEmpty", true).putObject("pattern")
                .put("value", "^[A-Z][A-Z0-9_]{2,63}$").put("message", "如 EVIDENCE_PRESERVED");
        ObjectNode summary = properties.addObject().put("label", "摘要").put("type", "Text");
        summary.putObject("binding").put("type", "camunda:inputParameter").put("name", "recordSummary");
        summary.putObject("constraints").put("notEmpty", true);
        ObjectNode actor = properties.addObject().put("label", "记录人（引擎记录的人员变量）").put("type", "String")
                .put("value", "${startedBy}");
        actor.putObject("binding").put("type", "camunda:inputParameter").put("name", "recordActor");
        actor.putObject("constraints").putObject("pattern").put("value", "^\\$\\{[a-z][A-Za-z0-9]*}$")
                .put("message", "写作 ${变量名}");
    }

    private static String lowerCamel(String constant) {
        String camel = Stream.of(constant.toLowerCase().split("_"))
                .map(part -> Character.toUpperCase(part.charAt(0)) + part.substring(1)).reduce("", String::concat);
        return Character.toLowerCase(camel.charAt(0)) + camel.substring(1);
    }

    private static void callActivity(ObjectNode template, Procedure procedure) {
        header(template, "cn.zhifa.call." + procedure.key(), "调用：" + procedure.name() + "（" + procedure.key() + "）",
                "调用可复用程序 " + procedure.key() + "；被调用的程序从调用方取得案件。", "bpmn:CallActivity");
        ArrayNode properties = template.putArray("properties");
        hidden(properties, "calledElement", procedure.key());
        hidden(properties, "camunda:calledElementBinding", "latest");
        if (procedure.allVariables()) {
            properties.addObject().put("type", "Hidden").putObject("binding").put("type", "camunda:in")
                    .put("variables", "all");
        }
        for (String in : procedure.in()) {
            ObjectNode mapping = properties.addObject().put("label", "输入 " + in + "（调用方变量）").put("type", "String")
                    .put("value", in);
            mapping.putObject("binding").put("type", "camunda:in").put("target", in);
        }
        for (String out : procedure.out()) {
            ObjectNode mapping = properties.addObject().put("label", "结果 " + out + "（写入调用方变量）").put("type", "String")
                    .put("value", out);
            mapping.putObject("binding").put("type", "camunda:out").put("source", out);
        }
    }

    private static void businessRuleTask(ObjectNode template, String decision, String name) {
        header(template, "cn.zhifa.decision." + decision, "决策：" + name + "（" + decision + "）",
                "评估 processes/ 中的决策 " + decision + "（DMN，FEEL）。", "bpmn:BusinessRuleTask");
        ArrayNode properties = template.putArray("properties");
        hidden(properties, "camunda:decisionRef", decision);
        hidden(properties, "camunda:decisionRefBinding", "deployment");
        ObjectNode result = properties.addObject().put("label", "结果变量").put("type", "String")
                .put("value", decision.replaceAll("-([a-z])", "_$1").replaceAll("_([a-z])", "$1").replace("-", "") + "Decision");
        result.putObject("binding").put("type", "property").put("name", "camunda:resultVariable");
        result.putObject("constraints").put("notEmpty", true);
        hidden(properties, "camunda:mapDecisionResult", "singleResult");
    }

    private static void hidden(ArrayNode properties, String name, String value) {
        properties.addObject().put("type", "Hidden").put("value", value).putObject("binding").put("type", "property")
                .put("name", name);
    }

    private static void assertUpToDate(Path file, JsonNode expected) throws IOException {
        String generated = JSON.writeValueAsString(expected) + "\n";
        String committed = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        if (!generated.equals(committed)) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, generated, StandardCharsets.UTF_8);
        }
        assertThat(committed).as(file + " was out of date and has been regenerated: commit it").isEqualTo(generated);
    }
}
