package cn.zhifa.execution;

import java.time.LocalDate;
import java.util.List;

/**
 * Where the execution of a case's decision stands on a day: what is owed (fine, confiscated amount, surcharge with
 * its day count), what was paid, what is due when, and the remedies with their periods.
 */
public record ExecutionState(long caseId, String status, String statusName, LocalDate asOf, LocalDate servedOn,
        long originalFineFen, long fineFen, long confiscationFen, long surchargeFen, int surchargeDays,
        boolean surchargeCapped, LocalDate surchargeCappedOn, boolean surchargeSuspended, long paidFen,
        long outstandingFen, LocalDate nextDueOn, List<Instalment> schedule, List<Payment> payments,
        List<Remedy> remedies, String summary) {

    public static final String OPEN = "OPEN";
    public static final String CARRIED_OUT = "CARRIED_OUT";
    public static final String ENDED = "ENDED";
}
