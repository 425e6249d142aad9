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

    record Rule(String processKey, Set<String> engineOwned, boolean onePerCase, boolean opensCase, String startForm,
            Map<String, String> taskForms) {

        Optional<String> formOfTask(String taskDefinitionKey) {
            return Optional.ofNullable(taskForms.get(taskDefinitionKey));
        }
    }

    private final Map<String, Rule> byKey = new ConcurrentHashMap<>();

    /** Keeps the rule with its declared variables joined to the common ones, so no lookup builds a set. */
    void register(Rule rule) {
        Set<String> owned = new HashSet<>(EngineVariables.COMMON);
        owned.addAll(rule.engineOwned());
        byKey.put(rule.processKey(), new Rule(rule.processKey(), Set.copyOf(owned), rule.onePerCase(),
                rule.opensCase(), rule.startForm(), rule.taskForms()));
    }

    Optional<Rule> of(String processKey) {
        return Optional.ofNullable(processKey).map(byKey::get);
    }

    /** The common engine variables and those the process declares (asked at every variable a client writes). */
    public Set<String> engineOwned(String processKey) {
        return of(processKey).map(Rule::engineOwned).orElse(EngineVariables.COMMON);
    }
}
