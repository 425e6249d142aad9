package cn.zhifa.service;

import static cn.zhifa.service.ServiceVariables.*;

import cn.zhifa.boundary.TaskActors;
import cn.zhifa.documents.DocumentService;
import cn.zhifa.documents.DocumentType;
import cn.zhifa.documents.StoredDocument;
import cn.zhifa.identity.StaffDirectory;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The 送达回证 that goes out with the document (直接、委托、转交、邮寄送达): the recipient writes the date and signs it, or
 * the server and witnesses note a refusal on it; the signed receipt comes back as an upload of the case.
 */
@Component("generateServiceReceiptDelegate")
class GenerateServiceReceiptDelegate implements JavaDelegate {

    /** Left blank on the printed receipt: the signatory writes the date of signature (民事诉讼法 第八十七条). */
    static final String TIME_TO_BE_WRITTEN = "　　　　年　　月　　日　　时　　分";

    private final DocumentService documents;
    private final ServiceStore store;
    private final StaffDirectory staff;

    GenerateServiceReceiptDelegate(DocumentService documents, ServiceStore store, StaffDirectory staff) {
        this.documents = documents;
        this.store = store;
        this.staff = staff;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ServiceMethod method = ServiceMethod.valueOf((String) execution.getVariable(SERVICE_METHOD_CHOICE));
        String server = (String) execution.getVariable(METHOD_CHOSEN_BY);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("servedDocument", execution.getVariable(SERVICE_DOCUMENT_NAME));
        data.put("recipient", execution.getVariable(RECIPIENT_NAME));
        data.put("serviceAddress", execution.getVariable(SERVICE_ADDRESS));
        data.put("serviceMethod", method.chineseName());
        data.put("server", staff.displayName(server) + switch (method) {
            case ENTRUSTED -> "（委托" + execution.getVariable(INTERMEDIARY_BODY) + "代为送达）";
            case FORWARDED -> "（通过" + execution.getVariable(INTERMEDIARY_BODY) + "转交）";
            default -> "";
        });
        data.put("serviceTime", TIME_TO_BE_WRITTEN);
        data.put("remarks", switch (method) {
            case DIRECT -> "受送达人拒绝签收的，由送达人在此载明拒收事由和日期，由送达人、见证人签名或者盖章";
            case POST -> "邮寄送达的，以回执上注明的收件日期为送达日期";
            default -> "受送达人签收后，请将本回证退回" + execution.getVariable(INTERMEDIARY_BODY) + "转本机关";
        });
        StoredDocument receipt = documents.generate(TaskActors.caseIdOf(execution), DocumentType.SERVICE_RECEIPT,
                data, server);
        execution.setVariable(RECEIPT_DOCUMENT_ID, receipt.id());
        store.receipt(((Number) execution.getVariable(SERVICE_RECORD_ID)).longValue(), receipt.id());
    }
}
