package cn.zhifa.calendar;

import cn.zhifa.system.WellFormedText;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** One listed day of a holiday notice: a rest day (放假) or a make-up working weekend (调休上班), with the festival's name. */
public record CalendarDay(LocalDate date, @Size(max = 100) @WellFormedText String name) {
}
