/**
 * The Chinese working-day calendar (DESIGN idea 2): statutory holidays and 调休 working weekends per year, shipped for
 * 2024–2026 from the State Council notices and replaceable at run time by an administrator, and the counting rules
 * R1–R9 of law.md §3.3. {@link cn.zhifa.calendar.WorkingDayCalendar} and its records are plain Java;
 * {@link cn.zhifa.calendar.CalendarService} is the Spring facade and publishes
 * {@link cn.zhifa.calendar.CalendarYearLoaded}. Depends on no other feature.
 */
@ApplicationModule(allowedDependencies = "system")
package cn.zhifa.calendar;

import org.springframework.modulith.ApplicationModule;
