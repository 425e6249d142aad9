package cn.zhifa.calendar;

import cn.zhifa.system.WellFormedText;
import jakarta.validation.constraints.Size;

/** The State Council notice a year's data was transcribed from: its title, document number, date and where to read it. */
public record HolidayNotice(@Size(max = 300) @WellFormedText String title,
        @Size(max = 100) @WellFormedText String number, @Size(max = 40) @WellFormedText String published,
        @Size(max = 500) @WellFormedText String source) {
}
