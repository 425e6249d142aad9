package cn.zhifa.calendar;

import cn.zhifa.system.ZhifaException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The calendar feature's API for the rest of the application: the working-day calendar in force (built from the
 * calendar tables, so a year loaded on one node is seen by all), due-date arithmetic, and loading a year. The years
 * shipped in {@code classpath:calendar/<year>.json} are stored at startup when the table lacks them. Every load
 * publishes {@link CalendarYearLoaded}.
 */
@Service
public class CalendarService implements CalendarSource {

    private static final Logger log = LoggerFactory.getLogger(CalendarService.class);

    private final CalendarYearRepository repository;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final ObjectMapper objectMapper;
    private final List<Integer> shippedThisRun = new ArrayList<>();
    private volatile boolean seeded;
    private volatile Cached cached;

    private record Cached(String stamp, WorkingDayCalendar calendar) {
    }

    CalendarService(CalendarYearRepository repository, ApplicationEventPublisher events,
            TransactionTemplate transactions, ObjectMapper objectMapper) {
        this.repository = repository;
        this.events = events;
        this.transactions = transactions;
        this.objectMapper = objectMapper;
    }

    @Override
    public WorkingDayCalendar current() {
        seedShippedYears();
        String stamp = repository.stamp();
        Cached snapshot = cached;
        if (snapshot == null || !snapshot.stamp().equals(stamp)) {
            snapshot = new Cached(stamp, new WorkingDayCalendar(repository.findAll()));
            cached = snapshot;
        }
        return snapshot.calendar();
    }

    public DueDate due(LocalDate from, int amount, PeriodUnit unit, boolean partyFavourable) {
        return current().due(from, amount, unit, partyFavourable);
    }

    public Optional<HolidayYear> year(int year) {
        seedShippedYears();
        return repository.find(year);
    }

    /**
     * Validates the whole file and stores it in place of what the year had, or refuses it whole (400) and stores
     * nothing. Publishes {@link CalendarYearLoaded} in the same transaction.
     */
    public HolidayYear load(int year, HolidayYear file, String loadedBy) {
        try {
            HolidayYearValidator.validate(year, file);
        } catch (InvalidHolidayYearException e) {
            throw new ZhifaException(HttpStatus.BAD_REQUEST, e.code(), e.getMessage());
        }
        seedShippedYears();
        transactions.executeWithoutResult(status -> {
            repository.replace(file, "ADMIN", loadedBy, OffsetDateTime.now(Clock.system(WorkingDayCalendar.ZONE)));
            cached = null;
            events.publishEvent(new CalendarYearLoaded(year));
        });
        log.info("Calendar year {} loaded by {}", year, loadedBy);
        return repository.find(year).orElseThrow();
    }

    /** Stores the shipped years the table lacks; runs once per JVM, before the calendar is first used. */
    void seedShippedYears() {
        if (seeded) {
            return;
        }
        synchronized (this) {
            if (seeded) {
                return;
            }
            for (HolidayYear file : shippedYears()) {
                if (!repository.exists(file.year())) {
                    storeShipped(file);
                }
            }
            seeded = true;
        }
    }

    private void storeShipped(HolidayYear file) {
        try {
            transactions.executeWithoutResult(status -> repository.replace(file, "SHIPPED", null,
                    OffsetDateTime.now(Clock.system(WorkingDayCalendar.ZONE))));
            shippedThisRun.add(file.year());
            log.info("Calendar year {} stored from the shipped data", file.year());
        } catch (DuplicateKeyException e) {
            log.info("Calendar year {} was stored by another node meanwhile", file.year());
        }
    }

    /** Once the application runs, tells listeners about the years that were first stored by this start. */
    @EventListener(ApplicationReadyEvent.class)
    void announceShippedYears() {
        seedShippedYears();
        List<Integer> years;
        synchronized (this) {
            years = List.copyOf(shippedThisRun);
            shippedThisRun.clear();
        }
        years.forEach(year -> transactions.executeWithoutResult(s -> events.publishEvent(new CalendarYearLoaded(year))));
    }

    private List<HolidayYear> shippedYears() {
        List<HolidayYear> years = new ArrayList<>();
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:calendar/*.json");
            for (Resource file : files) {
                try (InputStream in = file.getInputStream()) {
                    HolidayYear year = objectMapper.readValue(in, HolidayYear.class);
                    HolidayYearValidator.validate(year.year(), year);
                    years.add(year);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the shipped calendar files", e);
        }
        return years;
    }
}
