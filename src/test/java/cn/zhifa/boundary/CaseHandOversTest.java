package cn.zhifa.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.ApplicationTest;
import cn.zhifa.casefile.CaseKind;
import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.casefile.NewCase;
import cn.zhifa.casefile.OfficerRole;
import cn.zhifa.casefile.PartyKind;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A case handed over to a process is adopted by one instance of that process, once, and by no other process. */
@ApplicationTest
class CaseHandOversTest {

    @Autowired CaseHandOvers handOvers;
    @Autowired CaseRegister cases;
    @Autowired JdbcClient jdbc;

    @Test
    void aHandOverIsAdoptedOnceByItsTargetProcess() {
        long caseId = cases.register(new NewCase(CaseKind.PENALTY, "某商店未明码标价案", "unit-squad-1",
                List.of(new NewCase.NewParty(PartyKind.INDIVIDUAL, "张三", "11010519491231002X", "某县某路1号")),
                List.of(new NewCase.NewOfficer("zhangwei", OfficerRole.HANDLER),
                        new NewCase.NewOfficer("lina", OfficerRole.INVESTIGATOR))), "zhangwei").id();
        assertThat(handOvers.adopt(caseId, "penalty-case", "instance-1")).isFalse();

        jdbc.sql("""
                INSERT INTO case_hand_over (case_id, from_instance_id, from_process_key, to_process_key,
                    handed_over_by, handed_over_at)
                VALUES (?, ?, 'simple-penalty', 'penalty-case', 'zhangwei', ?)""")
                .params(caseId, "on-the-spot-" + caseId, OffsetDateTime.now()).update();

        assertThat(handOvers.adopt(caseId, "hearing", "instance-1")).isFalse();
        assertThat(handOvers.adopt(caseId, "penalty-case", "instance-1")).isTrue();
        assertThat(handOvers.adopt(caseId, "penalty-case", "instance-2")).isFalse();
        assertThat(jdbc.sql("SELECT adopted_by_instance FROM case_hand_over WHERE case_id = ?").param(caseId)
                .query(String.class).single()).isEqualTo("instance-1");
    }
}
