/**
 * Vetting of a letter's text for contact details, addresses and phone numbers: a pure function other modules
 * may use to keep such details from leaving the organisation (translation withholds them from engines).
 */
@org.springframework.modulith.NamedInterface("vetting")
package org.kinlink.messages.vetting;
