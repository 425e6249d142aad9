package cn.zhifa.agency;

import cn.zhifa.identity.CertificateStatus;
import cn.zhifa.identity.OrgChart;
import cn.zhifa.identity.OrgUnit;
import cn.zhifa.system.ZhifaException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports an agency's staff from a filled template, all or nothing: every row is checked by the same rules as the
 * page ({@link SetupChecks}) against what is stored and what earlier rows claim; one bad row refuses the file with
 * every error by row, and nothing is stored. New units named in the file are created with the staff.
 */
@Service
class StaffImport {

    private static final Logger log = LoggerFactory.getLogger(StaffImport.class);
    private static final List<DateTimeFormatter> DATES = List.of("uuuu-M-d", "uuuu/M/d", "uuuu.M.d", "uuuu年M月d日")
            .stream().map(p -> DateTimeFormatter.ofPattern(p).withResolverStyle(ResolverStyle.STRICT)).toList();

    private final StaffSheetReader reader;
    private final AgencySetup agencies;
    private final StaffSetup staff;
    private final OrgChart orgChart;
    private final SetupChecks checks;
    private final InitialPasswords passwords;

    StaffImport(StaffSheetReader reader, AgencySetup agencies, StaffSetup staff, OrgChart orgChart,
            SetupChecks checks, InitialPasswords passwords) {
        this.reader = reader;
        this.agencies = agencies;
        this.staff = staff;
        this.orgChart = orgChart;
        this.checks = checks;
        this.passwords = passwords;
    }

    /** {@code initialPassword}: only where the administrator generated none (then it is shown this once). */
    record ImportedMember(String userId, String name, String unitName, String initialPassword) {
    }

    record ImportResult(List<AgencySetup.UnitResponse> unitsCreated, List<ImportedMember> staffCreated,
            int certificates, int qualifications) {
    }

    private record PlannedRow(NewStaffRequest member, String unitName, NewCertificateRequest certificate,
            NewQualificationRequest qualification) {
    }

    /** What the file adds, as checked so far: new units by name (with their kind) and the ids rows claim. */
    private static final class Plan {
        final Map<String, OrgUnit> existingUnits;
        final Map<String, UnitKind> newUnits = new LinkedHashMap<>();
        final Set<String> userIds = new HashSet<>();
        final Set<String> certificateNos = new HashSet<>();
        final Set<String> qualificationNos = new HashSet<>();
        final List<PlannedRow> rows = new ArrayList<>();

        Plan(List<OrgUnit> units) {
            existingUnits = units.stream().collect(Collectors.toMap(OrgUnit::name, Function.identity()));
        }
    }

    @Transactional
    ImportResult importFile(String agencyId, byte[] content, String initialPassword) {
        agencies.requireAgency(agencyId);
        if (initialPassword != null && (initialPassword.length() < 8 || initialPassword.length() > 64)) {
            throw new ZhifaException(HttpStatus.BAD_REQUEST, Refusal.INPUT_INVALID, "初始密码应为8至64个字符");
        }
        StaffSheetReader.StaffSheet sheet = reader.read(content);
        if (sheet.rows().isEmpty()) {
            throw ImportRefusedException.ofFile("IMPORT_EMPTY", "文件中没有人员，请在标题行下逐行填写");
        }
        Plan plan = new Plan(orgChart.unitsOfAgency(agencyId));
        List<ImportRefusedException.ImportError> errors = new ArrayList<>();
        for (StaffSheetReader.SheetRow row : sheet.rows()) {
            List<String> problems = new ArrayList<>();
            plan(agencyId, row, plan, problems);
            problems.forEach(p -> errors.add(new ImportRefusedException.ImportError(sheet.sheet(), row.number(), p)));
        }
        if (!errors.isEmpty()) {
            throw new ImportRefusedException("IMPORT_INVALID", errors);
        }
        return apply(agencyId, plan, initialPassword);
    }

    private void plan(String agencyId, StaffSheetReader.SheetRow row, Plan plan, List<String> problems) {
        String unitName = row.get(ImportColumn.UNIT);
        Optional<UnitKind> unitKind = unitKind(agencyId, unitName, row.get(ImportColumn.UNIT_KIND), plan, problems);
        Set<String> unreadable = new HashSet<>();
        NewStaffRequest member = new NewStaffRequest(row.get(ImportColumn.USER_ID), row.get(ImportColumn.FAMILY_NAME),
                row.get(ImportColumn.GIVEN_NAME), row.get(ImportColumn.EMAIL), null, roles(row, unreadable, problems),
                null);
        messages(checks.staff(member, unitKind, plan.userIds), unreadable, problems);
        if (member.userId() != null) {
            plan.userIds.add(member.userId());
        }
        NewCertificateRequest certificate = null;
        if (anyOf(row, ImportColumn.CERTIFICATE_NO, ImportColumn.ENFORCEMENT_FIELD, ImportColumn.ISSUER,
                ImportColumn.VALID_FROM, ImportColumn.VALID_TO, ImportColumn.CERTIFICATE_STATUS)) {
            certificate = new NewCertificateRequest(row.get(ImportColumn.CERTIFICATE_NO),
                    row.get(ImportColumn.ENFORCEMENT_FIELD), row.get(ImportColumn.ISSUER),
                    date(row, ImportColumn.VALID_FROM, "validFrom", unreadable, problems),
                    date(row, ImportColumn.VALID_TO, "validTo", unreadable, problems),
                    status(row.get(ImportColumn.CERTIFICATE_STATUS), problems));
            messages(checks.certificate(certificate, plan.certificateNos), unreadable, problems);
            plan.certificateNos.add(certificate.certificateNo());
        }
        NewQualificationRequest qualification = null;
        if (anyOf(row, ImportColumn.QUALIFICATION_NO, ImportColumn.OBTAINED_ON)) {
            qualification = new NewQualificationRequest(row.get(ImportColumn.QUALIFICATION_NO),
                    date(row, ImportColumn.OBTAINED_ON, "obtainedOn", unreadable, problems));
            messages(checks.qualification(qualification, plan.qualificationNos), unreadable, problems);
            plan.qualificationNos.add(qualification.qualificationNo());
        }
        plan.rows.add(new PlannedRow(member, unitName, certificate, qualification));
    }

    /** The kind of the row's unit: an existing unit's, a unit an earlier row plans, or a new one's as written. */
    private Optional<UnitKind> unitKind(String agencyId, String unitName, String kindLabel, Plan plan,
            List<String> problems) {
        Optional<UnitKind> written = Optional.ofNullable(kindLabel).flatMap(UnitKind::ofLabel);
        if (kindLabel != null && written.isEmpty()) {
            problems.add("单位类型“" + kindLabel + "”不正确，应为承办机构、法制机构或局领导");
        }
        if (unitName == null) {
            if (kindLabel != null) {
                problems.add("填写了单位类型，但未填写所属单位");
            }
            return Optional.empty();
        }
        Optional<UnitKind> known = Optional.ofNullable(plan.existingUnits.get(unitName))
                .flatMap(u -> UnitKind.ofKind(u.kind())).or(() -> Optional.ofNullable(plan.newUnits.get(unitName)));
        if (known.isPresent()) {
            if (written.isPresent() && !written.equals(known)) {
                problems.add("单位“" + unitName + "”的类型为" + known.get().label() + "，与本行填写的"
                        + written.get().label() + "不一致");
            }
            return known;
        }
        if (written.isEmpty()) {
            if (kindLabel == null) {
                problems.add("新单位“" + unitName + "”须填写单位类型（承办机构、法制机构或局领导）");
            }
            return Optional.empty();
        }
        messages(checks.unit(agencyId, new NewUnitRequest(unitName, written.get()), Set.of()), Set.of(), problems);
        plan.newUnits.put(unitName, written.get());
        return written;
    }

    private static Set<AgencyRole> roles(StaffSheetReader.SheetRow row, Set<String> unreadable,
            List<String> problems) {
        Set<AgencyRole> roles = EnumSet.noneOf(AgencyRole.class);
        String cell = row.get(ImportColumn.ROLES);
        if (cell == null) {
            return roles;
        }
        for (String label : cell.split("[、,，;；/\\s]+")) {
            if (!label.isEmpty()) {
                AgencyRole.ofLabel(label).ifPresentOrElse(roles::add, () -> {
                    problems.add("角色“" + label + "”不存在，可填：执法人员、法制审核人员、机关负责人、听证主持人、机构管理员");
                    unreadable.add("roles");
                });
            }
        }
        return roles;
    }

    /** The column's date; one written wrongly is reported here and its field put in {@code unreadable}. */
    private static LocalDate date(StaffSheetReader.SheetRow row, ImportColumn column, String field,
            Set<String> unreadable, List<String> problems) {
        String text = row.get(column);
        if (text == null) {
            return null;
        }
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(text, format);
            } catch (DateTimeParseException e) {
                // try the next way of writing a date
            }
        }
        problems.add(column.header() + "“" + text + "”不是有效日期，应写作如 2024-01-31");
        unreadable.add(field);
        return null;
    }

    private static CertificateStatus status(String label, List<String> problems) {
        if (label == null) {
            return CertificateStatus.VALID;
        }
        return switch (label) {
            case "有效" -> CertificateStatus.VALID;
            case "暂扣" -> CertificateStatus.SUSPENDED;
            case "注销", "吊销" -> CertificateStatus.REVOKED;
            default -> {
                problems.add("证件状态“" + label + "”不正确，应为有效、暂扣、注销或吊销");
                yield CertificateStatus.VALID;
            }
        };
    }

    private static boolean anyOf(StaffSheetReader.SheetRow row, ImportColumn... columns) {
        for (ImportColumn column : columns) {
            if (row.get(column) != null) {
                return true;
            }
        }
        return false;
    }

    /** The refusals' messages, but none about a field already reported as unreadable (it is not missing). */
    private static void messages(List<Refusal> refusals, Set<String> unreadable, List<String> problems) {
        refusals.stream().filter(r -> r.field() == null || !unreadable.contains(r.field())).map(Refusal::message)
                .forEach(problems::add);
    }

    private ImportResult apply(String agencyId, Plan plan, String initialPassword) {
        Map<String, String> unitIds = new LinkedHashMap<>();
        plan.existingUnits.forEach((name, unit) -> unitIds.put(name, unit.id()));
        List<AgencySetup.UnitResponse> unitsCreated = new ArrayList<>();
        plan.newUnits.forEach((name, kind) -> {
            OrgUnit unit = orgChart.createUnit(agencyId, agencies.nextUnitId(agencyId, kind, Set.of()), name,
                    kind.kind());
            unitIds.put(name, unit.id());
            unitsCreated.add(AgencySetup.UnitResponse.of(unit));
        });
        List<ImportedMember> created = new ArrayList<>();
        int certificates = 0;
        int qualifications = 0;
        for (PlannedRow row : plan.rows) {
            String generated = initialPassword == null ? passwords.generate() : null;
            NewStaffRequest member = row.member().inUnit(row.unitName() == null ? null : unitIds.get(row.unitName()));
            staff.store(agencyId, member, generated != null ? generated : initialPassword);
            if (row.certificate() != null) {
                staff.storeCertificate(member.userId(), row.certificate());
                certificates++;
            }
            if (row.qualification() != null) {
                staff.storeQualification(member.userId(), row.qualification());
                qualifications++;
            }
            created.add(new ImportedMember(member.userId(), member.familyName() + member.givenName(),
                    row.unitName(), generated));
        }
        log.info("Staff import into agency {}: {} units, {} people, {} certificates, {} qualifications", agencyId,
                unitsCreated.size(), created.size(), certificates, qualifications);
        return new ImportResult(unitsCreated, created, certificates, qualifications);
    }
}
