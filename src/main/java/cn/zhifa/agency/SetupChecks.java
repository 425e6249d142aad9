package cn.zhifa.agency;

import cn.zhifa.casefile.UnifiedSocialCreditCode;
import cn.zhifa.identity.CertificateStatus;
import cn.zhifa.identity.OrgChart;
import cn.zhifa.identity.StaffRegistry;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The rules every setup step meets, whether it comes from the page or from one row of an import: the shape of the
 * input (Bean Validation, Chinese messages), ids and numbers not taken (here or earlier in the same file), a role's
 * holder in the right kind of unit. Nothing here writes.
 */
@Component
class SetupChecks {

    private final Validator validator;
    private final OrgChart orgChart;
    private final StaffRegistry registry;
    private final Clock clock;

    SetupChecks(Validator validator, OrgChart orgChart, StaffRegistry registry, Clock clock) {
        this.validator = validator;
        this.orgChart = orgChart;
        this.registry = registry;
        this.clock = clock;
    }

    List<Refusal> agency(NewAgencyRequest request) {
        List<Refusal> refusals = shape(request);
        if (!refusals.isEmpty()) {
            return refusals;
        }
        if (!UnifiedSocialCreditCode.isValid(request.creditCode())) {
            refusals.add(new Refusal(HttpStatus.BAD_REQUEST, "AGENCY_CREDIT_CODE_INVALID",
                    "统一社会信用代码“" + request.creditCode() + "”不正确（应为18位，校验位须正确）"));
        } else if (orgChart.isCreditCodeTaken(request.creditCode().toUpperCase())) {
            refusals.add(Refusal.conflict("AGENCY_CREDIT_CODE_TAKEN",
                    "统一社会信用代码“" + request.creditCode() + "”已登记为其他机构"));
        }
        if (orgChart.isIdTaken(request.id())) {
            refusals.add(Refusal.conflict("AGENCY_ID_TAKEN", "机构编码“" + request.id() + "”已被使用，请换一个"));
        }
        return refusals;
    }

    /** {@code plannedNames}: unit names already planned for the agency in the same request. */
    List<Refusal> unit(String agencyId, NewUnitRequest request, Set<String> plannedNames) {
        List<Refusal> refusals = shape(request);
        if (refusals.isEmpty() && (plannedNames.contains(request.name().strip())
                || orgChart.unitsOfAgency(agencyId).stream().anyMatch(u -> u.name().equals(request.name().strip())))) {
            refusals.add(Refusal.conflict("UNIT_NAME_TAKEN", "本机构已有名为“" + request.name().strip() + "”的单位"));
        }
        return refusals;
    }

    /** {@code unitKind}: the kind of unit the member joins, empty if none; {@code claimed}: ids of the same file. */
    List<Refusal> staff(NewStaffRequest request, Optional<UnitKind> unitKind, Set<String> claimed) {
        List<Refusal> refusals = shape(request);
        if (!refusals.isEmpty()) {
            return refusals;
        }
        if (claimed.contains(request.userId()) || registry.isUserIdTaken(request.userId())) {
            refusals.add(Refusal.conflict("USER_ID_TAKEN", "用户名“" + request.userId() + "”已被使用"));
        }
        for (AgencyRole role : AgencyRole.values()) {
            Optional<UnitKind> needed = role.unitKind();
            if (request.roles().contains(role) && needed.isPresent() && !needed.equals(unitKind)) {
                refusals.add(Refusal.unprocessable("ROLE_UNIT_MISMATCH",
                        role.label() + "须属于" + needed.get().label() + "，请选择该类单位"));
            }
        }
        return refusals;
    }

    List<Refusal> certificate(NewCertificateRequest request, Set<String> claimed) {
        List<Refusal> refusals = shape(request);
        if (!refusals.isEmpty()) {
            return refusals;
        }
        if (request.validTo().isBefore(request.validFrom())) {
            refusals.add(new Refusal(HttpStatus.BAD_REQUEST, "CERTIFICATE_DATES_INVALID",
                    "执法证有效期截止日不得早于起始日"));
        }
        if (claimed.contains(request.certificateNo()) || registry.certificate(request.certificateNo()).isPresent()) {
            refusals.add(Refusal.conflict("CERTIFICATE_NO_TAKEN", "执法证号“" + request.certificateNo() + "”已登记"));
        }
        return refusals;
    }

    List<Refusal> qualification(NewQualificationRequest request, Set<String> claimed) {
        List<Refusal> refusals = shape(request);
        if (!refusals.isEmpty()) {
            return refusals;
        }
        if (request.obtainedOn().isAfter(LocalDate.now(clock))) {
            refusals.add(new Refusal(HttpStatus.BAD_REQUEST, "QUALIFICATION_DATE_INVALID",
                    "法律职业资格取得日期不得晚于今天"));
        }
        if (claimed.contains(request.qualificationNo())
                || registry.qualification(request.qualificationNo()).isPresent()) {
            refusals.add(Refusal.conflict("QUALIFICATION_NO_TAKEN",
                    "法律职业资格证书编号“" + request.qualificationNo() + "”已登记"));
        }
        return refusals;
    }

    List<Refusal> qualificationStatus(CertificateStatus status) {
        return status == CertificateStatus.SUSPENDED
                ? List.of(Refusal.invalid("法律职业资格没有暂扣状态，只能为有效或注销（吊销）", "status"))
                : List.of();
    }

    /** Bean Validation of a request, its messages in the order of the record's components. */
    List<Refusal> shape(Record request) {
        if (request == null) {
            return new ArrayList<>(List.of(Refusal.invalid("请求内容为空", null)));
        }
        List<String> order = Arrays.stream(request.getClass().getRecordComponents()).map(RecordComponent::getName)
                .toList();
        return new ArrayList<>(validator.validate(request).stream()
                .sorted(Comparator.comparing((ConstraintViolation<Record> v) -> order.indexOf(field(v)))
                        .thenComparing(ConstraintViolation::getMessage))
                .map(v -> Refusal.invalid(v.getMessage(), field(v))).toList());
    }

    /** The record component a violation is about (the first node of its path; a set's element is in the set). */
    private static String field(ConstraintViolation<?> violation) {
        return violation.getPropertyPath().iterator().next().getName();
    }
}
