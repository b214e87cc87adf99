/**
 * Casework for people who left the group: departure and the notifications to the authorities with their
 * deadlines, the case with its services, work and income, follow-ups and notes, closure and reopening, and the
 * person's consent or a supervisor's vital-interest decision, which gates every disclosure about them (S15).
 * RESTRICTED fields are sealed per case; only the caseworker of record and the team's supervisors open them;
 * caseworkers see their own and their team's cases (S13); every read is audited (S17).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "storage", "audit", "accounts", "people", "messages", "referrals", "retention" })
package org.kinlink.cases;
