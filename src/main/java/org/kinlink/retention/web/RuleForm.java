package org.kinlink.retention.web;

import org.kinlink.shared.text.SafeText;

/**
 * The form of one category's rule: keep, or a period as a number (any digits, Persian included) and a unit.
 * The number is text so that a wrong entry gets a clear message instead of a type error.
 */
record RuleForm(@SafeText(max = 20) String amount, String unit, boolean keep, Integer version) {
}
