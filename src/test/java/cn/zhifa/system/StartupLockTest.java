package cn.zhifa.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhifa.ApplicationTest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The start-up lock that serialises seeding on nodes starting together (docs/cluster.md): a second holder waits until
 * the first commits. The cluster harness (bench/cluster.md) shows the race it closes between two real nodes.
 */
@ApplicationTest
class StartupLockTest {

    @Autowired StartupLock lock;
    @Autowired TransactionTemplate transactions;

    @Test
    void isHeldByATransactionOnly() {
        assertThatThrownBy(lock::holdUntilCommit).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aSecondHolderWaitsUntilTheFirstCommits() throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(tx -> {
            lock.holdUntilCommit();
            held.countDown();
            await(release);
        }));
        assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> second = CompletableFuture.runAsync(() ->
                transactions.executeWithoutResult(tx -> lock.holdUntilCommit()));
        Thread.sleep(300);
        assertThat(second).as("second holder while the first holds the lock").isNotDone();

        release.countDown();
        first.get(10, TimeUnit.SECONDS);
        second.get(10, TimeUnit.SECONDS);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
