package cn.zhifa.execution;

import java.time.LocalDate;

/** A reconsideration decision or judgment changed the fine of the case's decision: the disclosure is corrected. */
public record DecisionChanged(long caseId, long originalFineFen, long changedFineFen, String documentNo,
        LocalDate receivedOn) {
}
