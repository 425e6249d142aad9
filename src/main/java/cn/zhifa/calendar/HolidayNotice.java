package cn.zhifa.calendar;

/** The State Council notice a year's data was transcribed from: its title, document number, date and where to read it. */
public record HolidayNotice(String title, String number, String published, String source) {
}
