package cn.zhifa.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.ApplicationTest;
import cn.zhifa.deadline.DeadlineService;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Issue 8 §10: {@code GET /api/deadlines/running} shows the deadlines of the cases the caller may see (the rules of
 * {@code GET /api/cases}), not every case's to every user.
 */
@ApplicationTest
class RunningDeadlinesVisibilityTest {

    @Autowired TestRestTemplate rest;
    @Autowired CaseRegister register;
    @Autowired DeadlineService deadlines;

    String squad1Instance;
    String squad2Instance;
    String caselessInstance;
    long squad1Case;

    @BeforeEach
    void deadlinesOfTwoUnitsAndOneWithoutCase() {
        squad1Case = register.register(CaseRegisterApiTest.request("unit-squad-1", List.of("zhangwei", "lina")),
                "zhangwei").id();
        long squad2Case = register.register(CaseRegisterApiTest.request("unit-squad-2", List.of("wangqiang", "liuyang")),
                "wangqiang").id();
        squad1Instance = track(String.valueOf(squad1Case));
        squad2Instance = track(String.valueOf(squad2Case));
        caselessInstance = track("not-a-case");
    }

    @AfterEach
    void closeThem() {
        List.of(squad1Instance, squad2Instance, caselessInstance)
                .forEach(instance -> deadlines.complete(instance, "LEGAL_REVIEW"));
    }

    String track(String businessKey) {
        String instance = "pi-visibility-" + UUID.randomUUID();
        deadlines.track(instance, businessKey, "LEGAL_REVIEW", Instant.now());
        return instance;
    }

    List<String> visibleInstances(String user) {
        ResponseEntity<JsonNode> response = rest.withBasicAuth(user, "test-secret")
                .getForEntity("/api/deadlines/running", JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<String> instances = new ArrayList<>();
        response.getBody().forEach(d -> instances.add(d.get("processInstanceId").asText()));
        return instances.stream().filter(i -> List.of(squad1Instance, squad2Instance, caselessInstance).contains(i))
                .toList();
    }

    @Test
    void shouldShowAnOfficerOnlyTheDeadlinesOfHisUnitsCases() {
        assertThat(visibleInstances("zhangwei")).containsExactly(squad1Instance);
        assertThat(visibleInstances("wangqiang")).containsExactly(squad2Instance);
    }

    @Test
    void shouldShowAReviewerOnlyTheCasesSubmittedForReview() {
        assertThat(visibleInstances("zhaomin")).isEmpty();

        register.markSubmittedForReview(squad1Case);

        assertThat(visibleInstances("zhaomin")).containsExactly(squad1Instance);
    }

    @Test
    void shouldShowTheHeadHisAgencysCasesAndTheSupervisorEverything() {
        assertThat(visibleInstances("chengang")).containsExactlyInAnyOrder(squad1Instance, squad2Instance);
        assertThat(visibleInstances("zhenghua"))
                .containsExactlyInAnyOrder(squad1Instance, squad2Instance, caselessInstance);
    }

    @Test
    void shouldFilterAQueryByProcessInstanceToo() {
        ResponseEntity<JsonNode> response = rest.withBasicAuth("wangqiang", "test-secret")
                .getForEntity("/api/deadlines/running?processInstanceId=" + squad1Instance, JsonNode.class);

        assertThat(response.getBody()).isEmpty();
    }
}
