/** Persons and their names in several scripts, relationships, finding and de-duplicating them. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "storage", "audit" })
package org.kinlink.people;
