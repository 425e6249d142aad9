package cn.zhifa.onthespot;

import cn.zhifa.record.CaseRecord;
import cn.zhifa.record.RecordEntry;
import cn.zhifa.system.EngineClock;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The money of the on-the-spot decisions for the yearly statistics. These never reach the execution's register
 * (a fine not paid in time leaves the case in the execution stage, which registers nothing of it), so the figures
 * come from the case record, the durable account of what the officers did: the fine of each decision (dated by the
 * decision), and what reached the bank, dated by the party's payment there or, for cash collected on the spot, by its
 * deposit into the bank (第七十一条), as the execution counts its bank receipts.
 */
@Service
public class OnTheSpotFigures {

    static final String DECIDED = "ON_THE_SPOT_DECIDED";
    static final String PAID = "FINE_PAID";
    static final String DEPOSITED = "FINE_DEPOSITED";

    /** One case's fine decided and fine paid into the bank in the period, in fen. */
    public record CaseFigures(long caseId, long fineFen, long paidFen) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CaseRecord caseRecord;

    OnTheSpotFigures(CaseRecord caseRecord) {
        this.caseRecord = caseRecord;
    }

    /** Every on-the-spot case with a fine decided or paid into the bank in [from, toExclusive), by case. */
    public List<CaseFigures> between(LocalDate from, LocalDate toExclusive) {
        Map<Long, long[]> byCase = new LinkedHashMap<>();
        Map<Long, Long> fineOf = new LinkedHashMap<>();
        List<RecordEntry> entries = caseRecord.entriesOfCasesWith(List.of(DECIDED, PAID, DEPOSITED),
                from.atStartOfDay(EngineClock.ZONE).toOffsetDateTime());
        for (RecordEntry entry : entries) {
            JsonNode data = data(entry);
            LocalDate recordedOn = entry.recordedAt().atZoneSameInstant(EngineClock.ZONE).toLocalDate();
            switch (entry.action()) {
                case DECIDED -> {
                    long fen = fen(data.path("fineAmount").asText("0"));
                    fineOf.put(entry.caseId(), fen);
                    if (fen > 0 && within(recordedOn, from, toExclusive)) {
                        byCase.computeIfAbsent(entry.caseId(), id -> new long[2])[0] += fen;
                    }
                }
                case PAID, DEPOSITED -> {
                    LocalDate paidOn = PAID.equals(entry.action()) ? LocalDate.parse(data.path("paidOn").asText())
                            : recordedOn;
                    long fen = fineOf.getOrDefault(entry.caseId(), 0L);
                    if (fen > 0 && within(paidOn, from, toExclusive)) {
                        byCase.computeIfAbsent(entry.caseId(), id -> new long[2])[1] += fen;
                    }
                }
                default -> throw new IllegalStateException("not a figure: " + entry.action());
            }
        }
        List<CaseFigures> figures = new ArrayList<>();
        byCase.forEach((caseId, f) -> figures.add(new CaseFigures(caseId, f[0], f[1])));
        return figures;
    }

    private static boolean within(LocalDate day, LocalDate from, LocalDate toExclusive) {
        return !day.isBefore(from) && day.isBefore(toExclusive);
    }

    /** The decision records the amount in yuan as the engine held it (a double, exact to the fen). */
    private static long fen(String yuan) {
        return new BigDecimal(yuan).movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    private static JsonNode data(RecordEntry entry) {
        try {
            return entry.data() == null ? JSON.createObjectNode() : JSON.readTree(entry.data());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("record entry " + entry.caseId() + "/" + entry.seq() + " has no JSON data", e);
        }
    }
}
