package cn.zhifa.service;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The service feature's API for the rest of the application: the documents of a case, how and when served. */
@Service
public class ServedDocuments {

    private final ServiceStore store;

    ServedDocuments(ServiceStore store) {
        this.store = store;
    }

    /** Every service of the case, oldest first, each with its attempts. */
    @Transactional(readOnly = true)
    public List<ServedDocument> ofCase(long caseId) {
        return store.ofCase(caseId);
    }
}
