/** Staff users and their roles, first-run setup, login, throttling and sessions. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "audit" })
package org.kinlink.accounts;
