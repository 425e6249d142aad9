package cn.zhifa.bench;

import cn.zhifa.casefile.CaseKind;
import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.casefile.NewCase;
import cn.zhifa.casefile.OfficerRole;
import cn.zhifa.casefile.PartyKind;
import cn.zhifa.documents.AttachmentKind;
import cn.zhifa.documents.CaseAttachments;
import cn.zhifa.documents.NewAttachment;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.context.ApplicationContext;

/**
 * The project's application as the benchmark uses it: engine, register, attachments, raw and counted DataSource,
 * HTTP port.
 */
record App(String database, ProcessEngine engine, CaseRegister register, CaseAttachments attachments,
        DataSource rawDataSource,
        StatementCounter statements, DelegateTimings timings, int port, String password) {

    static App of(String database, ApplicationContext context, StatementCounter statements, DelegateTimings timings,
            String password) {
        DataSource dataSource = context.getBean(DataSource.class);
        DataSource raw = dataSource instanceof StatementCounter counter ? counter.getTargetDataSource() : dataSource;
        int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port", "0"));
        return new App(database, context.getBean(ProcessEngine.class), context.getBean(CaseRegister.class),
                context.getBean(CaseAttachments.class), raw,
                statements != null ? statements : new StatementCounter(raw), timings, port, password);
    }

    /** A case as /api/cases registers it: two officers of 执法一大队, one party. */
    long registerCase() {
        return StatementCounter.uncounted(() -> register.register(new NewCase(CaseKind.PENALTY, "某公司销售不合格产品案",
                "unit-squad-1",
                List.of(new NewCase.NewParty(PartyKind.INDIVIDUAL, "张三", "11010519491231002X", "某县某路1号")),
                List.of(new NewCase.NewOfficer("zhangwei", OfficerRole.HANDLER),
                        new NewCase.NewOfficer("lina", OfficerRole.INVESTIGATOR))), "zhangwei").id());
    }

    /** Set-up, not measured: a small PDF uploaded to the case by its officer, as the 案卷 tab does; its id. */
    String attach(long caseId, String description) {
        byte[] pdf = "%PDF-1.4\n% bench\n".getBytes(StandardCharsets.US_ASCII);
        return StatementCounter.uncounted(() -> String.valueOf(attachments.upload(caseId, new NewAttachment(
                AttachmentKind.EVIDENCE, "evidence.pdf", "application/pdf", pdf.length, new ByteArrayInputStream(pdf),
                description, null), "zhangwei").id()));
    }
}
