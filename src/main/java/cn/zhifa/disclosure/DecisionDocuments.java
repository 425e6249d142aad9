package cn.zhifa.disclosure;

import cn.zhifa.record.CaseRecord;
import cn.zhifa.record.RecordEntry;
import cn.zhifa.system.EngineClock;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The decision document as the case record holds it: the entry {@code DOCUMENT_GENERATED} of the document's id in the
 * record of the case, with every field it was rendered from. Read from the record, not from a request, so a document
 * of another case cannot be named and what is published is what the party was served.
 */
@Component
class DecisionDocuments {

    record Decision(long documentId, String type, LocalDate renderedOn, Map<String, String> fields) {

        String field(String name) {
            String value = fields.get(name);
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    private final CaseRecord caseRecord;
    private final ObjectMapper json = new ObjectMapper();

    DecisionDocuments(CaseRecord caseRecord) {
        this.caseRecord = caseRecord;
    }

    Optional<Decision> of(long caseId, long documentId) {
        for (RecordEntry entry : caseRecord.entries(caseId)) {
            if (!"DOCUMENT_GENERATED".equals(entry.action())) {
                continue;
            }
            JsonNode data = parse(entry.data());
            if (data.path("documentId").asLong(-1) != documentId) {
                continue;
            }
            Map<String, String> fields = new LinkedHashMap<>();
            data.path("fields").fields().forEachRemaining(field -> fields.put(field.getKey(), field.getValue().asText()));
            return Optional.of(new Decision(documentId, data.path("type").asText(),
                    entry.recordedAt().atZoneSameInstant(EngineClock.ZONE).toLocalDate(), fields));
        }
        return Optional.empty();
    }

    /** The day the case was filed (立案): when it got its number. */
    Optional<LocalDate> filedOn(long caseId) {
        return caseRecord.entries(caseId).stream().filter(entry -> "CASE_NUMBERED".equals(entry.action())).findFirst()
                .map(entry -> entry.recordedAt().atZoneSameInstant(EngineClock.ZONE).toLocalDate());
    }

    private JsonNode parse(String data) {
        try {
            return json.readTree(data == null ? "{}" : data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A case record entry holds no JSON", e);
        }
    }
}
