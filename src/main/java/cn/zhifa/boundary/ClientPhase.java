package cn.zhifa.boundary;

import java.util.ArrayList;
import java.util.List;

/**
 * The part of an authenticated user's engine command in which the engine writes what the client sent: from the start
 * of the command to the first delegate or listener the engine invokes. Everything written in it came from the client
 * (start variables, a completion's variables, a variables endpoint); after it, writes are the engine's own.
 */
final class ClientPhase {

    record Write(String name, String processInstanceId, String processDefinitionKey, String value) {
    }

    private static final ThreadLocal<ClientPhase> CURRENT = new ThreadLocal<>();

    final String userId;
    final boolean admin;
    /** The command the person asked for (nested commands run inside it). */
    final Object command;
    private boolean collecting = true;
    private int depth;
    private final List<Write> pending = new ArrayList<>();
    private Write violation;

    private ClientPhase(String userId, boolean admin, Object command) {
        this.userId = userId;
        this.admin = admin;
        this.command = command;
    }

    static ClientPhase current() {
        return CURRENT.get();
    }

    static ClientPhase begin(String userId, boolean admin, Object command) {
        ClientPhase phase = new ClientPhase(userId, admin, command);
        CURRENT.set(phase);
        return phase;
    }

    static void end() {
        CURRENT.remove();
    }

    boolean collecting() {
        return collecting;
    }

    /** The engine invoked a delegate: what is written from now on is the engine's. */
    void stopCollecting() {
        collecting = false;
    }

    void enter() {
        depth++;
    }

    void leave() {
        depth--;
    }

    /** The first engine-owned variable the client wrote; refused where the case can be named. */
    void violated(Write write) {
        if (violation == null) {
            violation = write;
        }
    }

    Write violation() {
        return violation;
    }

    void written(Write write) {
        pending.add(write);
    }

    /** The client's writes into one process instance, handed to the listener that checks them against its form. */
    List<Write> takeWritesOf(String processInstanceId) {
        List<Write> taken = pending.stream().filter(w -> processInstanceId.equals(w.processInstanceId())).toList();
        pending.removeAll(taken);
        return taken;
    }

    List<Write> unchecked() {
        return List.copyOf(pending);
    }
}
