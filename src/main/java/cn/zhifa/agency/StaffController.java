package cn.zhifa.agency;

import jakarta.validation.constraints.Size;
import jakarta.validation.Valid;
import cn.zhifa.system.WellFormedText;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** An agency's staff, certificates and qualifications over HTTP, and the certificates that expire soon. */
@RestController
@RequestMapping("/api/admin/agencies/{agencyId}")
class StaffController {

    private final StaffSetup staff;

    StaffController(StaffSetup staff) {
        this.staff = staff;
    }

    @GetMapping("/staff")
    List<StaffSetup.StaffResponse> staff(@PathVariable @Size(max = 64) @WellFormedText String agencyId) {
        return staff.staffOf(agencyId);
    }

    @PostMapping("/staff")
    @ResponseStatus(HttpStatus.CREATED)
    StaffSetup.CreatedStaff create(@PathVariable @Size(max = 64) @WellFormedText String agencyId, @Valid @RequestBody NewStaffRequest request) {
        return staff.create(agencyId, request);
    }

    @GetMapping("/staff/{userId}")
    StaffSetup.StaffResponse member(@PathVariable @Size(max = 64) @WellFormedText String agencyId, @PathVariable @Size(max = 64) @WellFormedText String userId) {
        return staff.member(agencyId, userId);
    }

    @PostMapping("/staff/{userId}/certificates")
    @ResponseStatus(HttpStatus.CREATED)
    StaffSetup.StaffResponse addCertificate(@PathVariable @Size(max = 64) @WellFormedText String agencyId, @PathVariable @Size(max = 64) @WellFormedText String userId,
            @Valid @RequestBody NewCertificateRequest request) {
        return staff.addCertificate(agencyId, userId, request);
    }

    @PutMapping("/staff/{userId}/certificates/{certificateNo}/status")
    StaffSetup.StaffResponse certificateStatus(@PathVariable @Size(max = 64) @WellFormedText String agencyId, @PathVariable @Size(max = 64) @WellFormedText String userId,
            @PathVariable @Size(max = 64) @WellFormedText String certificateNo, @Valid @RequestBody StatusRequest request) {
        return staff.setCertificateStatus(agencyId, userId, certificateNo, request);
    }

    @PostMapping("/staff/{userId}/qualifications")
    @ResponseStatus(HttpStatus.CREATED)
    StaffSetup.StaffResponse addQualification(@PathVariable @Size(max = 64) @WellFormedText String agencyId, @PathVariable @Size(max = 64) @WellFormedText String userId,
            @Valid @RequestBody NewQualificationRequest request) {
        return staff.addQualification(agencyId, userId, request);
    }

    @PutMapping("/staff/{userId}/qualifications/{qualificationNo}/status")
    StaffSetup.StaffResponse qualificationStatus(@PathVariable @Size(max = 64) @WellFormedText String agencyId, @PathVariable @Size(max = 64) @WellFormedText String userId,
            @PathVariable @Size(max = 64) @WellFormedText String qualificationNo, @Valid @RequestBody StatusRequest request) {
        return staff.setQualificationStatus(agencyId, userId, qualificationNo, request);
    }

    @GetMapping("/certificates/expiring")
    List<StaffSetup.ExpiringCertificate> expiring(@PathVariable @Size(max = 64) @WellFormedText String agencyId,
            @RequestParam(defaultValue = "30") int days) {
        return staff.expiring(agencyId, days);
    }
}
