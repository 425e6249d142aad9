package cn.zhifa.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The org chart: agencies and their units in org_unit, each mirrored by a Camunda group of type UNIT with the same id
 * (staff belong to their agency's and their unit's group). Ids are global across agencies, and so is the group
 * namespace they share with the role groups.
 */
@Service
public class OrgChart {

    private static final Logger log = LoggerFactory.getLogger(OrgChart.class);
    private static final String COLUMNS = "id, name, kind, agency_id, credit_code, case_number_prefix";

    private final IdentityService identityService;
    private final RoleSeeder roles;
    private final JdbcClient jdbc;

    OrgChart(IdentityService identityService, RoleSeeder roles, JdbcClient jdbc) {
        this.identityService = identityService;
        this.roles = roles;
        this.jdbc = jdbc;
    }

    public List<OrgUnit> agencies() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM org_unit WHERE kind = 'AGENCY' ORDER BY id").query(OrgChart::row)
                .list();
    }

    public Optional<OrgUnit> unit(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM org_unit WHERE id = ?").param(id).query(OrgChart::row).optional();
    }

    public Optional<OrgUnit> agency(String id) {
        return unit(id).filter(OrgUnit::isAgency);
    }

    /** The agency's units (not the agency itself), in id order. */
    public List<OrgUnit> unitsOfAgency(String agencyId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM org_unit WHERE agency_id = ? ORDER BY id").param(agencyId)
                .query(OrgChart::row).list();
    }

    /** Taken by a unit, an agency or any Camunda group (role groups included). */
    public boolean isIdTaken(String id) {
        return unit(id).isPresent() || identityService.createGroupQuery().groupId(id).count() > 0;
    }

    public boolean isCreditCodeTaken(String creditCode) {
        return jdbc.sql("SELECT COUNT(*) FROM org_unit WHERE credit_code = ?").param(creditCode).query(Long.class)
                .single() > 0;
    }

    @Transactional
    public OrgUnit createAgency(String id, String name, String creditCode, String caseNumberPrefix) {
        return insert(new OrgUnit(id, name, Units.KIND_AGENCY, null, creditCode, caseNumberPrefix));
    }

    @Transactional
    public OrgUnit createUnit(String agencyId, String id, String name, String kind) {
        return insert(new OrgUnit(id, name, kind, agencyId, null, null));
    }

    private OrgUnit insert(OrgUnit unit) {
        StaffDirectory.evict();
        roles.ensureGroup(unit.id(), unit.name(), Units.GROUP_TYPE);
        jdbc.sql("INSERT INTO org_unit (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)")
                .params(unit.id(), unit.name(), unit.kind(), unit.agencyId(), unit.creditCode(),
                        unit.caseNumberPrefix())
                .update();
        log.info("Org unit {} ({}) created in agency {}", unit.id(), unit.kind(),
                unit.isAgency() ? unit.id() : unit.agencyId());
        return unit;
    }

    private static OrgUnit row(ResultSet rs, int i) throws SQLException {
        return new OrgUnit(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6));
    }
}
