package cn.zhifa.boundary;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * Lists in process variables without Java serialization (which the engine refuses): a list of user ids the engine
 * iterates (a multi-instance collection) as a JSON-serialized Java list; the options a form offers as a Json value,
 * which Tasklist hands to form-js ({@code valuesKey}) and whose type it gives to what a checklist submits; and the
 * user ids such a checklist submits back.
 */
public final class FormJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FormJson() {
    }

    public static ObjectValue list(List<String> values) {
        return Variables.objectValue(new ArrayList<>(values))
                .serializationDataFormat(Variables.SerializationDataFormats.JSON).create();
    }

    public static TypedValue json(Object value) {
        try {
            return SpinValues.jsonValue(JSON.writeValueAsString(value)).create();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass() + " as JSON", e);
        }
    }

    /**
     * The user ids a variable holds: a list, a Json array (a Tasklist checklist), or ids separated by commas (a REST
     * client).
     */
    public static List<String> strings(Object value) {
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
