package cn.zhifa.boundary;

import static org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Puts the boundary into every process the engine parses, so no model can forget it: the proceeding listener first
 * on the process's start and end, the task-rights listener first on every user task's assignment and completion, the task-context listener on its creation. It
 * also reads what each process declares (engine-owned variables, once-at-a-time) and which form each task uses.
 */
class BoundaryParseListener extends AbstractBpmnParseListener {

    private final ProcessRules rules;
    private final ProceedingListener proceedings;
    private final TaskRightsListener taskRights;
    private final TaskContextListener taskContext;
    private final Map<String, Map<String, String>> taskForms = new HashMap<>();
    private final Map<String, String> startForms = new HashMap<>();

    BoundaryParseListener(ProcessRules rules, ProceedingListener proceedings, TaskRightsListener taskRights,
            TaskContextListener taskContext) {
        this.rules = rules;
        this.proceedings = proceedings;
        this.taskRights = taskRights;
        this.taskContext = taskContext;
    }

    @Override
    public synchronized void parseStartEvent(Element startEvent, ScopeImpl scope, ActivityImpl activity) {
        if (scope instanceof ProcessDefinitionEntity process) {
            startForms.put(process.getKey(), startEvent.attributeNS(CAMUNDA_BPMN_EXTENSIONS_NS, "formRef"));
        }
    }

    @Override
    public synchronized void parseUserTask(Element userTask, ScopeImpl scope, ActivityImpl activity) {
        String processKey = ((ProcessDefinitionEntity) activity.getProcessDefinition()).getKey();
        String form = userTask.attributeNS(CAMUNDA_BPMN_EXTENSIONS_NS, "formRef");
        if (form != null) {
            taskForms.computeIfAbsent(processKey, k -> new HashMap<>()).put(activity.getId(), form);
        }
        TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        task.addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, taskRights);
        task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, taskRights);
        task.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, taskContext);
    }

    @Override
    public synchronized void parseProcess(Element process, ProcessDefinitionEntity definition) {
        Map<String, String> properties = properties(process);
        Set<String> owned = Arrays.stream(properties.getOrDefault(EngineVariables.OWNED_PROPERTY, "").split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
        boolean onePerCase = !"false".equals(properties.get(EngineVariables.ONE_PER_CASE_PROPERTY));
        boolean opensCase = "true".equals(properties.get(EngineVariables.OPENS_CASE_PROPERTY));
        rules.register(new ProcessRules.Rule(definition.getKey(), owned, onePerCase, opensCase,
                startForms.remove(definition.getKey()), Map.copyOf(taskForms.getOrDefault(definition.getKey(),
                        Map.of()))));
        taskForms.remove(definition.getKey());
        definition.addBuiltInListener(ExecutionListener.EVENTNAME_START, proceedings, 0);
        definition.addBuiltInListener(ExecutionListener.EVENTNAME_END, proceedings);
    }

    private static Map<String, String> properties(Element process) {
        Map<String, String> properties = new HashMap<>();
        Element extensions = process.element("extensionElements");
        Element list = extensions == null ? null : extensions.elementNS(CAMUNDA_BPMN_EXTENSIONS_NS, "properties");
        if (list != null) {
            for (Element property : list.elementsNS(CAMUNDA_BPMN_EXTENSIONS_NS, "property")) {
                properties.put(property.attribute("name"), property.attribute("value"));
            }
        }
        return properties;
    }
}
