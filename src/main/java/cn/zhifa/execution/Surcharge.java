package cn.zhifa.execution;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * The surcharge for late payment (加处罚款, 行政处罚法 第七十二条第一项; 行政强制法 第四十五条): for each day after a due
 * date on which money due is still unpaid, 3% of the overdue part of the fine; never more than the fine. Days on which
 * a reconsideration or suit is pending do not count (第七十三条第三款). Exact integer arithmetic in hundredths of a
 * fen, rounded down once at the end (party-favourable; to be confirmed by the agencies' finance offices). Payments
 * count from the day after they are made, and settle the fine before the confiscated amount (so the base of the
 * surcharge shrinks first; party-favourable, to be confirmed).
 */
final class Surcharge {

    /** 3% a day (第七十二条第一项), in percent. */
    static final int DAILY_PERCENT = 3;

    record Result(long surchargeFen, int days, boolean capped, LocalDate cappedOn) {
    }

    private Surcharge() {
    }

    static Result compute(long fineFen, List<Instalment> schedule, List<Payment> payments, List<Remedy> remedies,
            LocalDate asOf) {
        if (fineFen == 0 || schedule.isEmpty()) {
            return new Result(0, 0, false, null);
        }
        LocalDate first = schedule.stream().map(Instalment::dueOn).min(Comparator.naturalOrder()).orElseThrow();
        long hundredths = 0;
        int days = 0;
        for (LocalDate day = first.plusDays(1); !day.isAfter(asOf); day = day.plusDays(1)) {
            LocalDate today = day;
            if (remedies.stream().anyMatch(remedy -> remedy.suspends(today))) {
                continue;
            }
            long due = schedule.stream().filter(i -> i.dueOn().isBefore(today)).mapToLong(Instalment::amountFen).sum();
            long paid = payments.stream().filter(p -> p.paidOn().isBefore(today)).mapToLong(Payment::amountFen).sum();
            long base = Math.min(Math.max(0, due - paid), Math.max(0, fineFen - paid));
            if (base == 0) {
                continue;
            }
            days++;
            hundredths += base * DAILY_PERCENT;
            if (hundredths / 100 >= fineFen) {
                return new Result(fineFen, days, true, day);
            }
        }
        return new Result(hundredths / 100, days, false, null);
    }
}
