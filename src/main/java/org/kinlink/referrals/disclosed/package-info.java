/** Which authorities received family messages, for the retention follow-up list. */
package org.kinlink.referrals.disclosed;
