package cn.zhifa.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One document served (or being served) on one recipient, with every attempt. While the announcement runs
 * ({@code ANNOUNCED}) {@code serviceDate} is the day the announcement period ends, the day it will count as served.
 */
public record ServedDocument(long id, String processInstanceId, long documentId, String documentName,
        String recipient, Status status, ServiceMethod serviceMethod, String serviceMethodName, LocalDate serviceDate,
        LocalDate announcedOn, Long receiptDocumentId, OffsetDateTime startedAt, String startedBy,
        OffsetDateTime servedAt, List<Attempt> attempts) {

    public enum Status {
        IN_PROGRESS,
        ANNOUNCED,
        SERVED
    }

    /** What an attempt established: served (with its date of service), failed (why) or announced (published on). */
    public record Attempt(int seq, ServiceMethod method, String methodName, String outcome, LocalDate date,
            String note, List<Long> evidence, String recordedBy, OffsetDateTime recordedAt) {
    }
}
