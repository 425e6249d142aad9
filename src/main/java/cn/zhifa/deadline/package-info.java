/**
 * Statutory deadlines as data (DESIGN idea 1): the catalogue ({@code deadline/catalogue.json}, rule set chosen by
 * {@code zhifa.deadline.rule-set}), the {@code deadlines} bean BPMN timers and task due dates call, and
 * {@link cn.zhifa.deadline.DeadlineService} for extensions (R10), pauses (R7), recomputation of provisional due dates
 * and supervision queries. Depends on {@code cn.zhifa.calendar} only.
 */
@ApplicationModule(allowedDependencies = {"calendar", "system"})
package cn.zhifa.deadline;

import org.springframework.modulith.ApplicationModule;
