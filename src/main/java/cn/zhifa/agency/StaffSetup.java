package cn.zhifa.agency;

import cn.zhifa.identity.CertificateStatus;
import cn.zhifa.identity.EnforcementCertificate;
import cn.zhifa.identity.LegalQualification;
import cn.zhifa.identity.OrgChart;
import cn.zhifa.identity.OrgUnit;
import cn.zhifa.identity.StaffDirectory;
import cn.zhifa.identity.StaffMember;
import cn.zhifa.identity.StaffRegistry;
import cn.zhifa.system.ZhifaException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An agency's staff: create members with their roles and unit, add certificates and qualifications, change their
 * status, list who is there and whose certificate runs out soon. Every call names the agency, and a person or
 * certificate of another agency is "not found".
 */
@Service
class StaffSetup {

    private final StaffRegistry registry;
    private final StaffDirectory directory;
    private final OrgChart orgChart;
    private final IdentityService identityService;
    private final AgencySetup agencies;
    private final SetupChecks checks;
    private final InitialPasswords passwords;
    private final Clock clock;

    StaffSetup(StaffRegistry registry, StaffDirectory directory, OrgChart orgChart, IdentityService identityService,
            AgencySetup agencies, SetupChecks checks, InitialPasswords passwords, Clock clock) {
        this.registry = registry;
        this.directory = directory;
        this.orgChart = orgChart;
        this.identityService = identityService;
        this.agencies = agencies;
        this.checks = checks;
        this.passwords = passwords;
        this.clock = clock;
    }

    record StaffResponse(String userId, String name, String familyName, String givenName, String email,
            String unitId, String unitName, List<AgencyRole> roles, List<EnforcementCertificate> certificates,
            List<LegalQualification> qualifications) {
    }

    /** A new member; {@code initialPassword} only when it was generated: shown this once. */
    record CreatedStaff(StaffResponse member, String initialPassword) {
    }

    record ExpiringCertificate(String userId, String name, String certificateNo, String enforcementField,
            LocalDate validTo, long daysLeft) {
    }

    @Transactional(readOnly = true)
    List<StaffResponse> staffOf(String agencyId) {
        agencies.requireAgency(agencyId);
        return registry.staffOf(agencyId).stream().map(userId -> response(agencyId, userId)).toList();
    }

    @Transactional(readOnly = true)
    StaffResponse member(String agencyId, String userId) {
        requireMember(agencyId, userId);
        return response(agencyId, userId);
    }

    @Transactional
    CreatedStaff create(String agencyId, NewStaffRequest request) {
        agencies.requireAgency(agencyId);
        Optional<UnitKind> unitKind = Optional.empty();
        if (request.unitId() != null && !request.unitId().isBlank()) {
            OrgUnit unit = orgChart.unit(request.unitId()).filter(u -> agencyId.equals(u.agencyId()))
                    .orElseThrow(() -> new ZhifaException(HttpStatus.UNPROCESSABLE_ENTITY, "UNIT_NOT_IN_AGENCY",
                            "所属单位不是本机构的单位：" + request.unitId()));
            unitKind = UnitKind.ofKind(unit.kind());
        }
        Refusal.throwIfAny(checks.staff(request, unitKind, Set.of()));
        String generated = request.initialPassword() == null ? passwords.generate() : null;
        store(agencyId, request, generated != null ? generated : request.initialPassword());
        return new CreatedStaff(response(agencyId, request.userId()), generated);
    }

    @Transactional
    StaffResponse addCertificate(String agencyId, String userId, NewCertificateRequest request) {
        requireMember(agencyId, userId);
        Refusal.throwIfAny(checks.certificate(request, Set.of()));
        storeCertificate(userId, request);
        return response(agencyId, userId);
    }

    @Transactional
    StaffResponse setCertificateStatus(String agencyId, String userId, String certificateNo, StatusRequest request) {
        requireMember(agencyId, userId);
        Refusal.throwIfAny(checks.shape(request));
        registry.certificate(certificateNo).filter(c -> c.userId().equals(userId))
                .orElseThrow(() -> new ZhifaException(HttpStatus.NOT_FOUND, "CERTIFICATE_NOT_FOUND",
                        "该人员没有执法证：" + certificateNo));
        registry.setCertificateStatus(certificateNo, request.status());
        return response(agencyId, userId);
    }

    @Transactional
    StaffResponse addQualification(String agencyId, String userId, NewQualificationRequest request) {
        requireMember(agencyId, userId);
        Refusal.throwIfAny(checks.qualification(request, Set.of()));
        storeQualification(userId, request);
        return response(agencyId, userId);
    }

    @Transactional
    StaffResponse setQualificationStatus(String agencyId, String userId, String qualificationNo,
            StatusRequest request) {
        requireMember(agencyId, userId);
        Refusal.throwIfAny(checks.shape(request));
        Refusal.throwIfAny(checks.qualificationStatus(request.status()));
        registry.qualification(qualificationNo).filter(q -> q.userId().equals(userId))
                .orElseThrow(() -> new ZhifaException(HttpStatus.NOT_FOUND, "QUALIFICATION_NOT_FOUND",
                        "该人员没有法律职业资格证书：" + qualificationNo));
        registry.setQualificationStatus(qualificationNo, request.status());
        return response(agencyId, userId);
    }

    /** Valid certificates of the agency's staff whose last day is within {@code days} from today. */
    @Transactional(readOnly = true)
    List<ExpiringCertificate> expiring(String agencyId, int days) {
        agencies.requireAgency(agencyId);
        if (days < 1 || days > 366) {
            throw new ZhifaException(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER", "天数应在1至366之间");
        }
        LocalDate today = LocalDate.now(clock);
        return registry.certificatesExpiring(agencyId, today, today.plusDays(days)).stream()
                .map(c -> new ExpiringCertificate(c.userId(), directory.displayName(c.userId()), c.certificateNo(),
                        c.enforcementField(), c.validTo(), ChronoUnit.DAYS.between(today, c.validTo())))
                .toList();
    }

    /** Stores a member already checked; the import calls it for each row. */
    void store(String agencyId, NewStaffRequest request, String password) {
        String unitId = request.unitId() == null || request.unitId().isBlank() ? null : request.unitId();
        registry.createStaff(new StaffRegistry.NewStaffMember(request.userId(), request.familyName().strip(),
                request.givenName().strip(), blankToNull(request.email()), password, agencyId, unitId,
                request.roles().stream().map(AgencyRole::group).collect(Collectors.toCollection(LinkedHashSet::new))));
    }

    void storeCertificate(String userId, NewCertificateRequest request) {
        registry.addCertificate(new EnforcementCertificate(userId, request.certificateNo().strip(),
                request.issuer().strip(), request.enforcementField().strip(), request.validFrom(),
                request.validTo(), request.statusOrValid()));
    }

    void storeQualification(String userId, NewQualificationRequest request) {
        registry.addQualification(new LegalQualification(userId, request.qualificationNo().strip(),
                request.obtainedOn(), CertificateStatus.VALID));
    }

    private void requireMember(String agencyId, String userId) {
        agencies.requireAgency(agencyId);
        if (!directory.isMember(userId, agencyId)) {
            throw new ZhifaException(HttpStatus.NOT_FOUND, "STAFF_NOT_FOUND", "本机构没有该人员：" + userId);
        }
    }

    private StaffResponse response(String agencyId, String userId) {
        StaffMember member = directory.find(userId).orElseThrow();
        User user = identityService.createUserQuery().userId(userId).singleResult();
        Optional<OrgUnit> unit = orgChart.unitsOfAgency(agencyId).stream()
                .filter(u -> member.groups().contains(u.id())).findFirst();
        List<AgencyRole> roles = member.groups().stream().map(AgencyRole::ofGroup).flatMap(Optional::stream)
                .sorted().toList();
        return new StaffResponse(userId, member.name(), user.getFirstName(), user.getLastName(), user.getEmail(),
                unit.map(OrgUnit::id).orElse(null), unit.map(OrgUnit::name).orElse(null), roles,
                member.certificates(), directory.qualificationsOf(userId));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
