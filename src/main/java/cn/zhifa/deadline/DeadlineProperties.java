package cn.zhifa.deadline;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** zhifa.deadline.*: which rule set of the catalogue applies ({@code default}: review 3+2 WD; {@code samr}: 10 WD). */
@ConfigurationProperties("zhifa.deadline")
public record DeadlineProperties(String ruleSet) {

    public DeadlineProperties {
        ruleSet = ruleSet == null || ruleSet.isBlank() ? "default" : ruleSet;
    }
}
