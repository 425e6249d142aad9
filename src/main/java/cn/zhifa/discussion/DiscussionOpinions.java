package cn.zhifa.discussion;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Who took which position in a discussion (table discussion_opinion): the source of the minutes and the tally. */
@Component
class DiscussionOpinions {

    enum Stance {
        AGREE("同意"),
        DISAGREE("不同意"),
        ABSENT("缺席");

        final String chineseName;

        Stance(String chineseName) {
            this.chineseName = chineseName;
        }
    }

    record Opinion(String member, Stance stance, String reasons, OffsetDateTime recordedAt) {
    }

    /** The count the conclusion rule reads: of the members present, how many agreed with what was put to them. */
    record Tally(int present, int agree, int disagree, int absent) {

        boolean carried() {
            return agree * 2 > present;
        }

        String describe() {
            return "出席" + present + "人，同意" + agree + "人，不同意" + disagree + "人"
                    + (absent > 0 ? "，缺席" + absent + "人" : "");
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    DiscussionOpinions(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void record(String processInstanceId, long caseId, String member, Stance stance, String reasons) {
        jdbc.sql("""
                INSERT INTO discussion_opinion (process_instance_id, case_id, member, stance, reasons, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(processInstanceId, caseId, member, stance.name(), reasons, OffsetDateTime.now(clock)).update();
    }

    /** In the order they were given; the absent first, as the attendance recorded them. */
    List<Opinion> of(String processInstanceId) {
        return jdbc.sql("""
                SELECT member, stance, reasons, recorded_at FROM discussion_opinion
                WHERE process_instance_id = ? ORDER BY recorded_at, member""")
                .param(processInstanceId)
                .query((rs, i) -> new Opinion(rs.getString(1), Stance.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class)))
                .list();
    }

    static Tally tally(List<Opinion> opinions) {
        int agree = count(opinions, Stance.AGREE);
        int disagree = count(opinions, Stance.DISAGREE);
        return new Tally(agree + disagree, agree, disagree, count(opinions, Stance.ABSENT));
    }

    private static int count(List<Opinion> opinions, Stance stance) {
        return (int) opinions.stream().filter(o -> o.stance() == stance).count();
    }
}
