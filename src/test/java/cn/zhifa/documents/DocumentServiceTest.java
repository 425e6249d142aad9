package cn.zhifa.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhifa.ApplicationTest;
import cn.zhifa.casefile.CaseKind;
import cn.zhifa.casefile.CaseRegister;
import cn.zhifa.casefile.NewCase;
import cn.zhifa.casefile.PartyKind;
import cn.zhifa.record.CaseRecord;
import cn.zhifa.record.RecordEntry;
import cn.zhifa.system.ZhifaException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** 执法文书: each document is generated from its template, opened again and its contents checked. */
@ApplicationTest
class DocumentServiceTest {

    static final String TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai")).format(DateTimeFormatter.ofPattern("yyyy年M月d日"));

    @Autowired DocumentService documents;
    @Autowired CaseRegister register;
    @Autowired CaseRecord record;
    @Autowired TestRestTemplate rest;
    @Autowired ObjectMapper json;

    long caseId;
    String caseNo;

    @BeforeEach
    void numberedCase() {
        caseId = register.register(new NewCase(CaseKind.PENALTY, "销售不符合食品安全标准的食品案", "unit-squad-1",
                List.of(new NewCase.NewParty(PartyKind.ORGANISATION, "某县好又多超市有限公司", "91350100M000100Y43",
                        "某县人民路88号", "赵六", "0591-1234567")),
                List.of(new NewCase.NewOfficer("zhangwei", null), new NewCase.NewOfficer("lina", null))),
                "zhangwei").id();
        caseNo = register.assignNumber(caseId);
    }

    /** Every required field neither the case nor the author fills, with a recognisable value. */
    static Map<String, Object> dataFor(DocumentType type) {
        Map<String, Object> data = new HashMap<>();
        type.requiredFields().keySet().forEach(key -> data.put(key, "〈" + key + "〉"));
        data.keySet().removeAll(DocumentModel.REGISTER_OWNED.keySet());
        data.remove(DocumentAuthoring.RULES.get(type).authorNameField());
        return data;
    }

    /** Puts the case at the first stage the type's rule allows and names an author it allows. */
    String ready(long caseId, DocumentType type) {
        DocumentAuthoring.Rule rule = DocumentAuthoring.RULES.get(type);
        register.moveTo(caseId, rule.stages().iterator().next(), "zhangwei");
        return switch (rule.authors().iterator().next()) {
            case HANDLING_OFFICER -> "zhangwei";
            case LEGAL_REVIEWER -> "zhaomin";
            case AGENCY_HEAD -> "chengang";
            case HEARING_HOST -> "wufang";
        };
    }

    static String text(byte[] docx) throws Exception {
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx));
                XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
            return extractor.getText();
        }
    }

    @ParameterizedTest
    @EnumSource(DocumentType.class)
    void shouldGenerateEachDocumentWithItsFields(DocumentType type) throws Exception {
        Map<String, Object> data = dataFor(type);
        String author = ready(caseId, type);

        StoredDocument stored = documents.generate(caseId, type, data, author);
        byte[] content = documents.content(stored);
        String text = text(content);

        assertThat(stored.version()).isEqualTo(1);
        assertThat(stored.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
        assertThat(text).contains("某县市场监督管理局", type.chineseName());
        assertThat(text).as("no tag left unrendered").doesNotContain("{{", "}}");
        for (Object value : data.values()) {
            assertThat(text).contains(value.toString());
        }
        for (String auto : type.requiredFields().keySet()) {
            switch (auto) {
                case "caseNo" -> assertThat(text).contains(caseNo);
                case "caseTitle" -> assertThat(text).contains("销售不符合食品安全标准的食品案");
                case "partyName" -> assertThat(text).contains("某县好又多超市有限公司");
                case "partyAddress" -> assertThat(text).contains("某县人民路88号");
                case "officerNames" -> assertThat(text).contains("张伟、李娜");
                case "documentDate" -> assertThat(text).contains(TODAY);
                default -> { }
            }
        }
        if (DocumentAuthoring.RULES.get(type).authorNameField() != null) {
            assertThat(text).as("the author's own name").contains(Map.of("zhaomin", "赵敏", "wufang", "吴芳").get(author));
        }
    }

    @Test
    void shouldPutEveryItemOfArticle59IntoThePenaltyDecision() throws Exception {
        // 行政处罚法 第五十九条 (一)–(六)
        Map<String, Object> data = new HashMap<>();
        data.put("facts", "2026年3月5日，当事人在其经营场所销售超过保质期的牛奶12盒");
        data.put("evidence", "现场检查笔录、询问笔录、照片6张");
        data.put("penaltyType", "没收违法所得人民币120元，并处罚款人民币5000元");
        data.put("legalBasis", "《中华人民共和国食品安全法》第三十四条第十项、第一百二十四条第一款");
        data.put("performanceMethod", "自收到本决定书之日起十五日内到指定银行缴纳");
        data.put("performanceDeadline", LocalDate.of(2026, 4, 10));
        data.put("reconsiderationOrgan", "某县人民政府");
        data.put("court", "某县人民法院");

        ready(caseId, DocumentType.PENALTY_DECISION);
        String text = text(documents.content(documents.generate(caseId, DocumentType.PENALTY_DECISION, data, "lina")));

        assertThat(text).contains("当事人：某县好又多超市有限公司", "地址（住所）：某县人民路88号", "91350100M000100Y43",
                "法定代表人（负责人）：赵六");
        assertThat(text).contains("销售超过保质期的牛奶12盒", "现场检查笔录、询问笔录、照片6张");
        assertThat(text).contains("没收违法所得人民币120元，并处罚款人民币5000元", "第一百二十四条第一款");
        assertThat(text).contains("自收到本决定书之日起十五日内到指定银行缴纳", "2026年4月10日");
        assertThat(text).contains("六十日内向某县人民政府申请行政复议", "六个月内依法向某县人民法院提起行政诉讼");
        assertThat(text).contains("某县市场监督管理局（印章）", TODAY, caseNo);
    }

    @Test
    void shouldRefuseADecisionWithMissingContentsAndListThemInChinese() {
        Map<String, Object> data = dataFor(DocumentType.PENALTY_DECISION);
        data.remove("facts");
        data.remove("evidence");
        data.put("court", "  ");
        ready(caseId, DocumentType.PENALTY_DECISION);

        assertThatThrownBy(() -> documents.generate(caseId, DocumentType.PENALTY_DECISION, data, "zhangwei"))
                .isInstanceOfSatisfying(ZhifaException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
                    assertThat(e.code()).isEqualTo("DOCUMENT_FIELDS_MISSING");
                    assertThat(e.getMessage()).isEqualTo("生成《行政处罚决定书》缺少以下内容：违法事实、证据、行政诉讼管辖法院");
                });
        assertThat(documents.latest(caseId, DocumentType.PENALTY_DECISION)).isEmpty();
    }

    @Test
    void shouldRefuseADocumentNeedingACaseNumberForACaseWithoutOne() {
        long unnumbered = register.register(new NewCase(CaseKind.PENALTY, "未编号案", "unit-squad-1",
                List.of(new NewCase.NewParty(PartyKind.INDIVIDUAL, "张三", "11010519491231002X", "某县")),
                List.of(new NewCase.NewOfficer("zhangwei", null), new NewCase.NewOfficer("lina", null))),
                "zhangwei").id();
        ready(unnumbered, DocumentType.DEMAND_NOTICE);

        assertThatThrownBy(() -> documents.generate(unnumbered, DocumentType.DEMAND_NOTICE,
                dataFor(DocumentType.DEMAND_NOTICE), "zhangwei"))
                .isInstanceOfSatisfying(ZhifaException.class, e -> assertThat(e.getMessage()).endsWith("：案件编号"));
    }

    @Test
    void shouldKeepOldVersionsWhenRegenerating() throws Exception {
        Map<String, Object> first = dataFor(DocumentType.HEARING_NOTICE);
        first.put("hearingPlace", "第一听证室");
        Map<String, Object> second = dataFor(DocumentType.HEARING_NOTICE);
        second.put("hearingPlace", "第二听证室");
        ready(caseId, DocumentType.HEARING_NOTICE);

        StoredDocument v1 = documents.generate(caseId, DocumentType.HEARING_NOTICE, first, "zhangwei");
        StoredDocument v2 = documents.generate(caseId, DocumentType.HEARING_NOTICE, second, "zhangwei");

        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.sha256()).isNotEqualTo(v1.sha256());
        assertThat(documents.latest(caseId, DocumentType.HEARING_NOTICE)).contains(v2);
        assertThat(documents.documents(caseId)).containsExactly(v1, v2);
        assertThat(text(documents.content(v1))).contains("第一听证室").doesNotContain("第二听证室");
        assertThat(text(documents.content(v2))).contains("第二听证室");
        List<RecordEntry> generated = record.entries(caseId).stream()
                .filter(e -> e.action().equals("DOCUMENT_GENERATED")).toList();
        assertThat(generated).extracting(RecordEntry::summary)
                .containsExactly("生成《听证通知书》第1版", "生成《听证通知书》第2版");
        assertThat(generated.get(1).data()).contains(v2.sha256());
    }

    @Test
    void shouldListAndServeDocumentsToThoseWhoSeeTheCase() throws Exception {
        ready(caseId, DocumentType.SERVICE_RECEIPT);
        StoredDocument stored = documents.generate(caseId, DocumentType.SERVICE_RECEIPT,
                dataFor(DocumentType.SERVICE_RECEIPT), "zhangwei");

        ResponseEntity<String> list = rest.withBasicAuth("lina", "test-secret")
                .getForEntity("/api/cases/" + caseId + "/documents", String.class);
        JsonNode listed = json.readTree(list.getBody());
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("typeName").asText()).isEqualTo("送达回证");

        ResponseEntity<byte[]> download = rest.withBasicAuth("chengang", "test-secret")
                .getForEntity("/api/cases/" + caseId + "/documents/" + stored.id() + "/content", byte[].class);
        assertThat(download.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(download.getHeaders().getContentDisposition().getFilename()).isEqualTo(stored.fileName());
        assertThat(text(download.getBody())).contains("〈recipient〉");

        assertThat(rest.withBasicAuth("wangqiang", "test-secret")
                .getForEntity("/api/cases/" + caseId + "/documents/" + stored.id() + "/content", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void shouldGenerateOverHttpAndRecordARefusal() throws Exception {
        ready(caseId, DocumentType.PENALTY_NOTICE);
        ResponseEntity<String> refused = rest.withBasicAuth("zhangwei", "test-secret")
                .postForEntity("/api/cases/" + caseId + "/documents",
                        Map.of("type", "PENALTY_NOTICE", "data", Map.of("facts", "事实")), String.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(json.readTree(refused.getBody()).get("detail").asText()).startsWith("生成《行政处罚事先告知书》缺少以下内容：证据");
        assertThat(record.entries(caseId)).extracting(RecordEntry::action).contains("DOCUMENT_REFUSED");

        ResponseEntity<String> created = rest.withBasicAuth("zhangwei", "test-secret")
                .postForEntity("/api/cases/" + caseId + "/documents",
                        Map.of("type", "PENALTY_NOTICE", "data", dataFor(DocumentType.PENALTY_NOTICE)), String.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(json.readTree(created.getBody()).get("version").asInt()).isEqualTo(1);
    }
}
