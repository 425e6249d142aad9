package cn.zhifa.system;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Rows read once per transaction: within one Tasklist click the engine calls several listeners that each read the
 * same case, officers and units, and each read was a statement of its own. Values live in one of the transaction's
 * synchronizations (which REQUIRES_NEW suspends and restores, so an inner transaction never sees the outer one's
 * values) and are gone when it ends; outside a transaction nothing is cached. An owner that writes what it caches
 * evicts it in the same transaction.
 */
public final class TransactionCache {

    private TransactionCache() {
    }

    /** The value cached under {@code key} by {@code owner} in this transaction, loaded on first use. */
    @SuppressWarnings("unchecked")
    public static <T> T get(Object owner, Object key, Supplier<T> loader) {
        Values values = current(owner);
        if (values == null) {
            return loader.get();
        }
        Object cached = values.map.get(key);
        if (cached == null) {
            cached = loader.get();
            if (cached != null) {
                values.map.put(key, cached);
            }
        }
        return (T) cached;
    }

    /** Replaces what this transaction has cached under {@code key} (e.g. after a locking read). */
    public static void put(Object owner, Object key, Object value) {
        Values values = current(owner);
        if (values != null && value != null) {
            values.map.put(key, value);
        }
    }

    /** Forgets the keys of {@code owner} that match, after a write in this transaction. */
    public static void evict(Object owner, Predicate<Object> keys) {
        Values values = current(owner);
        if (values != null) {
            values.map.keySet().removeIf(keys);
        }
    }

    private static Values current(Object owner) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || !TransactionSynchronizationManager.isActualTransactionActive()) {
            return null;
        }
        return TransactionSynchronizationManager.getSynchronizations().stream()
                .filter(Values.class::isInstance).map(Values.class::cast)
                .filter(v -> v.owner == owner).findFirst().orElseGet(() -> {
                    Values created = new Values(owner);
                    TransactionSynchronizationManager.registerSynchronization(created);
                    return created;
                });
    }

    private static final class Values implements TransactionSynchronization {

        private final Object owner;
        private final Map<Object, Object> map = new HashMap<>();

        private Values(Object owner) {
            this.owner = owner;
        }

        @Override
        public void afterCompletion(int status) {
            map.clear();
        }
    }
}
