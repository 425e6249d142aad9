package cn.zhifa.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The opinion prints each of the seven points with the words the reviewer chose in the form (seed 003 L108). */
class ReviewPointTest {

    @Test
    void shouldAnswerEveryPointWithTheLabelsOfTheReviewOpinionForm() throws Exception {
        JsonNode form = new ObjectMapper().readTree(new File("forms/review-opinion.form"));
        Map<String, JsonNode> byKey = new HashMap<>();
        form.get("components").forEach(component -> byKey.put(component.path("key").asText(), component));
        for (ReviewPoint point : ReviewPoint.values()) {
            JsonNode field = byKey.get(point.variable());
            assertThat(field).as(point.name()).isNotNull();
            assertThat(field.get("label").asText()).isEqualTo(point.question());
            for (JsonNode value : field.get("values")) {
                assertThat(point.answer(value.get("value").asText())).as(point.name())
                        .isEqualTo(value.get("label").asText());
            }
        }
        assertThat(ReviewPoint.CRIME.answer("OK")).isEqualTo("不涉嫌犯罪");
    }
}
