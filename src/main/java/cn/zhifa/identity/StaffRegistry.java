package cn.zhifa.identity;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff register of an agency, for its administrators: people in the Camunda identity service (user, password,
 * memberships of the agency's group, a unit's group and role groups), their enforcement certificates and legal
 * qualifications in our tables. It stores what it is given; the checks belong to the caller.
 */
@Service
public class StaffRegistry {

    private static final Logger log = LoggerFactory.getLogger(StaffRegistry.class);

    private final IdentityService identityService;
    private final RoleSeeder roles;
    private final JdbcClient jdbc;

    StaffRegistry(IdentityService identityService, RoleSeeder roles, JdbcClient jdbc) {
        this.identityService = identityService;
        this.roles = roles;
        this.jdbc = jdbc;
    }

    /** A new member of an agency: 姓 and 名 apart (Camunda's first and last name), unit optional. */
    public record NewStaffMember(String userId, String familyName, String givenName, String email, String password,
            String agencyId, String unitId, Set<String> roleGroups) {
    }

    public boolean isUserIdTaken(String userId) {
        return identityService.createUserQuery().userId(userId).count() > 0;
    }

    /** The members of the agency's group, in id order. */
    public List<String> staffOf(String agencyId) {
        return identityService.createUserQuery().memberOfGroup(agencyId).orderByUserId().asc().list().stream()
                .map(User::getId).toList();
    }

    @Transactional
    public void createStaff(NewStaffMember member) {
        StaffDirectory.evict();
        User user = identityService.newUser(member.userId());
        user.setFirstName(member.familyName());
        user.setLastName(member.givenName());
        user.setEmail(member.email());
        user.setPassword(member.password());
        identityService.saveUser(user);
        identityService.createMembership(member.userId(), member.agencyId());
        if (member.unitId() != null) {
            identityService.createMembership(member.userId(), member.unitId());
        }
        member.roleGroups().forEach(role -> identityService.createMembership(member.userId(), role));
        letColleaguesSee(member.agencyId(), member.userId());
        log.info("Staff member {} created in agency {} (unit {}, roles {})", member.userId(), member.agencyId(),
                member.unitId(), member.roleGroups());
    }

    /**
     * Colleagues of the same agency may read the user (Tasklist shows assignees by name); people of other agencies
     * may not, so the read right goes to the agency's group, user by user.
     */
    void letColleaguesSee(String agencyId, String userId) {
        roles.grant(agencyId, Resources.USER, userId, Permissions.READ);
    }

    public Optional<EnforcementCertificate> certificate(String certificateNo) {
        return jdbc.sql("SELECT " + StaffDirectory.CERTIFICATE_COLUMNS
                + " FROM officer_certificate WHERE certificate_no = ?")
                .param(certificateNo).query(StaffDirectory::certificate).optional();
    }

    @Transactional
    public void addCertificate(EnforcementCertificate certificate) {
        StaffDirectory.evict();
        jdbc.sql("""
                INSERT INTO officer_certificate (user_id, certificate_no, issuer, enforcement_field, valid_from,
                    valid_to, status)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(certificate.userId(), certificate.certificateNo(), certificate.issuer(),
                        certificate.enforcementField(), certificate.validFrom(), certificate.validTo(),
                        certificate.status().name())
                .update();
        log.info("Certificate {} of {} added, status {}", certificate.certificateNo(), certificate.userId(),
                certificate.status());
    }

    @Transactional
    public void setCertificateStatus(String certificateNo, CertificateStatus status) {
        StaffDirectory.evict();
        jdbc.sql("UPDATE officer_certificate SET status = ? WHERE certificate_no = ?")
                .params(status.name(), certificateNo).update();
        log.info("Certificate {} now {}", certificateNo, status);
    }

    public Optional<LegalQualification> qualification(String qualificationNo) {
        return jdbc.sql("SELECT " + StaffDirectory.QUALIFICATION_COLUMNS
                + " FROM legal_qualification WHERE qualification_no = ?")
                .param(qualificationNo).query(StaffDirectory::qualification).optional();
    }

    @Transactional
    public void addQualification(LegalQualification qualification) {
        StaffDirectory.evict();
        jdbc.sql("INSERT INTO legal_qualification (user_id, qualification_no, obtained_on, status) VALUES (?, ?, ?, ?)")
                .params(qualification.userId(), qualification.qualificationNo(), qualification.obtainedOn(),
                        qualification.status().name())
                .update();
        log.info("Legal qualification {} of {} added", qualification.qualificationNo(), qualification.userId());
    }

    @Transactional
    public void setQualificationStatus(String qualificationNo, CertificateStatus status) {
        StaffDirectory.evict();
        jdbc.sql("UPDATE legal_qualification SET status = ? WHERE qualification_no = ?")
                .params(status.name(), qualificationNo).update();
        log.info("Legal qualification {} now {}", qualificationNo, status);
    }

    /** Valid certificates of the agency's staff whose last day falls between the two days, soonest first. */
    public List<EnforcementCertificate> certificatesExpiring(String agencyId, LocalDate from, LocalDate to) {
        List<String> staff = staffOf(agencyId);
        if (staff.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + StaffDirectory.CERTIFICATE_COLUMNS + """
                 FROM officer_certificate
                WHERE user_id IN (:staff) AND status = 'VALID' AND valid_to BETWEEN :from AND :to
                ORDER BY valid_to, user_id""")
                .param("staff", staff).param("from", from).param("to", to)
                .query(StaffDirectory::certificate).list();
    }
}
