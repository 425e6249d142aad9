package cn.zhifa.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Case numbers are unique and gap-free per agency and year (seeds-catalogue §5.5), also when many cases are numbered
 * at the same moment from two application nodes on PostgreSQL, and when some numbering transactions roll back.
 */
class CaseNumberingPostgresTest {

    private static final int CASES = 40;
    private static final int YEAR = 2031;

    record Node(HikariDataSource dataSource, CaseNumbering numbering, TransactionTemplate transaction) {
    }

    static Node node() {
        HikariDataSource dataSource = MigratedPostgres.node(6);
        return new Node(dataSource, new CaseNumbering(JdbcClient.create(dataSource), dataSource,
                new CasefileProperties(null)),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
    }

    @Test
    void shouldGiveGapFreeUniqueNumbersUnderConcurrencyOnTwoNodes() throws Exception {
        List<Node> nodes = List.of(node(), node());
        List<Long> caseIds = IntStream.range(0, CASES)
                .mapToObj(i -> MigratedPostgres.insertCase(nodes.get(0).dataSource(), "并发编号案" + i)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(12);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        try {
            for (int i = 0; i < CASES; i++) {
                Node node = nodes.get(i % 2);
                long caseId = caseIds.get(i);
                boolean rollBack = i % 7 == 3;
                Callable<String> numberIt = () -> {
                    start.await();
                    return node.transaction().execute(tx -> {
                        String caseNo = node.numbering().assign(caseId, YEAR).caseNo();
                        if (rollBack) {
                            tx.setRollbackOnly();
                            return null;
                        }
                        return caseNo;
                    });
                };
                results.add(pool.submit(numberIt));
            }
            start.countDown();
            List<String> numbers = new ArrayList<>();
            for (Future<String> result : results) {
                String caseNo = result.get(60, TimeUnit.SECONDS);
                if (caseNo != null) {
                    numbers.add(caseNo);
                }
            }

            int committed = numbers.size();
            assertThat(committed).isEqualTo(CASES - (int) IntStream.range(0, CASES).filter(i -> i % 7 == 3).count());
            assertThat(numbers).doesNotHaveDuplicates();
            List<Integer> seqs = new ArrayList<>(numbers.stream()
                    .map(n -> Integer.parseInt(n.replaceAll("^某县市监处罚〔2031〕(\\d+)号$", "$1"))).toList());
            Collections.sort(seqs);
            assertThat(seqs).as("gap-free from 1").isEqualTo(IntStream.rangeClosed(1, committed).boxed().toList());
            JdbcClient jdbc = JdbcClient.create(nodes.get(0).dataSource());
            assertThat(jdbc.sql("SELECT last_seq FROM case_number_counter WHERE agency_id = ? AND number_year = ?")
                    .params(MigratedPostgres.AGENCY, YEAR).query(Integer.class).single()).isEqualTo(committed);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM case_file WHERE number_year = ? AND case_no IS NOT NULL")
                    .param(YEAR).query(Long.class).single()).isEqualTo(committed);
        } finally {
            pool.shutdownNow();
            nodes.forEach(n -> n.dataSource().close());
        }
    }

    /**
     * The filing job numbers the case and then, in the same transaction, writes rows that refer to the agency (a
     * foreign key check takes a share lock on its org_unit row). When the first numbers of a year were asked at once,
     * the transaction creating the counter row's successor waited on the agency row held FOR UPDATE by one that in
     * turn waited on the counter: PostgreSQL broke it as a deadlock (found by the benchmark, issue 17).
     */
    @Test
    void shouldNumberTheFirstCasesOfAYearAtOnceWhileTheirTransactionsReferToTheAgency() throws Exception {
        List<Node> nodes = List.of(node(), node());
        int cases = 24;
        List<Long> caseIds = IntStream.range(0, cases)
                .mapToObj(i -> MigratedPostgres.insertCase(nodes.get(0).dataSource(), "年初立案" + i)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        try {
            for (int i = 0; i < cases; i++) {
                Node node = nodes.get(i % 2);
                long caseId = caseIds.get(i);
                results.add(pool.submit(() -> {
                    start.await();
                    return node.transaction().execute(tx -> {
                        String caseNo = node.numbering().assign(caseId, 2033).caseNo();
                        sleep(20);  // the filing job renders its form here
                        MigratedPostgres.insertCase(node.dataSource(), "同一事务中登记的关联案件");
                        return caseNo;
                    });
                }));
            }
            start.countDown();
            List<String> numbers = new ArrayList<>();
            for (Future<String> result : results) {
                numbers.add(result.get(60, TimeUnit.SECONDS));
            }
            assertThat(numbers).hasSize(cases).doesNotHaveDuplicates();
        } finally {
            pool.shutdownNow();
            nodes.forEach(n -> n.dataSource().close());
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void shouldKeepTheNumberOfACaseNumberedTwice() {
        Node node = node();
        try {
            long caseId = MigratedPostgres.insertCase(node.dataSource(), "重复编号案");
            String first = node.transaction().execute(tx -> node.numbering().assign(caseId, 2032).caseNo());
            String again = node.transaction().execute(tx -> node.numbering().assign(caseId, 2032).caseNo());
            assertThat(first).isEqualTo("某县市监处罚〔2032〕1号");
            assertThat(again).isEqualTo(first);
        } finally {
            node.dataSource().close();
        }
    }
}
