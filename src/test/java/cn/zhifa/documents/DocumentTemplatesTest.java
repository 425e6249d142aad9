package cn.zhifa.documents;

import static org.assertj.core.api.Assertions.assertThat;

import com.deepoove.poi.XWPFTemplate;
import com.deepoove.poi.template.MetaTemplate;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The bundled templates carry a tag for every required field, and an administrator's file replaces one. */
class DocumentTemplatesTest {

    @ParameterizedTest
    @EnumSource(DocumentType.class)
    void shouldBundleATemplateWithATagForEveryRequiredField(DocumentType type) throws Exception {
        DocumentTemplates templates = new DocumentTemplates(new DocumentsProperties(null, null, null, null, null));
        try (InputStream in = templates.open(type); XWPFTemplate template = XWPFTemplate.compile(in)) {
            Set<String> tags = template.getElementTemplates().stream().map(MetaTemplate::variable)
                    .map(v -> v.replace("{{", "").replace("}}", "")).collect(Collectors.toSet());
            assertThat(tags).containsAll(type.requiredFields().keySet());
        }
    }

    @Test
    void shouldPreferTheAdministratorsTemplateOfTheSameName(@TempDir Path dir) throws Exception {
        try (XWPFDocument own = new XWPFDocument(); OutputStream out =
                Files.newOutputStream(dir.resolve(DocumentType.DEMAND_NOTICE.templateFile()))) {
            own.createParagraph().createRun().setText("本局自定义催告书 {{partyName}}");
            own.write(out);
        }
        DocumentTemplates templates = new DocumentTemplates(new DocumentsProperties(dir.toString(), null, null, null, null));

        try (InputStream in = templates.open(DocumentType.DEMAND_NOTICE); XWPFDocument doc = new XWPFDocument(in)) {
            assertThat(doc.getParagraphs().get(0).getText()).isEqualTo("本局自定义催告书 {{partyName}}");
        }
        try (InputStream in = templates.open(DocumentType.PENALTY_DECISION); XWPFDocument doc = new XWPFDocument(in)) {
            assertThat(doc.getParagraphs().get(1).getText()).isEqualTo("行政处罚决定书");
        }
    }
}
