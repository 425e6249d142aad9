package cn.zhifa.hearing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * The options a form offers as a Json value (Tasklist hands it to form-js, {@code valuesKey}), and the user ids a
 * checklist submits back (a Json array; a REST client may send ids separated by commas).
 */
final class HearingJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HearingJson() {
    }

    static TypedValue json(Object value) {
        try {
            return SpinValues.jsonValue(JSON.writeValueAsString(value)).create();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass() + " as JSON", e);
        }
    }

    static List<String> strings(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof Collection<?> items) {
            return items.stream().map(String::valueOf).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }
        String text = value.toString().strip();
        if (text.startsWith("[")) {
            try {
                return strings(JSON.readValue(text, new TypeReference<List<Object>>() { }));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("not a JSON array of strings", e);
            }
        }
        return Arrays.stream(text.split("[,，、\\s]+")).filter(s -> !s.isEmpty()).toList();
    }
}
