package cn.zhifa.cluster;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the clients did, as they saw it: every request with its outcome, every write the server acknowledged (the
 * checker proves each is in the database) and every write that got no acknowledgement (the checker proves it left
 * nothing half-done).
 */
final class Ledger {

    enum Kind { CASE_REGISTERED, ATTACHMENT_UPLOADED, PROCESS_STARTED, TASK_COMPLETED, TIMER_MADE_DUE }

    /** An acknowledged write: what, on which node, the ids the answer named, when. */
    record Ack(Kind kind, String node, Map<String, String> ids, Instant at) {

        String id(String name) {
            return ids.get(name);
        }
    }

    /** A write without an acknowledgement: it may or may not have happened. */
    record Unacked(Kind kind, String node, String cause, String what, Instant at) {
    }

    private final AtomicLong requests = new AtomicLong();
    private final Map<String, AtomicLong> failures = new ConcurrentHashMap<>();
    private final List<Ack> acks = new CopyOnWriteArrayList<>();
    private final List<Unacked> unacked = new CopyOnWriteArrayList<>();
    private final List<String> notes = new CopyOnWriteArrayList<>();

    void request() {
        requests.incrementAndGet();
    }

    void failure(String cause) {
        failures.computeIfAbsent(cause, c -> new AtomicLong()).incrementAndGet();
    }

    void ack(Kind kind, String node, Map<String, String> ids) {
        acks.add(new Ack(kind, node, Map.copyOf(ids), Instant.now()));
    }

    void unacked(Kind kind, String node, String cause, String what) {
        unacked.add(new Unacked(kind, node, cause, what, Instant.now()));
    }

    void note(String note) {
        notes.add(Instant.now() + " " + note);
    }

    long requests() {
        return requests.get();
    }

    Map<String, Long> failures() {
        Map<String, Long> copy = new TreeMap<>();
        failures.forEach((cause, count) -> copy.put(cause, count.get()));
        return copy;
    }

    List<Ack> acks() {
        return new ArrayList<>(acks);
    }

    List<Ack> acks(Kind kind) {
        return acks.stream().filter(a -> a.kind() == kind).toList();
    }

    List<Unacked> unacked() {
        return new ArrayList<>(unacked);
    }

    List<String> notes() {
        return new ArrayList<>(notes);
    }

    /** The first acknowledgement at or after {@code instant}: when writes went through again after a fault. */
    Instant firstAckAfter(Instant instant) {
        return acks.stream().map(Ack::at).filter(at -> !at.isBefore(instant)).min(Instant::compareTo).orElse(null);
    }
}
