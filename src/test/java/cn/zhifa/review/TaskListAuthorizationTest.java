package cn.zhifa.review;

import static cn.zhifa.review.LegalReviewDriver.clockAt;
import static cn.zhifa.review.LegalReviewDriver.submission;
import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.ApplicationTest;
import cn.zhifa.identity.StaffDirectory;
import cn.zhifa.worklist.TaskVisibility;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The task query's authorization check is Camunda's, asked as an EXISTS per task instead of a join, and its
 * candidate criteria as an EXISTS on the identity links without DISTINCT unless a join can repeat a task (our copy of
 * Camunda's Task.xml, src/main/resources/org/camunda/...; the joins are quadratic or sort every readable task on
 * PostgreSQL, bench/results/2026-12-01-analysis-2.md and -3.md). Here: the copy is the one in use and was made from
 * the Camunda version on the classpath, and every user sees exactly the tasks Camunda's own authorization service
 * says he may read and the criteria select, listed, counted and paged, with and without the joins.
 */
@ApplicationTest
class TaskListAuthorizationTest {

    private static final String MAPPING = "org/camunda/bpm/engine/impl/mapping/entity/Task.xml";
    /**
     * SHA-256 of Camunda 7.24.0's Task.xml, the file our copy was derived from. Our changes to it, each marked
     * "Zhifa" there: the authorization check as two EXISTS instead of an inner join (analysis-2); the candidate
     * criteria as an EXISTS on the identity links (joined only for involvedUser), DISTINCT only when a join can repeat
     * a task, count(*) otherwise, and OFFSET 0 in the task-grant EXISTS of a page (analysis-3).
     */
    private static final String CAMUNDA_TASK_XML = "616c3e9cdf4055cab8493558ece2d3bce0a3edb7bb9fe88570758b5103caf821";

    @Autowired TaskService taskService;
    @Autowired IdentityService identityService;
    @Autowired TaskVisibility visibility;
    @Autowired StaffDirectory staff;
    @Autowired LegalReviewDriver driver;

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        identityService.clearAuthentication();
    }

    @Test
    void ourCopyOfTheMappingShadowsCamundasAndFollowsItsVersion() throws IOException {
        List<URL> found = Collections.list(getClass().getClassLoader().getResources(MAPPING));
        assertThat(found).hasSize(2);
        assertThat(found.get(0).getProtocol()).as("ours first, from the application's classes").isEqualTo("file");
        try (InputStream camunda = found.get(1).openStream()) {
            assertThat(sha256(camunda.readAllBytes()))
                    .as("Camunda's Task.xml changed: derive src/main/resources/" + MAPPING + " from the new one")
                    .isEqualTo(CAMUNDA_TASK_XML);
        }
    }

    @Test
    void everyoneSeesExactlyTheTasksHeMayRead() {
        clockAt("2026-09-30T10:00:00");
        driver.submit("zhangwei", submission(driver.registerCase()));
        driver.submit("zhangwei", submission(driver.registerCase()));
        List<String> people = List.of("zhangwei", "zhaomin", "sunli", "lina");
        int seen = 0;
        for (String user : people) {
            Set<String> expected = visibility.readable(user);
            List<String> groups = new ArrayList<>(staff.groupsOf(user));
            identityService.setAuthentication(user, groups);
            try {
                Set<String> listed = ids(taskService.createTaskQuery().list());
                assertThat(listed).as(user).isEqualTo(expected);
                assertThat(taskService.createTaskQuery().count()).as(user).isEqualTo(expected.size());
                String unit = staff.unitsOf(user).stream().findFirst().orElse(null);
                if (unit != null) {
                    Set<String> ofUnit = ids(taskService.createTaskQuery().taskCandidateGroup(unit).list());
                    assertThat(expected).as(user).containsAll(ofUnit);
                }
                seen += listed.size();
            } finally {
                identityService.clearAuthentication();
            }
        }
        assertThat(seen).as("the check lets some tasks through").isPositive();
    }

    /** 本单位待办 and the other candidate criteria, on tasks claimed, assigned and open (TaskVisibility). */
    @Test
    void theFiltersAndCandidateCriteriaGiveExactlyTheReadableTasksTheyName() {
        clockAt("2026-09-30T10:00:00");
        ProcessInstance accepted = driver.submit("zhangwei", submission(driver.registerCase()));
        driver.accept(accepted, "zhaomin");
        ProcessInstance claimed = driver.submit("zhangwei", submission(driver.registerCase()));
        driver.claim(driver.task(claimed, "Task_ReviewIntake"), "zhaomin");
        driver.submit("zhangwei", submission(driver.registerCase()));
        int seen = 0;
        for (String user : List.of("zhangwei", "zhaomin", "sunli", "lina")) {
            seen += visibility.assertExactFor(user);
        }
        assertThat(seen).as("the filter lists some tasks").isPositive();
    }

    private static Set<String> ids(List<Task> tasks) {
        Set<String> ids = new TreeSet<>();
        tasks.forEach(t -> ids.add(t.getId()));
        return ids;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
