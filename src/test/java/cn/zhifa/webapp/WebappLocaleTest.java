package cn.zhifa.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Guards the Simplified Chinese locale of the Camunda webapps (issue 2, item 7): our {@code zh.json} must translate
 * every key of the English {@code en.json} shipped in the Camunda 7.24 webjar, and nothing else. Runs without Spring.
 */
class WebappLocaleTest {

    private static final String APP_PATH = "META-INF/resources/webjars/camunda/app/";
    private static final String WEBJAR = "camunda-webapp-webjar";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Pattern LETTER = Pattern.compile("[A-Za-z]");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{.*?}}");
    private static final Pattern DATE_PATTERN = Pattern.compile("[YMDHhmsT:./ -]+");
    private static final Pattern PRINTF = Pattern.compile("%[sd]");
    private static final Pattern MARKUP =
            Pattern.compile("</?(?:a|b|br|code|em|i|li|p|span|strong|ul)\\b[^>]*>|&[a-z]+;|&#\\d+;");

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "welcome", "cockpit", "admin"})
    void chineseLocaleHasExactlyTheKeysOfTheWebjarEnglishLocale(String app) {
        Map<String, JsonNode> english = flatten(loadFromWebjar(app + "/locales/en.json"));
        Map<String, JsonNode> chinese = flatten(loadOurs(app + "/locales/zh.json"));

        assertThat(english).as("en.json of %s is read from the webjar", app).hasSizeGreaterThan(100);
        assertThat(keyDifferences(english, chinese)).as("key differences between en.json and zh.json of %s", app)
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "welcome", "cockpit", "admin"})
    void everyChineseValueIsATranslationThatKeepsPlaceholdersAndMarkup(String app) {
        Map<String, JsonNode> english = flatten(loadFromWebjar(app + "/locales/en.json"));
        Map<String, JsonNode> chinese = flatten(loadOurs(app + "/locales/zh.json"));

        assertThat(translationProblems(english, chinese)).as("translation problems in zh.json of %s", app).isEmpty();
    }

    /** Proves that the two checks above can fail: broken input must be reported key by key. */
    @Nested
    class Checks {

        private final Map<String, JsonNode> english = flatten(json("""
                {"labels": {"CLAIM": "Claim", "HELLO": "Hello {{ name }}", "LINK": "See <a href=\\"/x\\">docs</a>",
                 "EMPTY": "", "LT": "<", "AGO": "%s ago"},
                 "dateLocales": {"longDateFormat": {"L": "DD/MM/YYYY"}, "week": {"dow": 1}}}
                """));

        @Test
        void acceptsACompleteTranslation() {
            Map<String, JsonNode> chinese = flatten(json("""
                    {"labels": {"CLAIM": "认领", "HELLO": "您好，{{ name }}", "LINK": "详见<a href=\\"/x\\">文档</a>",
                     "EMPTY": "", "LT": "<", "AGO": "%s前"},
                     "dateLocales": {"longDateFormat": {"L": "YYYY-MM-DD"}, "week": {"dow": 1}}}
                    """));

            assertThat(keyDifferences(english, chinese)).isEmpty();
            assertThat(translationProblems(english, chinese)).isEmpty();
        }

        @Test
        void reportsMissingAndExtraKeys() {
            Map<String, JsonNode> chinese = flatten(json("""
                    {"labels": {"CLAIM": "认领", "HELLO": "您好，{{ name }}", "LINK": "详见<a href=\\"/x\\">文档</a>",
                     "EMPTY": "", "LT": "<", "AGO": "%s前", "EXTRA": "多余"},
                     "dateLocales": {"week": {"dow": 1}}}
                    """));

            assertThat(keyDifferences(english, chinese)).containsExactly(
                    "missing in zh: dateLocales.longDateFormat.L", "extra in zh: labels.EXTRA");
        }

        @Test
        void reportsUntranslatedEmptyAndBrokenValues() {
            Map<String, JsonNode> chinese = flatten(json("""
                    {"labels": {"CLAIM": "Claim", "HELLO": "您好，{{name}}", "LINK": "详见文档",
                     "EMPTY": "空", "LT": "", "AGO": "以前"},
                     "dateLocales": {"longDateFormat": {"L": "YYYY-MM-DD"}, "week": {"dow": "一"}}}
                    """));

            assertThat(translationProblems(english, chinese)).containsExactlyInAnyOrder(
                    "labels.CLAIM: no Chinese character in \"Claim\"",
                    "labels.HELLO: placeholders [{{ name }}] became [{{name}}]",
                    "labels.LINK: markup [<a href=\"/x\">, </a>] became []",
                    "labels.EMPTY: English is empty, zh must be empty too",
                    "labels.LT: empty",
                    "labels.AGO: %s/%d [%s] became []",
                    "dateLocales.week.dow: expected a NUMBER like en, got STRING");
        }
    }

    // ------------------------------------------------------------------ checks

    static List<String> keyDifferences(Map<String, JsonNode> english, Map<String, JsonNode> chinese) {
        List<String> differences = new ArrayList<>();
        english.keySet().stream().filter(key -> !chinese.containsKey(key))
                .forEach(key -> differences.add("missing in zh: " + key));
        chinese.keySet().stream().filter(key -> !english.containsKey(key))
                .forEach(key -> differences.add("extra in zh: " + key));
        return differences;
    }

    static List<String> translationProblems(Map<String, JsonNode> english, Map<String, JsonNode> chinese) {
        List<String> problems = new ArrayList<>();
        english.forEach((key, en) -> {
            JsonNode zh = chinese.get(key);
            if (zh == null) {
                return; // reported by keyDifferences
            }
            if (zh.getNodeType() != en.getNodeType()) {
                problems.add(key + ": expected a " + en.getNodeType() + " like en, got " + zh.getNodeType());
                return;
            }
            if (!en.isTextual()) {
                return;
            }
            String enText = en.asText();
            String zhText = zh.asText();
            if (enText.isEmpty()) {
                // 7.24 has one intentionally blank label (tasklist NO_TASK_FORM); keep it blank
                if (!zhText.isEmpty()) {
                    problems.add(key + ": English is empty, zh must be empty too");
                }
                return;
            }
            if (zhText.isBlank()) {
                problems.add(key + ": empty");
                return;
            }
            if (LETTER.matcher(enText).find() && !isMomentFormatPattern(key) && !isDatePattern(enText, zhText)
                    && !HAN.matcher(zhText).find()) {
                problems.add(key + ": no Chinese character in \"" + zhText + "\"");
            }
            compare(problems, key, "placeholders", PLACEHOLDER, enText, zhText);
            compare(problems, key, "%s/%d", PRINTF, enText, zhText);
            compare(problems, key, "markup", MARKUP, enText, zhText);
        });
        return problems;
    }

    /** Moment.js date patterns such as {@code L: YYYY-MM-DD} or {@code LT: HH:mm} are tokens, not prose. */
    private static boolean isMomentFormatPattern(String key) {
        return key.startsWith("dateLocales.longDateFormat.") || key.equals("dateLocales.calendar.sameElse");
    }

    /** A date pattern shown as a field's placeholder (Cockpit: {@code YYYY-MM-DDTHH:mm:ss}) is what to type. */
    private static boolean isDatePattern(String en, String zh) {
        return en.equals(zh) && DATE_PATTERN.matcher(en).matches();
    }

    private static void compare(List<String> problems, String key, String what, Pattern pattern, String en,
            String zh) {
        List<String> expected = occurrences(pattern, en);
        List<String> actual = occurrences(pattern, zh);
        if (!sorted(expected).equals(sorted(actual))) {
            problems.add(key + ": " + what + " " + expected + " became " + actual);
        }
    }

    private static List<String> occurrences(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }

    private static List<String> sorted(List<String> values) {
        List<String> copy = new ArrayList<>(values);
        Collections.sort(copy);
        return copy;
    }

    // ------------------------------------------------------------------ loading

    /** Nested objects and arrays become dotted keys: {@code labels.CLAIM_TASK}, {@code dateLocales.months[0]}. */
    static Map<String, JsonNode> flatten(JsonNode root) {
        Map<String, JsonNode> leaves = new LinkedHashMap<>();
        flatten("", root, leaves);
        return leaves;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, JsonNode> leaves) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), leaves);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + "[" + i + "]", node.get(i), leaves);
            }
        } else {
            leaves.put(prefix, node);
        }
    }

    /** The English file must come from the Camunda webjar itself, even if someone overrides it on our classpath. */
    private static JsonNode loadFromWebjar(String path) {
        try {
            Set<String> seen = new TreeSet<>();
            for (URL url : Collections.list(classLoader().getResources(APP_PATH + path))) {
                seen.add(url.toString());
                if (url.toString().contains(WEBJAR)) {
                    try (InputStream in = url.openStream()) {
                        return JSON.readTree(in); // Jackson skips the UTF-8 BOM the webjar files start with
                    }
                }
            }
            throw new AssertionError("no " + path + " inside " + WEBJAR + " on the classpath; found " + seen);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode loadOurs(String path) {
        URL url = classLoader().getResource(APP_PATH + path);
        assertThat(url).as("%s on the classpath", path).isNotNull();
        assertThat(url.toString()).as("%s comes from our resources, not a jar", path).doesNotContain(".jar!");
        try (InputStream in = url.openStream()) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ClassLoader classLoader() {
        return WebappLocaleTest.class.getClassLoader();
    }
}
