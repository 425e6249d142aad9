package cn.zhifa.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.casefile.Party;
import cn.zhifa.casefile.PartyKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each kind of personal data of an individual is removed; an organisation's public data stays. */
class RedactionTest {

    static final Party ZHANG = new Party(1, PartyKind.INDIVIDUAL, "张三", "11010519491231002X", "某县幸福路8号", null,
            "13812345678");
    static final Party SHOP = new Party(2, PartyKind.ORGANISATION, "某县某某商贸有限公司", "91330100MA2H2X3Y4K",
            "某县工业园1号", "李四", null);

    String redact(String text, List<String> exempt) {
        return new Redaction(List.of(ZHANG, SHOP), exempt).apply(text);
    }

    @Test
    void shouldReduceTheNameOfAnIndividual() {
        assertThat(redact("当事人张三销售不合格电线", List.of())).isEqualTo("当事人张某某销售不合格电线");
        assertThat(Redaction.reducedName("欧阳娜娜")).isEqualTo("欧阳某某");
    }

    @Test
    void shouldRemoveIdentityNumbersButKeepCreditCodes() {
        assertThat(redact("身份证号码11010519491231002X，统一社会信用代码91330100MA2H2X3Y4K", List.of()))
                .isEqualTo("身份证号码" + Redaction.ID_REMOVED + "，统一社会信用代码91330100MA2H2X3Y4K");
    }

    @Test
    void shouldRemoveTelephoneNumbers() {
        assertThat(redact("联系电话13812345678，座机0571-87654321", List.of()))
                .isEqualTo("联系电话" + Redaction.PHONE_REMOVED + "，座机" + Redaction.PHONE_REMOVED);
    }

    @Test
    void shouldRemoveHomeAddresses() {
        assertThat(redact("住所地某县幸福路8号；另住址：某市某区某街道9号", List.of()))
                .isEqualTo("住所地" + Redaction.ADDRESS_REMOVED + "；另住址：" + Redaction.ADDRESS_REMOVED);
    }

    @Test
    void shouldRemoveBankAccounts() {
        assertThat(redact("违法所得汇入账户6222 0212 3456 7890 123，罚款200000元", List.of()))
                .isEqualTo("违法所得汇入账户" + Redaction.ACCOUNT_REMOVED + "，罚款200000元");
    }

    @Test
    void shouldRemoveExemptTermsAndListEveryChange() {
        Redaction redaction = new Redaction(List.of(ZHANG), List.of("配方A-17"));
        assertThat(redaction.apply("张三泄露配方A-17")).isEqualTo("张某某泄露" + Redaction.EXEMPT_REMOVED);
        assertThat(redaction.changes()).extracting(Redaction.Change::kind).containsExactly("依法隐去的内容", "姓名");
    }
}
