package cn.zhifa.boundary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The fields a person may fill in each Camunda Form: keyed components that are neither disabled nor read-only.
 * Disabled fields are what forms show for context (form-js does not submit them). Forms ship in the process
 * application (classpath {@code processes/forms/}), the same files the engine deploys.
 */
@Component
class FormFields {

    private static final String FORMS = "classpath*:processes/forms/**/*.form";

    private final ObjectMapper json = new ObjectMapper();
    private volatile Map<String, Set<String>> writableByForm;

    Set<String> writable(String formId) {
        Map<String, Set<String>> forms = writableByForm;
        if (forms == null) {
            forms = load();
            writableByForm = forms;
        }
        return forms.getOrDefault(formId, Set.of());
    }

    private Map<String, Set<String>> load() {
        Map<String, Set<String>> forms = new HashMap<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(FORMS)) {
                try (InputStream in = resource.getInputStream()) {
                    JsonNode form = json.readTree(in);
                    Set<String> keys = new LinkedHashSet<>();
                    collect(form, keys);
                    forms.put(form.path("id").asText(), Set.copyOf(keys));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the forms of the process application", e);
        }
        return forms;
    }

    private static void collect(JsonNode container, Set<String> keys) {
        for (JsonNode component : container.path("components")) {
            boolean writable = !component.path("disabled").asBoolean(false)
                    && !component.path("readonly").asBoolean(false);
            if (component.hasNonNull("key") && writable) {
                keys.add(component.get("key").asText());
            }
            collect(component, keys);
        }
    }
}
