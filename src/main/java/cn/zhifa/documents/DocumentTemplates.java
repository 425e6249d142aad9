package cn.zhifa.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Finds the template of a document type: a file of the same name in {@code zhifa.documents.template-dir} (an
 * agency's own format, 004-K) wins over the bundled {@code classpath:documents/templates/}.
 */
@Component
class DocumentTemplates {

    static final String BUNDLED = "documents/templates/";
    private static final Logger log = LoggerFactory.getLogger(DocumentTemplates.class);

    private final Path overrideDir;

    DocumentTemplates(DocumentsProperties properties) {
        this.overrideDir = properties.templateDir() == null || properties.templateDir().isBlank() ? null
                : Path.of(properties.templateDir());
    }

    InputStream open(DocumentType type) {
        try {
            if (overrideDir != null) {
                Path replaced = overrideDir.resolve(type.templateFile());
                if (Files.isRegularFile(replaced)) {
                    log.debug("Using the replaced template {}", replaced);
                    return Files.newInputStream(replaced);
                }
            }
            return new ClassPathResource(BUNDLED + type.templateFile()).getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException("template of " + type + " cannot be read", e);
        }
    }
}
