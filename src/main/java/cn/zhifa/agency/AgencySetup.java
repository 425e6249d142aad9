package cn.zhifa.agency;

import cn.zhifa.identity.OrgChart;
import cn.zhifa.identity.OrgUnit;
import cn.zhifa.identity.Roles;
import cn.zhifa.identity.StaffDirectory;
import cn.zhifa.system.ZhifaException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Agencies and their units: create them, read them, give a new unit an id no agency uses. */
@Service
class AgencySetup {

    private final OrgChart orgChart;
    private final StaffDirectory staff;
    private final SetupChecks checks;

    AgencySetup(OrgChart orgChart, StaffDirectory staff, SetupChecks checks) {
        this.orgChart = orgChart;
        this.staff = staff;
        this.checks = checks;
    }

    record AgencyResponse(String id, String name, String creditCode, String caseNumberPrefix,
            List<UnitResponse> units) {
    }

    record UnitResponse(String id, String name, UnitKind kind, String kindLabel) {

        static UnitResponse of(OrgUnit unit) {
            UnitKind kind = UnitKind.ofKind(unit.kind()).orElseThrow();
            return new UnitResponse(unit.id(), unit.name(), kind, kind.label());
        }
    }

    /** The agencies the caller administers: every one for the platform administrator, else his own. */
    @Transactional(readOnly = true)
    List<AgencyResponse> agenciesOf(String caller) {
        List<OrgUnit> agencies = staff.isMember(caller, Roles.ADMIN) ? orgChart.agencies()
                : staff.agencyOf(caller).flatMap(orgChart::agency).stream().toList();
        return agencies.stream().map(this::response).toList();
    }

    @Transactional(readOnly = true)
    AgencyResponse agency(String agencyId) {
        return response(requireAgency(agencyId));
    }

    @Transactional
    AgencyResponse create(NewAgencyRequest request) {
        Refusal.throwIfAny(checks.agency(request));
        OrgUnit agency = orgChart.createAgency(request.id(), request.name().strip(),
                request.creditCode().toUpperCase(Locale.ROOT), request.caseNumberPrefix().strip());
        return response(agency);
    }

    @Transactional
    UnitResponse createUnit(String agencyId, NewUnitRequest request) {
        requireAgency(agencyId);
        Refusal.throwIfAny(checks.unit(agencyId, request, Set.of()));
        return UnitResponse.of(orgChart.createUnit(agencyId, nextUnitId(agencyId, request.kind(), Set.of()),
                request.name().strip(), request.kind().kind()));
    }

    /**
     * A unit id no agency, unit or group uses: the agency's id, the kind and a number, e.g. {@code xscj-handling-2}.
     * {@code claimed}: ids handed out for the same request and not stored yet.
     */
    String nextUnitId(String agencyId, UnitKind kind, Set<String> claimed) {
        for (int n = 1; ; n++) {
            String id = agencyId + "-" + kind.name().toLowerCase(Locale.ROOT) + "-" + n;
            if (!claimed.contains(id) && !orgChart.isIdTaken(id)) {
                return id;
            }
        }
    }

    OrgUnit requireAgency(String agencyId) {
        return orgChart.agency(agencyId).orElseThrow(() -> new ZhifaException(HttpStatus.NOT_FOUND,
                "AGENCY_NOT_FOUND", "执法机关不存在：" + agencyId));
    }

    private AgencyResponse response(OrgUnit agency) {
        return new AgencyResponse(agency.id(), agency.name(), agency.creditCode(), agency.caseNumberPrefix(),
                orgChart.unitsOfAgency(agency.id()).stream().map(UnitResponse::of).toList());
    }
}
