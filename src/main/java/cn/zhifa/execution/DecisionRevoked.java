package cn.zhifa.execution;

import java.time.LocalDate;

/**
 * A reconsideration decision or judgment revoked the case's decision, declared it void or confirmed it unlawful:
 * its disclosure is to be withdrawn (catalogue DISCLOSURE_WITHDRAWAL, from {@code receivedOn}). Published after the
 * remedy is recorded; the disclosure feature listens.
 */
public record DecisionRevoked(long caseId, RemedyOutcome outcome, String documentNo, LocalDate receivedOn,
        String reason) {
}
