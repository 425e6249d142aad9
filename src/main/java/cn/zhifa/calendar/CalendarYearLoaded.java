package cn.zhifa.calendar;

/** A year's holiday data was loaded or replaced; due dates that were provisional for it can now be recomputed. */
public record CalendarYearLoaded(int year) {
}
