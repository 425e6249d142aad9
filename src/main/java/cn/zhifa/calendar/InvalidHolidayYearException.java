package cn.zhifa.calendar;

/** A holiday-year file that must be refused whole: a stable code for machines and a Chinese message for people. */
public class InvalidHolidayYearException extends RuntimeException {

    private final String code;

    public InvalidHolidayYearException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
