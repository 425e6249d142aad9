package cn.zhifa.documents;

import cn.zhifa.boundary.TaskActors;
import cn.zhifa.system.ZhifaException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The service task a designer places with the element template "生成文书" (docs/designers.md): generates a document
 * of the type the template's input {@value #TYPE} names, as the person in {@value #AUTHOR} (the authoring rules of
 * {@link DocumentAuthoring} apply as to every document), and stores its id in the variable {@value #ID_VARIABLE}
 * names. The document's own fields are taken from the process variables of the same names; what the case register
 * fills (case number, party, agency) comes from the case, never from the process.
 */
@Component("generateDocumentDelegate")
class GenerateDocumentDelegate implements JavaDelegate {

    static final String TYPE = "documentType";
    static final String AUTHOR = "documentAuthor";
    static final String ID_VARIABLE = "documentIdVariable";

    private final DocumentService documents;

    GenerateDocumentDelegate(DocumentService documents) {
        this.documents = documents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DocumentType type = typeOf(execution.getVariableLocal(TYPE));
        String author = (String) execution.getVariableLocal(AUTHOR);
        String idVariable = (String) execution.getVariableLocal(ID_VARIABLE);
        if (author == null || idVariable == null || idVariable.isBlank()) {
            throw new ZhifaException(HttpStatus.UNPROCESSABLE_ENTITY, "MODEL_DOCUMENT_INPUT_MISSING",
                    "流程模型的“生成文书”任务缺少制作人或文书编号变量（" + execution.getCurrentActivityId() + "）");
        }
        Map<String, Object> data = new LinkedHashMap<>();
        for (String field : type.fieldsFromProcess().keySet()) {
            Object value = execution.getVariable(field);
            if (value != null) {
                data.put(field, value);
            }
        }
        StoredDocument document = documents.generate(TaskActors.caseIdOf(execution), type, data, author);
        execution.setVariable(idVariable, document.id());
    }

    private static DocumentType typeOf(Object name) {
        for (DocumentType type : DocumentType.values()) {
            if (type.name().equals(name)) {
                return type;
            }
        }
        throw new ZhifaException(HttpStatus.UNPROCESSABLE_ENTITY, "MODEL_DOCUMENT_TYPE_UNKNOWN",
                "流程模型中的文书种类不存在：" + name);
    }
}
