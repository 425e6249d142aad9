/**
 * Setting up an agency from nothing (机构设置): the platform administrator creates an agency (name, 统一社会信用代码,
 * case-number prefix); he or the agency's own administrator (agency-admin) then creates its units, its staff with
 * their roles, officers' enforcement certificates and reviewers' legal qualifications, one by one under
 * {@code /api/admin/agencies/{agencyId}} or in bulk from a spreadsheet (XLSX or CSV, all or nothing), and sees the
 * certificates that expire within 30 days. The page {@code /setup/} is a client of the same API.
 *
 * <p>Identities stay in the Camunda identity service and the org chart in identity's tables; this module writes
 * both through {@link cn.zhifa.identity.OrgChart} and {@link cn.zhifa.identity.StaffRegistry}. Who may administer
 * which agency is a Spring Security rule of the identity module. It reuses the case register's check of the
 * 统一社会信用代码 and exposes no Java API.
 */
@ApplicationModule(allowedDependencies = {"identity", "casefile", "system"})
package cn.zhifa.agency;

import org.springframework.modulith.ApplicationModule;
