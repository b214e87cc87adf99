/**
 * What every module uses: languages and calendars, Persian text rules, errors, the embedded database and
 * the page layout.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.kinlink.shared;
