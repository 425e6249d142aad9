package cn.zhifa.deadline;

import cn.zhifa.calendar.CalendarService;
import java.time.Clock;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Wires the catalogue of the configured rule set, the deadline service and the {@code deadlines} bean for BPMN. */
@Configuration(proxyBeanMethods = false)
class DeadlineConfiguration {

    @Bean
    DeadlineCatalogue deadlineCatalogue(DeadlineProperties properties) {
        return DeadlineCatalogue.load(properties.ruleSet());
    }

    @Bean
    DeadlineService deadlineService(DeadlineCatalogue catalogue, CalendarService calendars, JdbcClient jdbc,
            TaskService taskService, ManagementService managementService, IdentityService identityService,
            Clock clock) {
        return new DeadlineService(catalogue, calendars, jdbc, taskService, managementService, identityService,
                clock);
    }

    @Bean("deadlines")
    Deadlines deadlines(DeadlineService deadlineService) {
        return new Deadlines(deadlineService);
    }
}
