/**
 * Reports for the association with no personal data: people supported by service and status, work and income,
 * departures per year, notification delays; charts drawn on the page, CSV and XLSX exports.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "audit", "accounts", "cases" })
package org.kinlink.reporting;
