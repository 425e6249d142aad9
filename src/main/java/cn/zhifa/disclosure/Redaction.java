package cn.zhifa.disclosure;

import cn.zhifa.casefile.Party;
import cn.zhifa.casefile.PartyKind;
import cn.zhifa.casefile.ResidentIdentityNumber;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes the personal data of individuals from what is published (seed 003: 涉及个人隐私的…应作适当处理后公开; the
 * SAMR rules publish an individual only by a reduced name): the registered individuals' names become surname + 某某
 * (张三 → 张某某), their addresses, identity numbers, telephone numbers and bank accounts disappear, and so does any
 * other valid identity number, telephone number, bank account or address written after 住址/居住地. An organisation
 * keeps its name, 住所 and 统一社会信用代码 (public by law). Each change is listed so that the reviewer sees what was
 * removed before anything is published.
 */
final class Redaction {

    static final String ID_REMOVED = "（身份证号码已隐去）";
    static final String PHONE_REMOVED = "（电话号码已隐去）";
    static final String ADDRESS_REMOVED = "（住址已隐去）";
    static final String ACCOUNT_REMOVED = "（银行账号已隐去）";
    static final String EXEMPT_REMOVED = "（依法隐去）";

    /** What was removed: the kind in Chinese, the original, its replacement. */
    record Change(String kind, String original, String replacement) {

        String describe() {
            return kind + "：" + original + " → " + replacement;
        }
    }

    private static final List<String> COMPOUND_SURNAMES = List.of("欧阳", "司马", "上官", "诸葛", "东方", "皇甫",
            "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯", "轩辕", "令狐", "端木", "独孤", "南宫", "西门", "申屠");
    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9A-Za-z])\\d{17}[0-9Xx](?![0-9A-Za-z])");
    private static final Pattern OLD_ID_NUMBER = Pattern.compile("(?<![0-9A-Za-z])\\d{15}(?![0-9A-Za-z])");
    private static final Pattern MOBILE = Pattern.compile("(?<![0-9])(?:\\+?86[- ]?)?1[3-9]\\d(?:[- ]?\\d{4}){2}(?![0-9])");
    private static final Pattern LANDLINE = Pattern.compile("(?<![0-9])0\\d{2,3}[- ]?\\d{7,8}(?![0-9])");
    private static final Pattern ACCOUNT = Pattern.compile("(?<![0-9A-Za-z])\\d(?:[ -]?\\d){11,18}(?![0-9A-Za-z])");
    private static final Pattern ADDRESS = Pattern.compile("(?<!（)((?:家庭)?(?:住址|居住地|现住)[:：]?)([^，。；;,\\n（(]+)");

    private final List<Party> parties;
    private final List<String> exemptTerms;
    private final Set<Change> changes = new LinkedHashSet<>();

    Redaction(List<Party> parties, List<String> exemptTerms) {
        this.parties = parties;
        this.exemptTerms = exemptTerms.stream().map(String::strip).filter(term -> !term.isEmpty())
                .sorted(Comparator.comparing(String::length).reversed()).toList();
    }

    /** The text as the public may read it; null stays null. */
    String apply(String text) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (String term : exemptTerms) {
            result = replaceLiteral(result, term, EXEMPT_REMOVED, "依法隐去的内容");
        }
        for (Party party : parties) {
            if (party.kind() != PartyKind.INDIVIDUAL) {
                continue;
            }
            if (party.address() != null && !party.address().isBlank()) {
                result = replaceLiteral(result, party.address().strip(), ADDRESS_REMOVED, "住址");
            }
            if (party.name() != null && party.name().strip().length() > 1) {
                result = replaceLiteral(result, party.name().strip(), reducedName(party.name()), "姓名");
            }
        }
        // an 18-character number that is no valid resident identity number (e.g. a credit code) stays
        result = replaceMatches(result, ID_NUMBER, ID_REMOVED, "身份证号码",
                found -> ResidentIdentityNumber.isValid(found.toUpperCase()));
        result = replaceMatches(result, OLD_ID_NUMBER, ID_REMOVED, "身份证号码", found -> true);
        result = replaceMatches(result, MOBILE, PHONE_REMOVED, "电话号码", found -> true);
        result = replaceMatches(result, LANDLINE, PHONE_REMOVED, "电话号码", found -> true);
        // bank card and account numbers: 12 to 19 digits, written in groups or not
        result = replaceMatches(result, ACCOUNT, ACCOUNT_REMOVED, "银行账号", found -> true);
        result = replaceAddresses(result);
        return result;
    }

    /** 张三 → 张某某, 欧阳娜娜 → 欧阳某某. */
    static String reducedName(String name) {
        String stripped = name.strip();
        String surname = COMPOUND_SURNAMES.stream().filter(stripped::startsWith).findFirst()
                .orElse(stripped.substring(0, 1));
        return surname + "某某";
    }

    List<Change> changes() {
        return new ArrayList<>(changes);
    }

    private String replaceLiteral(String text, String original, String replacement, String kind) {
        if (!text.contains(original)) {
            return text;
        }
        changes.add(new Change(kind, original, replacement));
        return text.replace(original, replacement);
    }

    private String replaceMatches(String text, Pattern pattern, String replacement, String kind,
            Predicate<String> personal) {
        Matcher matcher = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String found = matcher.group();
            boolean remove = personal.test(found);
            if (remove) {
                changes.add(new Change(kind, found, replacement));
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(remove ? replacement : found));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private String replaceAddresses(String text) {
        Matcher matcher = ADDRESS.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String address = matcher.group(2).strip();
            boolean already = address.isEmpty() || address.startsWith("（");
            if (!already) {
                changes.add(new Change("住址", address, ADDRESS_REMOVED));
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(already ? matcher.group()
                    : matcher.group(1) + ADDRESS_REMOVED));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
