/**
 * Who people are and what they may do: role and unit groups in the Camunda identity service, officers' enforcement
 * certificates and reviewers' legal qualifications in our own tables ({@link cn.zhifa.identity.StaffDirectory}),
 * the seeding of roles, rights and Tasklist filters (and, in the demo profile, the demo agency), and authentication
 * of /api and /engine-rest against the same identities.
 */
package cn.zhifa.identity;
