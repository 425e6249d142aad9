package cn.zhifa.deadline;

import cn.zhifa.system.ZhifaException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * The deadline catalogue read from {@code classpath:deadline/catalogue.json}: every period the processes use. A rule
 * set other than {@code default} (e.g. {@code samr}) replaces the entries it lists. Immutable; plain Java apart from
 * Jackson, so a process test can build one with {@link #load(String)}.
 */
public final class DeadlineCatalogue {

    public static final String RESOURCE = "/deadline/catalogue.json";

    private final String ruleSet;
    private final String description;
    private final Map<String, DeadlineEntry> entries;

    private DeadlineCatalogue(String ruleSet, String description, Map<String, DeadlineEntry> entries) {
        this.ruleSet = ruleSet;
        this.description = description;
        this.entries = entries;
    }

    public static DeadlineCatalogue load(String ruleSet) {
        ObjectMapper json = new ObjectMapper().findAndRegisterModules();
        try (InputStream in = DeadlineCatalogue.class.getResourceAsStream(RESOURCE)) {
            CatalogueFile file = json.readValue(in, CatalogueFile.class);
            String name = ruleSet == null || ruleSet.isBlank() ? "default" : ruleSet;
            if (!file.ruleSets().containsKey(name)) {
                throw new IllegalStateException("Unknown deadline rule set '" + name + "', known: "
                        + file.ruleSets().keySet());
            }
            Map<String, DeadlineEntry> byId = new LinkedHashMap<>();
            file.entries().forEach(entry -> byId.put(entry.id(), check(entry)));
            file.variants().getOrDefault(name, List.of()).forEach(entry -> byId.put(entry.id(), check(entry)));
            return new DeadlineCatalogue(name, file.ruleSets().get(name), Map.copyOf(byId));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the deadline catalogue", e);
        }
    }

    private static DeadlineEntry check(DeadlineEntry entry) {
        if (entry.id() == null || !entry.id().matches("[A-Z][A-Z0-9_]*") || entry.amount() <= 0 || entry.unit() == null
                || entry.clockStart() == null || entry.clockStart().variable() == null) {
            throw new IllegalStateException("Incomplete deadline catalogue entry: " + entry);
        }
        return entry;
    }

    public String ruleSet() {
        return ruleSet;
    }

    public String description() {
        return description;
    }

    /** The entry, or 404 {@code DEADLINE_UNKNOWN} when the catalogue has no such id. */
    public DeadlineEntry entry(String id) {
        DeadlineEntry entry = entries.get(id);
        if (entry == null) {
            throw new ZhifaException(HttpStatus.NOT_FOUND, "DEADLINE_UNKNOWN", "期限目录中没有编号为 " + id + " 的期限");
        }
        return entry;
    }

    public List<DeadlineEntry> entries() {
        return entries.values().stream().sorted(java.util.Comparator.comparing(DeadlineEntry::id)).toList();
    }

    record CatalogueFile(Map<String, String> ruleSets, List<DeadlineEntry> entries,
            Map<String, List<DeadlineEntry>> variants) {

        CatalogueFile {
            variants = variants == null ? Map.of() : variants;
        }
    }
}
