package cn.zhifa.boundary;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * What the BPMN of each process declares for the boundary, read when the engine parses it: its engine-owned
 * variables, whether it runs once at a time per case, and the form of its start event and of each user task.
 */
@Component
public class ProcessRules {

    record Rule(String processKey, Set<String> engineOwned, boolean onePerCase, String startForm,
            Map<String, String> taskForms) {

        Optional<String> formOfTask(String taskDefinitionKey) {
            return Optional.ofNullable(taskForms.get(taskDefinitionKey));
        }
    }

    private final Map<String, Rule> byKey = new ConcurrentHashMap<>();

    void register(Rule rule) {
        byKey.put(rule.processKey(), rule);
    }

    Optional<Rule> of(String processKey) {
        return Optional.ofNullable(processKey).map(byKey::get);
    }

    /** The common engine variables and those the process declares. */
    public Set<String> engineOwned(String processKey) {
        Set<String> owned = new HashSet<>(EngineVariables.COMMON);
        of(processKey).ifPresent(rule -> owned.addAll(rule.engineOwned()));
        return owned;
    }
}
