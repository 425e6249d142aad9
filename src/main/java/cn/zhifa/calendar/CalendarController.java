package cn.zhifa.calendar;

import cn.zhifa.system.InputValidation;
import cn.zhifa.system.WellFormedText;
import cn.zhifa.system.ZhifaException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/calendar}: due dates, a year's holidays, and loading a year (administrators only). */
@RestController
@RequestMapping("/api/calendar")
class CalendarController {

    private final CalendarService calendar;
    private final ObjectMapper objectMapper;
    private final InputValidation validation;

    CalendarController(CalendarService calendar, ObjectMapper objectMapper, InputValidation validation) {
        this.calendar = calendar;
        this.objectMapper = objectMapper;
        this.validation = validation;
    }

    @GetMapping("/due")
    DueDate due(@RequestParam(required = false) @Size(max = 32) @WellFormedText String from,
            @RequestParam(required = false) @Size(max = 32) @WellFormedText String amount,
            @RequestParam(required = false) @Size(max = 32) @WellFormedText String unit,
            @RequestParam(required = false) @Size(max = 32) @WellFormedText String partyFavourable) {
        DueRequest request = DueRequest.parse(from, amount, unit, partyFavourable);
        DueDate due = calendar.due(request.from(), request.amount(), request.unit(), request.partyFavourable());
        if (due.due().getYear() > WorkingDayCalendar.MAX_YEAR) {
            throw new ZhifaException(HttpStatus.BAD_REQUEST, "CALENDAR_YEAR_OUT_OF_RANGE",
                    "期限届满日超出支持的年份范围（" + WorkingDayCalendar.MIN_YEAR + "—" + WorkingDayCalendar.MAX_YEAR + "）");
        }
        return due;
    }

    @GetMapping("/years/{year}")
    HolidayYear year(@PathVariable @Size(max = 32) @WellFormedText String year) {
        int value = DueRequest.parseYear(year);
        return calendar.year(value).orElseThrow(() -> new ZhifaException(HttpStatus.NOT_FOUND,
                "CALENDAR_YEAR_NOT_LOADED", value + " 年的节假日安排尚未载入，期限按周一至周五工作日临时计算"));
    }

    @PutMapping("/years/{year}")
    HolidayYear load(@PathVariable @Size(max = 32) @WellFormedText String year,
            @RequestBody(required = false) String body,
            Authentication authentication) {
        boolean admin = authentication.getAuthorities().stream()
                .anyMatch(a -> Groups.CAMUNDA_ADMIN.equals(a.getAuthority()));
        if (!admin) {
            throw new ZhifaException(HttpStatus.FORBIDDEN, "CALENDAR_ADMIN_ONLY", "只有系统管理员可以载入或更正节假日安排");
        }
        int value = DueRequest.parseYear(year);
        return calendar.load(value, read(body), authentication.getName());
    }

    private HolidayYear read(String body) {
        if (body == null || body.isBlank()) {
            throw new ZhifaException(HttpStatus.BAD_REQUEST, "CALENDAR_FILE_MALFORMED", "请求内容为空，应为节假日安排 JSON 文件");
        }
        try {
            return validation.require(objectMapper.readValue(body, HolidayYear.class));
        } catch (JsonProcessingException e) {
            throw new ZhifaException(HttpStatus.BAD_REQUEST, "CALENDAR_FILE_MALFORMED",
                    "节假日安排文件无法解析，请检查 JSON 格式与日期格式（YYYY-MM-DD）");
        }
    }

    /** The checked query parameters of {@code GET /api/calendar/due}. */
    record DueRequest(LocalDate from, int amount, PeriodUnit unit, boolean partyFavourable) {

        private static final Set<String> DAY_UNITS = Set.of("WORKING_DAYS", "CALENDAR_DAYS", "MONTHS");

        static DueRequest parse(String from, String amount, String unit, String partyFavourable) {
            PeriodUnit periodUnit = parseUnit(unit);
            return new DueRequest(parseFrom(from), parseAmount(amount, periodUnit), periodUnit,
                    parseFlag(partyFavourable));
        }

        static int parseYear(String year) {
            int value;
            try {
                value = Integer.parseInt(year);
            } catch (NumberFormatException e) {
                throw bad("CALENDAR_YEAR_OUT_OF_RANGE", "年份格式不正确：应为四位数字");
            }
            try {
                HolidayYearValidator.checkYearInRange(value);
            } catch (InvalidHolidayYearException e) {
                throw bad(e.code(), e.getMessage());
            }
            return value;
        }

        private static LocalDate parseFrom(String from) {
            if (from == null || from.isBlank()) {
                throw bad("CALENDAR_DATE_INVALID", "缺少起算日期 from（格式 YYYY-MM-DD）");
            }
            LocalDate date;
            try {
                date = LocalDate.parse(from);
            } catch (DateTimeParseException e) {
                throw bad("CALENDAR_DATE_INVALID", "起算日期格式不正确，应为 YYYY-MM-DD 的有效日期");
            }
            parseYear(String.valueOf(date.getYear()));
            return date;
        }

        private static PeriodUnit parseUnit(String unit) {
            if (unit != null && DAY_UNITS.contains(unit)) {
                return PeriodUnit.valueOf(unit);
            }
            throw bad("CALENDAR_UNIT_INVALID", "期间单位不正确，应为 WORKING_DAYS（工作日）、CALENDAR_DAYS（自然日）或 MONTHS（月）");
        }

        private static int parseAmount(String amount, PeriodUnit unit) {
            int max = switch (unit) {
                case WORKING_DAYS -> 1000;
                case CALENDAR_DAYS -> 3660;
                default -> 120;
            };
            int value;
            try {
                value = Integer.parseInt(amount == null ? "" : amount.trim());
            } catch (NumberFormatException e) {
                throw bad("CALENDAR_AMOUNT_INVALID", "期间数量必须是整数");
            }
            if (value < 0 || value > max) {
                throw bad("CALENDAR_AMOUNT_INVALID", "期间数量必须在 0 到 " + max + " 之间");
            }
            return value;
        }

        private static boolean parseFlag(String flag) {
            if (flag == null || flag.equals("false")) {
                return false;
            }
            if (flag.equals("true")) {
                return true;
            }
            throw bad("CALENDAR_PARTY_FAVOURABLE_INVALID", "partyFavourable 只能是 true 或 false");
        }

        private static ZhifaException bad(String code, String message) {
            return new ZhifaException(HttpStatus.BAD_REQUEST, code, message);
        }
    }
}
